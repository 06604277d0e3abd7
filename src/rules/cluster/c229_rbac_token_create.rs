//! C229: a role can mint service-account tokens.

use crate::facts::FileFacts;
use crate::rules::rbac::report_grants;
use crate::rules::{Cx, Rule};

pub struct RbacTokenCreate;
pub static RULE: RbacTokenCreate = RbacTokenCreate;

const TARGETS: &[(&str, &str)] = &[("", "serviceaccounts/token")];
const VERBS: &[&str] = &["create"];

impl Rule for RbacTokenCreate {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        report_grants(facts, cx, TARGETS, VERBS);
    }
}
