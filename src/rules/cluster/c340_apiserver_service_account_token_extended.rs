//! C340: the API server extends the service-account tokens it injects into pods to a year
//! (`--service-account-extend-token-expiration`, default true).

use crate::facts::{Component, Effective, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct ApiserverServiceAccountTokenExtended;
pub static RULE: ApiserverServiceAccountTokenExtended = ApiserverServiceAccountTokenExtended;

const WHY: &str = "pod tokens requested for one hour stay valid for up to a year, so a token copied out of a pod keeps working long after";

impl Rule for ApiserverServiceAccountTokenExtended {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::ApiServer) {
            match c.effective("service-account-extend-token-expiration") {
                Effective::Set(s) if s.as_bool() == Some(true) => cx.report(
                    s.span,
                    format!(
                        "kube-apiserver extends injected service-account tokens: `{}` ({}): {WHY}",
                        s.written,
                        c.origin.describe()
                    ),
                ),
                Effective::Default("true") => cx.report(
                    c.anchor,
                    format!(
                        "kube-apiserver does not set --service-account-extend-token-expiration=false ({}); it defaults to true: {WHY}",
                        c.origin.describe()
                    ),
                ),
                _ => {}
            }
        }
    }
}
