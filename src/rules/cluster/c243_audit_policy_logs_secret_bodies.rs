//! C243: an audit policy records the bodies of Secret, ConfigMap or TokenReview requests.

use crate::facts::FileFacts;
use crate::rules::audit::{describe, leaking_request, SECRET_BEARING};
use crate::rules::{Cx, Rule};

pub struct AuditPolicyLogsSecretBodies;
pub static RULE: AuditPolicyLogsSecretBodies = AuditPolicyLogsSecretBodies;

impl Rule for AuditPolicyLogsSecretBodies {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for policy in facts.audit_policies.iter().filter(|p| !p.opaque) {
            // The first rule that records each resource's bodies, grouped per rule.
            let mut per_rule: Vec<(usize, Vec<String>, Vec<&str>)> = Vec::new();
            for target in SECRET_BEARING {
                let hit = (0..policy.rules.len()).find_map(|i| {
                    let level = policy.rules[i].level.as_ref()?.value.as_str();
                    if !matches!(level, "Request" | "RequestResponse") {
                        return None;
                    }
                    leaking_request(policy, i, *target).map(|r| (i, describe(&r)))
                });
                if let Some((i, seen)) = hit {
                    let what = match target.resource {
                        "secrets" => "Secret values",
                        "configmaps" => "ConfigMap data",
                        _ => "the bearer tokens under review",
                    };
                    match per_rule.iter_mut().find(|(j, _, _)| *j == i) {
                        Some((_, v, w)) => {
                            v.push(seen);
                            w.push(what);
                        }
                        None => per_rule.push((i, vec![seen], vec![what])),
                    }
                }
            }
            for (i, seen, what) in per_rule {
                let Some(level) = policy.rules[i].level.as_ref() else {
                    continue;
                };
                let body = if level.value == "Request" {
                    "request bodies"
                } else {
                    "request and response bodies"
                };
                cx.report(
                    level.span,
                    format!(
                        "{} rule {} `level: {}` is the first rule to match {}: the audit log records their {body}, copying {} in clear",
                        policy.what,
                        i + 1,
                        level.value,
                        seen.join(", "),
                        what.join(", ")
                    ),
                );
            }
        }
    }
}
