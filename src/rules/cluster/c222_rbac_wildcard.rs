//! C222: `*` in apiGroups, resources or verbs of any rule of a role.

use crate::facts::FileFacts;
use crate::rules::rbac::builtin_role;
use crate::rules::{Cx, Rule};

pub struct RbacWildcard;
pub static RULE: RbacWildcard = RbacWildcard;

impl Rule for RbacWildcard {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for role in facts.kube.roles.iter().filter(|r| !builtin_role(r)) {
            for (i, rule) in role.rules.iter().enumerate() {
                let fields = [
                    ("apiGroups", &rule.api_groups),
                    ("resources", &rule.resources),
                    ("verbs", &rule.verbs),
                ];
                let wild: Vec<_> = fields
                    .iter()
                    .filter_map(|(name, list)| {
                        list.iter()
                            .find(|s| s.value == "*")
                            .map(|s| (*name, s.span))
                    })
                    .collect();
                let Some((_, span)) = wild.first() else {
                    continue;
                };
                let names: Vec<&str> = wild.iter().map(|(n, _)| *n).collect();
                let what = if names.contains(&"verbs") {
                    "every current and future verb"
                } else if names.contains(&"resources") {
                    "every current and future resource"
                } else {
                    "the named resources in every current and future API group"
                };
                cx.report(
                    *span,
                    format!(
                        "{} rule #{} uses `*` in {}: it grants {what}",
                        role.meta.display(),
                        i + 1,
                        names.join(", ")
                    ),
                );
            }
        }
    }
}
