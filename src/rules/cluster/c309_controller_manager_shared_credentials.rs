//! C309: controllers share the controller manager's own, powerful credential.

use crate::facts::{Component, Effective, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct ControllerManagerSharedCredentials;
pub static RULE: ControllerManagerSharedCredentials = ControllerManagerSharedCredentials;

impl Rule for ControllerManagerSharedCredentials {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::ControllerManager) {
            match c.effective("use-service-account-credentials") {
                Effective::Set(s) if s.as_bool() == Some(false) => cx.report(
                    s.span,
                    format!(
                        "every controller acts with the controller manager's own credential: `{}` ({})",
                        s.written,
                        c.origin.describe()
                    ),
                ),
                Effective::Default("false") => cx.report(
                    c.anchor,
                    format!(
                        "kube-controller-manager does not set --use-service-account-credentials ({}); it defaults to false, so every controller acts with one shared, powerful credential",
                        c.origin.describe()
                    ),
                ),
                _ => {}
            }
        }
    }
}
