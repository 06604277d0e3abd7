//! C230: a role can create PersistentVolumes (hostPath volumes reach the node).

use crate::facts::FileFacts;
use crate::kube_checks::explicit_grants;
use crate::rules::{Cx, Rule};

pub struct RbacPersistentvolumeCreate;
pub static RULE: RbacPersistentvolumeCreate = RbacPersistentvolumeCreate;

const TARGETS: &[(&str, &str)] = &[("", "persistentvolumes")];
const VERBS: &[&str] = &["create"];

impl Rule for RbacPersistentvolumeCreate {
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
