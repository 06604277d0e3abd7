//! C215: audit logs are rotated away too quickly.

use crate::facts::{Component, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct ApiserverAuditLogRetention;
pub static RULE: ApiserverAuditLogRetention = ApiserverAuditLogRetention;

/// (flag, minimum, unit) — CIS's minimums. 0 means "no limit" for these flags.
const MINIMUMS: &[(&str, i64, &str)] = &[
    ("audit-log-maxage", 30, "days"),
    ("audit-log-maxbackup", 10, "files"),
    ("audit-log-maxsize", 100, "MB"),
];

impl Rule for ApiserverAuditLogRetention {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::ApiServer) {
            // Only a log file is rotated; `-` is standard output.
            let Some(path) = c.get("audit-log-path") else {
                continue;
            };
            if path.value_or_true().trim() == "-" {
                continue;
            }
            for (flag, min, unit) in MINIMUMS {
                let Some(s) = c.get(flag) else { continue };
                let Ok(v) = s.value_or_true().trim().parse::<i64>() else {
                    continue;
                };
                if v > 0 && v < *min {
                    cx.report(
                        s.span,
                        format!(
                            "kube-apiserver keeps audit logs only up to {v} {unit} (`{}`, {}); keep at least {min} {unit} so incidents can be traced back",
                            s.written,
                            c.origin.describe()
                        ),
                    );
                }
            }
        }
    }
}
