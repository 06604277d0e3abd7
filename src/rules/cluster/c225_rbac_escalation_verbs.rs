//! C225: a role holds the verbs that get around RBAC itself: bind, escalate, impersonate.

use crate::facts::FileFacts;
use crate::rules::rbac::builtin_role;
use crate::rules::{Cx, Rule};

pub struct RbacEscalationVerbs;
pub static RULE: RbacEscalationVerbs = RbacEscalationVerbs;

impl Rule for RbacEscalationVerbs {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for role in facts.kube.roles.iter().filter(|r| !builtin_role(r)) {
            // resourceNames limits bind/escalate/impersonate to named roles or identities.
            for rule in role.rules.iter().filter(|r| r.resource_names.is_empty()) {
                for verb in rule
                    .verbs
                    .iter()
                    .filter(|v| matches!(v.value.as_str(), "bind" | "escalate" | "impersonate"))
                {
                    let on: Vec<&str> = rule.resources.iter().map(|r| r.value.as_str()).collect();
                    cx.report(
                        verb.span,
                        format!(
                            "{} grants `{}` on {}",
                            role.meta.display(),
                            verb.value,
                            if on.is_empty() {
                                "(no resources)".to_string()
                            } else {
                                on.join(", ")
                            }
                        ),
                    );
                }
            }
        }
    }
}
