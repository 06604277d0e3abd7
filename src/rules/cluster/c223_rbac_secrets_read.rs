//! C223: a role can read Secrets.

use crate::facts::FileFacts;
use crate::kube_checks::explicit_grants;
use crate::rules::{Cx, Rule};

pub struct RbacSecretsRead;
pub static RULE: RbacSecretsRead = RbacSecretsRead;

const TARGETS: &[(&str, &str)] = &[("", "secrets")];
const VERBS: &[&str] = &["get", "list", "watch"];

impl Rule for RbacSecretsRead {
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
