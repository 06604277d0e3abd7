//! C224: a role can create pods or objects that create pods.

use crate::facts::FileFacts;
use crate::rules::rbac::report_grants;
use crate::rules::{Cx, Rule};

pub struct RbacWorkloadCreate;
pub static RULE: RbacWorkloadCreate = RbacWorkloadCreate;

const TARGETS: &[(&str, &str)] = &[
    ("", "pods"),
    ("", "replicationcontrollers"),
    ("apps", "deployments"),
    ("apps", "daemonsets"),
    ("apps", "statefulsets"),
    ("apps", "replicasets"),
    ("batch", "jobs"),
    ("batch", "cronjobs"),
];
const VERBS: &[&str] = &["create"];

impl Rule for RbacWorkloadCreate {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        report_grants(facts, cx, TARGETS, VERBS);
    }
}
