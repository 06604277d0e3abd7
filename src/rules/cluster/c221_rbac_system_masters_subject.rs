//! C221: a binding names the group system:masters.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct RbacSystemMastersSubject;
pub static RULE: RbacSystemMastersSubject = RbacSystemMastersSubject;

impl Rule for RbacSystemMastersSubject {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for b in &facts.kube.bindings {
            // Kubernetes' own bootstrap binding (a copy of it in the repo changes nothing).
            if b.cluster && b.meta.name == "cluster-admin" && b.role_name == "cluster-admin" {
                continue;
            }
            for s in b
                .subjects
                .iter()
                .filter(|s| s.kind == "Group" && s.name == "system:masters")
            {
                cx.report(
                    s.span,
                    format!(
                        "{} binds {} {} to group system:masters: members of that group bypass RBAC, and the group is only ever filled by client certificates that cannot be revoked",
                        b.meta.display(),
                        b.role_kind,
                        b.role_name
                    ),
                );
            }
        }
    }
}
