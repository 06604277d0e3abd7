//! C245: a namespace's `default` ServiceAccount mounts its token into pods.
//!
//! An absent `automountServiceAccountToken` means true: the ServiceAccount admission plugin
//! mounts the token unless the pod or the ServiceAccount sets it to false
//! (`plugin/pkg/admission/serviceaccount/admission.go`, `shouldAutomount`).

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct DefaultServiceAccountAutomount;
pub static RULE: DefaultServiceAccountAutomount = DefaultServiceAccountAutomount;

impl Rule for DefaultServiceAccountAutomount {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for sa in facts
            .kube
            .service_accounts
            .iter()
            .filter(|sa| sa.name == "default")
        {
            let ns = sa
                .namespace
                .as_deref()
                .map_or("its namespace".to_string(), |n| format!("namespace {n}"));
            let field = sa.field;
            let (span, seen) = match (sa.automount, sa.automount_span) {
                (None, _) => (
                    sa.name_span,
                    format!("does not set {field} (absent means true)"),
                ),
                (Some(Some(true)), Some(span)) => (span, format!("sets {field} true")),
                _ => continue,
            };
            cx.report(
                span,
                format!(
                    "ServiceAccount default of {ns} {seen}: every pod there that names no service account and does not opt out gets an API token mounted"
                ),
            );
        }
    }
}
