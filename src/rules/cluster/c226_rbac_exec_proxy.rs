//! C226: a role can run commands in containers (pods/exec, pods/attach), tunnel into them past
//! network policies (pods/portforward) or reach the kubelet API (nodes/proxy).

use crate::facts::FileFacts;
use crate::rules::rbac::report_grants;
use crate::rules::{Cx, Rule};

pub struct RbacExecProxy;
pub static RULE: RbacExecProxy = RbacExecProxy;

const TARGETS: &[(&str, &str)] = &[
    ("", "pods/exec"),
    ("", "pods/attach"),
    ("", "pods/portforward"),
    ("", "nodes/proxy"),
];
const VERBS: &[&str] = &["get", "create"];

impl Rule for RbacExecProxy {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        report_grants(facts, cx, TARGETS, VERBS);
    }
}
