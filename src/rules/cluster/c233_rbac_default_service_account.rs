//! C233: a binding grants a role to a namespace's `default` service account.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct RbacDefaultServiceAccount;
pub static RULE: RbacDefaultServiceAccount = RbacDefaultServiceAccount;

impl Rule for RbacDefaultServiceAccount {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for b in &facts.kube.bindings {
            for s in b
                .subjects
                .iter()
                .filter(|s| s.kind == "ServiceAccount" && s.name == "default")
            {
                let ns = s
                    .namespace
                    .as_deref()
                    .or(b.meta.namespace.as_deref())
                    .unwrap_or("its");
                cx.report(
                    s.span,
                    format!(
                        "{} grants {} {} to the `default` service account of namespace {}: every pod there that names no service account gets it",
                        b.meta.display(),
                        b.role_kind,
                        b.role_name,
                        ns
                    ),
                );
            }
        }
    }
}
