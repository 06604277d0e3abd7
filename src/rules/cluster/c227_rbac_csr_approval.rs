//! C227: a role can approve certificate signing requests.

use crate::facts::FileFacts;
use crate::kube_checks::explicit_grants;
use crate::rules::{Cx, Rule};

pub struct RbacCsrApproval;
pub static RULE: RbacCsrApproval = RbacCsrApproval;

const TARGETS: &[(&str, &str)] = &[
    ("certificates.k8s.io", "certificatesigningrequests/approval"),
    ("certificates.k8s.io", "signers"),
];
const VERBS: &[&str] = &["update", "patch", "approve"];

impl Rule for RbacCsrApproval {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for role in &facts.kube.roles {
            for g in explicit_grants(role, TARGETS, VERBS) {
                cx.report(
                    g.resource.span,
                    format!(
                        "{} grants {} on {}",
                        role.meta.display(),
                        g.verbs.join(", "),
                        g.resource.value
                    ),
                );
            }
        }
    }
}
