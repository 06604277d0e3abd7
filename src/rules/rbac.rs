//! Shared RBAC judgements: explicit grants of a permission, Kubernetes' own roles, the
//! permissions that amount to cluster-admin.

use crate::facts::kube::{RbacRule, Role, Spanned};

// ---------------------------------------------------------------- RBAC

/// An explicit grant: a rule naming `resource` with some of the wanted verbs.
pub struct Grant<'a> {
    pub rule: &'a RbacRule,
    pub resource: &'a Spanned,
    pub verbs: Vec<&'a str>,
}

/// ClusterRoles Kubernetes itself ships and reconciles; copies of them in a repo are not the
/// author's design.
pub fn builtin_role(role: &Role) -> bool {
    role.cluster
        && (role.meta.name.starts_with("system:")
            || matches!(
                role.meta.name.as_str(),
                "cluster-admin" | "admin" | "edit" | "view"
            ))
}

/// Reports every explicit grant of `verbs` on `targets` in the file's roles, at the resource
/// as written: the shared body of the single-permission RBAC rules (C223-C230).
pub fn report_grants(
    facts: &crate::facts::FileFacts,
    cx: &mut crate::rules::Cx,
    targets: &[(&str, &str)],
    verbs: &[&str],
) {
    for role in &facts.kube.roles {
        for g in explicit_grants(role, targets, verbs) {
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

/// Rules of `role` that name one of `targets` (`(api group, resource)`) with one of `verbs`.
/// Grants only through `*` (resource or verb) are left to the wildcard rule, and rules limited
/// by `resourceNames` are already scoped.
pub fn explicit_grants<'a>(
    role: &'a Role,
    targets: &[(&str, &str)],
    verbs: &[&str],
) -> Vec<Grant<'a>> {
    if builtin_role(role) {
        return Vec::new();
    }
    grants_in(role, targets, verbs)
}

/// [`explicit_grants`] without the built-in role exemption.
fn grants_in<'a>(role: &'a Role, targets: &[(&str, &str)], verbs: &[&str]) -> Vec<Grant<'a>> {
    let mut out = Vec::new();
    for rule in role.rules.iter().filter(|r| r.resource_names.is_empty()) {
        let granted: Vec<&str> = rule
            .verbs
            .iter()
            .map(|v| v.value.as_str())
            .filter(|v| verbs.contains(v))
            .collect();
        if granted.is_empty() {
            continue;
        }
        for res in &rule.resources {
            let hit = targets.iter().any(|(group, name)| {
                res.value == *name
                    && rule
                        .api_groups
                        .iter()
                        .any(|g| g.value == "*" || g.value == *group)
            });
            if hit {
                out.push(Grant {
                    rule,
                    resource: res,
                    verbs: granted.clone(),
                });
            }
        }
    }
    out
}

/// `(api group, resource)` pairs.
type Targets<'a> = &'a [(&'a str, &'a str)];

/// What is dangerous in a role, in a few words each (for aggregation messages).
pub fn dangerous_permissions(role: &Role) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |what: String| {
        if !out.contains(&what) {
            out.push(what)
        }
    };
    for rule in &role.rules {
        let wild = |l: &[Spanned]| l.iter().any(|s| s.value == "*");
        if rule.non_resource_urls.is_empty() && (wild(&rule.verbs) || wild(&rule.resources)) {
            push("wildcard permissions".into());
        }
    }
    let checks: &[(Targets, &[&str])] = &[
        (&[("", "secrets")], &["get", "list", "watch"]),
        (
            &[
                ("rbac.authorization.k8s.io", "roles"),
                ("rbac.authorization.k8s.io", "clusterroles"),
            ],
            &["bind", "escalate"],
        ),
        (
            &[("", "users"), ("", "groups"), ("", "serviceaccounts")],
            &["impersonate"],
        ),
        (
            &[("", "pods/exec"), ("", "pods/attach"), ("", "nodes/proxy")],
            &["get", "create"],
        ),
    ];
    for (targets, verbs) in checks {
        for g in grants_in(role, targets, verbs) {
            push(format!("{} {}", g.verbs.join("/"), g.resource.value));
        }
    }
    out
}

// ---------------------------------------------------------------- workloads
