//! C244: an audit policy records nothing: every rule up to a catch-all (or every rule) gives
//! level `None`, or the policy omits every stage.

use crate::facts::FileFacts;
use crate::rules::audit::{catch_all, records_nothing, STAGES};
use crate::rules::{Cx, Rule};
use crate::source::Span;

pub struct AuditPolicyRecordsNothing;
pub static RULE: AuditPolicyRecordsNothing = AuditPolicyRecordsNothing;

impl Rule for AuditPolicyRecordsNothing {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for policy in facts.audit_policies.iter().filter(|p| !p.opaque) {
            let omit = &policy.omit_stages;
            if STAGES.iter().all(|s| omit.iter().any(|o| o.value == *s)) {
                if let (Some(first), Some(last)) = (omit.first(), omit.last()) {
                    cx.report(
                        Span::new(first.span.start, last.span.end),
                        format!(
                            "{} `omitStages` lists every stage ({}): the API server writes no audit event",
                            policy.what,
                            omit.iter().map(|o| o.value.as_str()).collect::<Vec<_>>().join(", ")
                        ),
                    );
                }
                continue;
            }
            // The rules up to the first catch-all (all of them without one) decide every request.
            let end = policy
                .rules
                .iter()
                .position(catch_all)
                .map_or(policy.rules.len(), |i| i + 1);
            let deciding = &policy.rules[..end];
            if deciding.is_empty()
                || !deciding
                    .iter()
                    .all(|r| records_nothing(policy, r) == Some(true))
            {
                continue;
            }
            let Some(rule) = deciding.last() else {
                continue;
            };
            let Some(level) = rule.level.as_ref() else {
                continue;
            };
            let message = if end <= policy.rules.len() && catch_all(rule) {
                if end == 1 {
                    format!(
                        "{} rule 1 `level: {}` matches every request: the API server writes no audit event",
                        policy.what, level.value
                    )
                } else {
                    format!(
                        "{} rule {end} `level: {}` matches every request and no earlier rule records anything: the API server writes no audit event",
                        policy.what, level.value
                    )
                }
            } else {
                format!(
                    "every rule of {} records nothing (the last is `level: {}`) and unmatched requests get level None: the API server writes no audit event",
                    policy.what, level.value
                )
            };
            cx.report(level.span, message);
        }
    }
}
