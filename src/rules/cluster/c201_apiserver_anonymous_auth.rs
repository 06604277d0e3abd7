//! C201: the API server answers anonymous requests.

use crate::facts::{Component, Effective, FileFacts};
use crate::rules::{Cx, Rule};

pub struct ApiserverAnonymousAuth;
pub static RULE: ApiserverAnonymousAuth = ApiserverAnonymousAuth;

impl Rule for ApiserverAnonymousAuth {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in facts
            .components
            .iter()
            .filter(|c| c.component == Component::ApiServer)
        {
            match c.effective("anonymous-auth") {
                Effective::Set(s) if s.as_bool() == Some(true) => cx.report(
                    s.span,
                    format!(
                        "kube-apiserver enables anonymous requests: `{}` ({})",
                        s.written,
                        c.origin.describe()
                    ),
                ),
                // An AuthenticationConfiguration file may restrict anonymous access to health
                // paths; it is not in view, so the absence says nothing.
                Effective::Default("true") if c.get("authentication-config").is_none() => cx.report(
                    c.anchor,
                    format!(
                        "kube-apiserver does not set --anonymous-auth ({}), and it defaults to true: anonymous requests are accepted",
                        c.origin.describe()
                    ),
                ),
                _ => {}
            }
        }
    }
}
