//! Audit policy judgements: which level the first matching rule gives a request, following the
//! API server's checker (`staging/src/k8s.io/apiserver/pkg/audit/policy/checker.go`:
//! `LevelAndStages`, `ruleMatches`, `ruleMatchesResource`; no rule matched means `None`;
//! policy `omitStages` are added to every rule's).
//!
//! Only certainties are reported: a rule is said to give its level to a resource when a concrete
//! request exists (a user, groups, verb, namespace, name) that this rule matches and no earlier
//! rule does. Earlier rules whose reach is unknown are taken to match everything.

use crate::facts::audit::{AuditPolicy, AuditRule};

/// A resource whose requests carry secret material.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Target {
    pub group: &'static str,
    pub resource: &'static str,
    pub namespaced: bool,
    /// Verbs the resource serves (tokenreviews is create-only).
    pub verbs: &'static [&'static str],
}

const ALL_VERBS: &[&str] = &[
    "get",
    "list",
    "watch",
    "create",
    "update",
    "patch",
    "delete",
    "deletecollection",
];

pub const SECRET_BEARING: &[Target] = &[
    Target {
        group: "",
        resource: "secrets",
        namespaced: true,
        verbs: ALL_VERBS,
    },
    Target {
        group: "",
        resource: "configmaps",
        namespaced: true,
        verbs: ALL_VERBS,
    },
    Target {
        group: "authentication.k8s.io",
        resource: "tokenreviews",
        namespaced: false,
        verbs: &["create"],
    },
];

/// Every audit stage (`audit.k8s.io` `Stage`).
pub const STAGES: &[&str] = &[
    "RequestReceived",
    "ResponseStarted",
    "ResponseComplete",
    "Panic",
];

/// Verbs whose request (level `Request`) or request and response (`RequestResponse`) bodies
/// hold the object.
pub fn body_verbs(level: &str) -> &'static [&'static str] {
    match level {
        "Request" => &["create", "update", "patch"],
        "RequestResponse" => &["get", "list", "create", "update", "patch", "delete"],
        _ => &[],
    }
}

/// A concrete resource request.
#[derive(Clone, Debug)]
pub struct Request<'a> {
    pub user: &'a str,
    pub groups: Vec<&'a str>,
    pub verb: &'a str,
    pub namespace: &'a str,
    pub name: &'a str,
    pub target: Target,
}

const FRESH: &str = "\u{0}kube-harden-unlisted";

/// Whether `rule` matches `req`; `None` when its reach is unknown.
pub fn matches(rule: &AuditRule, req: &Request) -> Option<bool> {
    if rule.unknown {
        return None;
    }
    let has = |list: &[String], v: &str| list.iter().any(|s| s == v);
    if !rule.users.is_empty() && !has(&rule.users, req.user) {
        return Some(false);
    }
    if !rule.user_groups.is_empty() && !req.groups.iter().any(|g| has(&rule.user_groups, g)) {
        return Some(false);
    }
    if !rule.verbs.is_empty() && !has(&rule.verbs, req.verb) {
        return Some(false);
    }
    if !rule.namespaces.is_empty() || !rule.resources.is_empty() {
        if !rule.namespaces.is_empty() && !has(&rule.namespaces, req.namespace) {
            return Some(false);
        }
        if rule.resources.is_empty() {
            return Some(true);
        }
        let t = req.target;
        let hit = rule.resources.iter().any(|gr| {
            gr.group == t.group
                && (gr.resources.is_empty()
                    || gr.resources.iter().any(|r| {
                        (gr.resource_names.is_empty() || has(&gr.resource_names, req.name))
                            && (r == "*"
                                || r == t.resource
                                || r.strip_suffix("/*") == Some(t.resource))
                    }))
        });
        return Some(hit);
    }
    // A rule with only nonResourceURLs matches no resource request.
    Some(rule.non_resource_urls.is_empty())
}

/// Whether the rule's level (with the policy's and its own omitted stages) records nothing.
pub fn records_nothing(policy: &AuditPolicy, rule: &AuditRule) -> Option<bool> {
    let level = rule.level.as_ref()?.value.as_str();
    if !matches!(level, "None" | "Metadata" | "Request" | "RequestResponse") {
        return None;
    }
    let omitted = |s: &str| {
        rule.omit_stages.iter().any(|o| o == s) || policy.omit_stages.iter().any(|o| o.value == s)
    };
    Some(level == "None" || STAGES.iter().all(|s| omitted(s)))
}

/// Whether the rule restricts nothing: it matches every request.
pub fn catch_all(rule: &AuditRule) -> bool {
    !rule.unknown
        && rule.users.is_empty()
        && rule.user_groups.is_empty()
        && rule.verbs.is_empty()
        && rule.namespaces.is_empty()
        && rule.non_resource_urls.is_empty()
        && rule.resources.is_empty()
}

/// A request to `target` that rule `index` matches, no earlier rule matches, and whose body
/// the rule's level records; `None` when there is none or it is not certain.
pub fn leaking_request<'a>(
    policy: &'a AuditPolicy,
    index: usize,
    target: Target,
) -> Option<Request<'a>> {
    let rule = policy.rules.get(index)?;
    let level = rule.level.as_ref()?.value.as_str();
    let omitted = |s: &str| {
        rule.omit_stages.iter().any(|o| o == s) || policy.omit_stages.iter().any(|o| o.value == s)
    };
    // Request and response objects are recorded in the ResponseComplete event.
    if omitted("ResponseComplete") || rule.unknown {
        return None;
    }
    let users: Vec<&str> = rule
        .users
        .iter()
        .map(String::as_str)
        .chain([FRESH])
        .collect();
    let mut groups: Vec<Vec<&str>> = vec![vec!["system:authenticated"]];
    for g in &rule.user_groups {
        groups.push(if g == "system:unauthenticated" {
            vec![g.as_str()]
        } else {
            vec!["system:authenticated", g.as_str()]
        });
    }
    let namespaces: Vec<&str> = if target.namespaced {
        rule.namespaces
            .iter()
            .map(String::as_str)
            .filter(|n| !n.is_empty())
            .chain([FRESH])
            .collect()
    } else {
        vec![""]
    };
    let names: Vec<&str> = rule
        .resources
        .iter()
        .flat_map(|gr| gr.resource_names.iter().map(String::as_str))
        .chain([FRESH])
        .collect();
    let verbs = body_verbs(level)
        .iter()
        .copied()
        .filter(|v| target.verbs.contains(v));
    let mut tried = 0usize;
    for verb in verbs {
        // Collection requests and creates carry no name in the request path.
        let verb_names: &[&str] =
            if matches!(verb, "create" | "list" | "watch" | "deletecollection") {
                &[""]
            } else {
                &names
            };
        for user in &users {
            for g in &groups {
                for ns in &namespaces {
                    for name in verb_names {
                        tried += 1;
                        if tried > 20_000 {
                            return None;
                        }
                        let req = Request {
                            user,
                            groups: g.clone(),
                            verb,
                            namespace: ns,
                            name,
                            target,
                        };
                        if matches(rule, &req) == Some(true)
                            && policy.rules[..index]
                                .iter()
                                .all(|e| matches(e, &req) == Some(false))
                        {
                            return Some(req);
                        }
                    }
                }
            }
        }
    }
    None
}

/// How a witness request reads in a message (`create by any user`, `get by user alice`).
pub fn describe(req: &Request) -> String {
    let who = if req.user != FRESH {
        format!("user {}", req.user)
    } else if let Some(g) = req.groups.iter().find(|g| **g != "system:authenticated") {
        format!("a member of {g}")
    } else {
        "any authenticated user".to_string()
    };
    let r = req.target.resource;
    let place = if req.namespace.is_empty() || req.namespace == FRESH {
        String::new()
    } else {
        format!(" in namespace {}", req.namespace)
    };
    let name = if req.name.is_empty() || req.name == FRESH {
        String::new()
    } else {
        format!(" {}", req.name)
    };
    format!("`{}` {r}{name}{place} by {who}", req.verb)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::FileFacts;

    fn policy(yaml: &str) -> AuditPolicy {
        let (docs, _) = crate::parse::yaml::parse(yaml);
        let mut facts = FileFacts::default();
        crate::extract::document(&docs[0], yaml, &mut facts);
        facts.audit_policies.remove(0)
    }

    #[test]
    fn first_match_with_witnesses() {
        let head = "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n";
        // `*/status` and `secrets` with names do not cover every secret request; `secrets/*` does.
        let p = policy(&format!("{head}  - level: None\n    resources: [{{group: \"\", resources: [\"*/status\"]}}]\n  - level: None\n    resources: [{{resources: [secrets], resourceNames: [a]}}]\n  - level: RequestResponse\n"));
        let secrets = SECRET_BEARING[0];
        assert!(leaking_request(&p, 2, secrets).is_some());
        let p = policy(&format!("{head}  - level: None\n    resources: [{{resources: [\"secrets/*\"]}}]\n  - level: RequestResponse\n"));
        assert!(leaking_request(&p, 1, secrets).is_none());
        // Every authenticated user is in system:authenticated.
        let p = policy(&format!("{head}  - level: None\n    userGroups: [system:authenticated]\n  - level: RequestResponse\n"));
        assert!(leaking_request(&p, 1, secrets).is_none());
        // A non-resource rule never matches a resource request.
        let p = policy(&format!(
            "{head}  - level: None\n    nonResourceURLs: [\"*\"]\n  - level: Request\n"
        ));
        let r = leaking_request(&p, 1, secrets).unwrap();
        assert_eq!(r.verb, "create");
        // tokenreviews are cluster-scoped: a namespaced rule does not match them.
        let p = policy(&format!(
            "{head}  - level: None\n    namespaces: [default]\n  - level: Request\n"
        ));
        assert!(leaking_request(&p, 1, SECRET_BEARING[2]).is_some());
    }
}
