//! C228: a role can change admission webhook configurations.

use crate::facts::FileFacts;
use crate::rules::rbac::report_grants;
use crate::rules::{Cx, Rule};

pub struct RbacWebhookWrite;
pub static RULE: RbacWebhookWrite = RbacWebhookWrite;

const TARGETS: &[(&str, &str)] = &[
    (
        "admissionregistration.k8s.io",
        "validatingwebhookconfigurations",
    ),
    (
        "admissionregistration.k8s.io",
        "mutatingwebhookconfigurations",
    ),
];
const VERBS: &[&str] = &["create", "update", "patch", "delete", "deletecollection"];

impl Rule for RbacWebhookWrite {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        report_grants(facts, cx, TARGETS, VERBS);
    }
}
