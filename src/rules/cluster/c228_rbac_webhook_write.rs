//! C228: a role can change admission webhook configurations.

use crate::facts::FileFacts;
use crate::kube_checks::explicit_grants;
use crate::rules::{Cx, Rule};

pub struct RbacWebhookWrite;
pub static RULE: RbacWebhookWrite = RbacWebhookWrite;

const TARGETS: &[(&str, &str)] = &[
    ("admissionregistration.k8s.io", "validatingwebhookconfigurations"),
    ("admissionregistration.k8s.io", "mutatingwebhookconfigurations"),
];
const VERBS: &[&str] = &["create", "update", "patch", "delete", "deletecollection"];

impl Rule for RbacWebhookWrite {
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
