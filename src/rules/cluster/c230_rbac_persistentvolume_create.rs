//! C230: a role can create PersistentVolumes (hostPath volumes reach the node).

use crate::facts::FileFacts;
use crate::rules::rbac::report_grants;
use crate::rules::{Cx, Rule};

pub struct RbacPersistentvolumeCreate;
pub static RULE: RbacPersistentvolumeCreate = RbacPersistentvolumeCreate;

const TARGETS: &[(&str, &str)] = &[("", "persistentvolumes")];
const VERBS: &[&str] = &["create"];

impl Rule for RbacPersistentvolumeCreate {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        report_grants(facts, cx, TARGETS, VERBS);
    }
}
