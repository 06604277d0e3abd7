//! C223: a role can read Secrets.

use crate::facts::FileFacts;
use crate::rules::rbac::report_grants;
use crate::rules::{Cx, Rule};

pub struct RbacSecretsRead;
pub static RULE: RbacSecretsRead = RbacSecretsRead;

const TARGETS: &[(&str, &str)] = &[("", "secrets")];
const VERBS: &[&str] = &["get", "list", "watch"];

impl Rule for RbacSecretsRead {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        report_grants(facts, cx, TARGETS, VERBS);
    }
}
