//! C229: a role can mint service-account tokens.

use crate::facts::FileFacts;
use crate::kube_checks::explicit_grants;
use crate::rules::{Cx, Rule};

pub struct RbacTokenCreate;
pub static RULE: RbacTokenCreate = RbacTokenCreate;

const TARGETS: &[(&str, &str)] = &[("", "serviceaccounts/token")];
const VERBS: &[&str] = &["create"];

impl Rule for RbacTokenCreate {
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
