//! C227: a role can approve certificate signing requests.

use crate::facts::FileFacts;
use crate::rules::rbac::report_grants;
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
        report_grants(facts, cx, TARGETS, VERBS);
    }
}
