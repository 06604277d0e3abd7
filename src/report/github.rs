//! `--format github`: workflow commands that GitHub Actions turns into annotations. The tool's
//! diagnostics first, then findings most severe first, because GitHub shows only the first 10
//! of each kind per step.

use crate::findings::{Level, Severity};
use crate::Outcome;
use std::fmt::Write as _;

/// Escaping for the message part (after `::`): the workflow-command escapes, then any other
/// terminal control made visible (see [`super::clean`]).
pub fn escape_data(s: &str) -> String {
    let escaped = s
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    super::clean::clean(&escaped).into_owned()
}

/// Escaping for property values (`file=…,title=…`).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(sev: Severity) -> &'static str {
    match sev {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "notice",
    }
}

pub fn render(outcome: &Outcome) -> String {
    let mut out = String::new();
    // What the repository's configuration relaxed, and the tool's own errors first: a file not
    // fully scanned fails the run and must not be among the annotations GitHub drops.
    for p in &outcome.policy {
        let _ = writeln!(
            out,
            "::warning title={}::{}",
            escape_property("kube-harden policy"),
            escape_data(p)
        );
    }
    for d in &outcome.diagnostics {
        let cmd = match d.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note => "notice",
        };
        let loc = d
            .region
            .map(|(s, _)| format!(",line={},col={}", s.line, s.column))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "::{cmd} file={}{loc},title={}::{}",
            escape_property(&d.path),
            escape_property(&format!("kube-harden {}", d.code)),
            escape_data(&d.message)
        );
    }
    let mut active: Vec<_> = outcome.active().collect();
    active.sort_by_key(|f| std::cmp::Reverse(f.severity)); // stable: keeps path/line order within a severity
    for f in active {
        let (s, e) = (f.start(), f.end());
        let _ = writeln!(
            out,
            "::{} file={},line={},endLine={},col={},endColumn={},title={}::{}",
            command(f.severity),
            escape_property(&f.file.path),
            s.line,
            e.line,
            s.column,
            e.column,
            escape_property(&format!(
                "{} {} ({})",
                f.rule_id,
                f.rule_name,
                f.severity.as_str()
            )),
            escape_data(&f.message)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_data("50%\nnext"), "50%25%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
        assert_eq!(
            escape_property("a\n::error file=x::pwned.yaml"),
            "a%0A%3A%3Aerror file=x%3A%3Apwned.yaml"
        );
        assert_eq!(escape_data("\u{1b}[2J\u{202e}"), "\\u{1b}[2J\\u{202e}");
    }
}
