//! C232: a binding grants a role to every authenticated identity.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct RbacAuthenticatedGroup;
pub static RULE: RbacAuthenticatedGroup = RbacAuthenticatedGroup;

/// Discovery roles Kubernetes itself binds to system:authenticated.
const DISCOVERY_ROLES: &[&str] = &[
    "system:basic-user",
    "system:discovery",
    "system:public-info-viewer",
];

impl Rule for RbacAuthenticatedGroup {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for b in &facts.kube.bindings {
            if b.role_kind == "ClusterRole" && DISCOVERY_ROLES.contains(&b.role_name.as_str()) {
                continue;
            }
            for s in b
                .subjects
                .iter()
                .filter(|s| s.kind == "Group" && s.name == "system:authenticated")
            {
                cx.report(
                    s.span,
                    format!(
                        "{} grants {} {} to group system:authenticated: every user and every service account of the cluster gets it",
                        b.meta.display(),
                        b.role_kind,
                        b.role_name
                    ),
                );
            }
        }
    }
}
