//! C211: the API server keeps no audit log.

use crate::facts::{Component, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct ApiserverAuditLogging;
pub static RULE: ApiserverAuditLogging = ApiserverAuditLogging;

impl Rule for ApiserverAuditLogging {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::ApiServer) {
            let policy = cp::unset(c, "audit-policy-file");
            let log = cp::unset(c, "audit-log-path");
            let webhook = cp::unset(c, "audit-webhook-config-file");
            match (policy, log, webhook) {
                (Some(true), _, _) => cx.report(
                    c.get("audit-policy-file").map(|s| s.span).unwrap_or(c.anchor),
                    format!(
                        "{} has no {}: no request is audited, so actions cannot be traced to a user{}",
                        cp::who(c),
                        c.origin.spelling("audit-policy-file"),
                        cp::distro_fix(c, "audit-policy-file")
                    ),
                ),
                (Some(false), Some(true), Some(true)) => cx.report(
                    c.anchor,
                    format!(
                        "{} has an audit policy but neither {} nor {}: audit events go nowhere",
                        cp::who(c),
                        c.origin.spelling("audit-log-path"),
                        c.origin.spelling("audit-webhook-config-file")
                    ),
                ),
                _ => {}
            }
        }
    }
}
