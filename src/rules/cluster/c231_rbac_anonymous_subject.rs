//! C231: a binding grants a role to anonymous requests.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct RbacAnonymousSubject;
pub static RULE: RbacAnonymousSubject = RbacAnonymousSubject;

/// Roles Kubernetes itself binds to unauthenticated requests.
const PUBLIC_ROLES: &[&str] = &["system:public-info-viewer"];

impl Rule for RbacAnonymousSubject {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for b in &facts.kube.bindings {
            if b.role_kind == "ClusterRole" && PUBLIC_ROLES.contains(&b.role_name.as_str()) {
                continue;
            }
            for s in b.subjects.iter().filter(|s| {
                (s.kind == "User" && s.name == "system:anonymous")
                    || (s.kind == "Group" && s.name == "system:unauthenticated")
            }) {
                cx.report(
                    s.span,
                    format!(
                        "{} grants {} {} to {} {}: anyone who can reach the API server gets it without credentials",
                        b.meta.display(),
                        b.role_kind,
                        b.role_name,
                        s.kind,
                        s.name
                    ),
                );
            }
        }
    }
}
