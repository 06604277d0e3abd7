//! C225: a role holds the verbs that get around RBAC itself: bind, escalate, impersonate.
//!
//! Written verbs are reported at the verb. A `*` verb (or a `*` resource or API group) that
//! covers one of them is reported too, at the `*`, naming the permission it covers: a wildcard
//! on `clusterroles` is bind and escalate, which is cluster-admin equivalent, and deserves this
//! rule's severity rather than only C222's.

use crate::facts::kube::{RbacRule, Spanned};
use crate::facts::FileFacts;
use crate::rules::rbac::builtin_role;
use crate::rules::{Cx, Rule};

pub struct RbacEscalationVerbs;
pub static RULE: RbacEscalationVerbs = RbacEscalationVerbs;

/// The escalation permissions: (verbs, API group, resources), per the Kubernetes RBAC docs
/// (bind/escalate on roles, impersonate on users, groups and service accounts).
const ESCALATIONS: &[(&[&str], &str, &[&str])] = &[
    (
        &["bind", "escalate"],
        "rbac.authorization.k8s.io",
        &["roles", "clusterroles"],
    ),
    (
        &["impersonate"],
        "",
        &["users", "groups", "serviceaccounts"],
    ),
];

/// What a rule with a wildcard covers among the escalation permissions, and the `*` that
/// does it (the verb's if any, else the resource's, else the API group's).
fn wildcard_escalation(rule: &RbacRule) -> Option<(&Spanned, Vec<String>)> {
    let star_verb = star(&rule.verbs);
    let star_res = star(&rule.resources);
    let star_group = star(&rule.api_groups);
    let mut covered = Vec::new();
    for (verbs, group, resources) in ESCALATIONS {
        let group_ok = star_group.is_some() || rule.api_groups.iter().any(|g| g.value == *group);
        if !group_ok {
            continue;
        }
        let res: Vec<&str> = resources
            .iter()
            .copied()
            .filter(|r| star_res.is_some() || rule.resources.iter().any(|x| x.value == *r))
            .collect();
        let vs: Vec<&str> = verbs
            .iter()
            .copied()
            .filter(|v| star_verb.is_some() || rule.verbs.iter().any(|x| x.value == *v))
            .collect();
        // Only what a wildcard adds: written verb-on-resource pairs are reported at the verb.
        let through_star = star_verb.is_some() || star_res.is_some() || star_group.is_some();
        if res.is_empty() || vs.is_empty() || !through_star {
            continue;
        }
        let written_verbs = vs.iter().all(|v| rule.verbs.iter().any(|x| x.value == *v));
        if written_verbs {
            continue;
        }
        covered.push(format!("{} on {}", vs.join(" and "), res.join(", ")));
    }
    if covered.is_empty() {
        return None;
    }
    star_verb.or(star_res).or(star_group).map(|s| (s, covered))
}

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
                if let Some((star, covered)) = wildcard_escalation(rule) {
                    let scope = if role.cluster {
                        "cluster-admin equivalent"
                    } else {
                        "admin of its namespace"
                    };
                    cx.report(
                        star.span,
                        format!(
                            "{} grants `*` (verbs {}, resources {}), which includes {}: {scope}",
                            role.meta.display(),
                            list(&rule.verbs),
                            list(&rule.resources),
                            covered.join("; "),
                        ),
                    );
                }
            }
        }
    }
}

fn star(l: &[Spanned]) -> Option<&Spanned> {
    l.iter().find(|s| s.value == "*")
}

fn list(l: &[Spanned]) -> String {
    let v: Vec<&str> = l.iter().map(|s| s.value.as_str()).collect();
    format!("[{}]", v.join(", "))
}
