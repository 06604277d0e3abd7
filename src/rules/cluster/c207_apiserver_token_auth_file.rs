//! C207: the API server accepts static bearer tokens from a file.

use crate::facts::{Component, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct ApiserverTokenAuthFile;
pub static RULE: ApiserverTokenAuthFile = ApiserverTokenAuthFile;

impl Rule for ApiserverTokenAuthFile {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::ApiServer) {
            if let Some(s) = c
                .get("token-auth-file")
                .filter(|s| !s.value_or_true().trim().is_empty())
            {
                cx.report(
                    s.span,
                    format!(
                        "kube-apiserver accepts static tokens from {} ({}): they never expire and change only with an API server restart",
                        s.value_or_true(),
                        c.origin.describe()
                    ),
                );
            }
        }
    }
}
