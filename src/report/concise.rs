//! `--format concise`: one line per finding (`path:line:column: ID [severity] message`), then
//! one line per diagnostic and a count — for terminals, logs and editors' problem matchers.

use super::clean::clean;
use crate::Outcome;
use std::fmt::Write as _;

pub fn render(outcome: &Outcome) -> String {
    let mut out = String::new();
    for f in outcome.active() {
        let s = f.start();
        let _ = writeln!(
            out,
            "{}:{}:{}: {} [{}] {}",
            clean(&f.file.path),
            s.line,
            s.column,
            f.rule_id,
            f.severity.as_str(),
            clean(&f.message)
        );
    }
    for d in &outcome.diagnostics {
        let at = d
            .region
            .map(|(s, _)| format!(":{}:{}", s.line, s.column))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{}{at}: kube-harden {} [{}] {}",
            clean(&d.path),
            d.code,
            d.level.as_str(),
            clean(&d.message)
        );
    }
    let n = outcome.active().count();
    let _ = writeln!(
        out,
        "{n} finding{} in {} file{}",
        if n == 1 { "" } else { "s" },
        outcome.files_scanned,
        if outcome.files_scanned == 1 { "" } else { "s" }
    );
    for p in &outcome.policy {
        let _ = writeln!(out, "policy: {}", clean(p));
    }
    out
}
