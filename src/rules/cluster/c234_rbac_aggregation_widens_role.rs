//! C234: a ClusterRole with dangerous permissions is aggregated into another ClusterRole (a
//! built-in one such as view, edit or admin, or an aggregating ClusterRole of the scan), so
//! every subject bound to that role silently gains them.

use crate::facts::kube::{LabelSelector, Role};
use crate::facts::FileFacts;
use crate::rules::rbac::{builtin_role, dangerous_permissions};
use crate::rules::{Cx, Rule};
use crate::rules::{FactFamily, Project, ProjectCx};

pub struct RbacAggregationWidensRole;
pub static RULE: RbacAggregationWidensRole = RbacAggregationWidensRole;

/// The aggregation labels of the built-in user-facing roles.
const BUILTIN: &[(&str, &str)] = &[
    ("rbac.authorization.k8s.io/aggregate-to-view", "view"),
    ("rbac.authorization.k8s.io/aggregate-to-edit", "edit"),
    ("rbac.authorization.k8s.io/aggregate-to-admin", "admin"),
];

impl Rule for RbacAggregationWidensRole {
    /// Built-in targets need no other file.
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for role in facts
            .kube
            .roles
            .iter()
            .filter(|r| r.cluster && !builtin_role(r))
        {
            for (label, target) in BUILTIN {
                if role
                    .meta
                    .labels
                    .iter()
                    .any(|(k, v)| k == label && v == "true")
                {
                    let bad = dangerous_permissions(role);
                    if !bad.is_empty() {
                        cx.report(role.meta.name_span, message(role, target, label, &bad));
                    }
                }
            }
        }
    }

    fn project_facts(&self) -> &'static [FactFamily] {
        &[FactFamily::Kube]
    }

    /// Aggregating ClusterRoles defined in the scan: resolve their selectors against every
    /// ClusterRole of the scan. Positive evidence only, so partial views are safe.
    fn check_project(&self, project: &Project, cx: &mut ProjectCx) {
        let roles: Vec<(usize, &Role)> = project
            .each(|k| &k.roles)
            .filter(|(_, r)| r.cluster)
            .collect();
        for (_, agg) in roles.iter().filter(|(_, r)| !r.aggregation.is_empty()) {
            for (file, role) in &roles {
                if std::ptr::eq(*role, *agg) || builtin_role(role) {
                    continue;
                }
                let Some(sel) = agg.aggregation.iter().find(|s| selects(s, role)) else {
                    continue;
                };
                let bad = dangerous_permissions(role);
                if bad.is_empty() {
                    continue;
                }
                let label = sel
                    .match_labels
                    .first()
                    .map(|(k, v)| format!("{k}={v}"))
                    .unwrap_or_else(|| "its labels".into());
                cx.report(
                    *file,
                    role.meta.name_span,
                    message(role, &agg.meta.name, &label, &bad),
                );
            }
        }
    }
}

fn selects(sel: &LabelSelector, role: &Role) -> bool {
    !sel.is_empty() && sel.matches(&role.meta.labels) == Some(true)
}

fn message(role: &Role, target: &str, label: &str, bad: &[String]) -> String {
    format!(
        "ClusterRole {} is aggregated into ClusterRole {target} (through {label}) and carries {}: everyone bound to {target} gains it",
        role.meta.name,
        bad.join(", ")
    )
}
