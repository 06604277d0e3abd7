//! C220: a binding grants the ClusterRole cluster-admin to a user, group or service account.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct RbacClusterAdminBinding;
pub static RULE: RbacClusterAdminBinding = RbacClusterAdminBinding;

impl Rule for RbacClusterAdminBinding {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for b in &facts.kube.bindings {
            if b.role_kind != "ClusterRole" || b.role_name != "cluster-admin" {
                continue;
            }
            // Kubernetes' own subjects (system:masters and the like) are bound by the API server.
            let subjects: Vec<String> = b
                .subjects
                .iter()
                .filter(|s| !s.name.starts_with("system:"))
                .map(|s| format!("{} {}", s.kind, s.name))
                .collect();
            if subjects.is_empty() {
                continue;
            }
            cx.report(
                b.role_span,
                format!(
                    "{} grants cluster-admin to {}{}",
                    b.meta.display(),
                    subjects.join(", "),
                    if b.cluster {
                        " across the whole cluster"
                    } else {
                        " in its namespace"
                    }
                ),
            );
        }
    }
}
