//! `--format checkstyle`: Checkstyle XML, read by Jenkins warnings-ng, reviewdog
//! (`-f=checkstyle`), SonarQube and many editors. One `<file>` per path, in report order.

use super::xml::{escape, HEADER};
use crate::findings::{Level, Severity};
use crate::Outcome;
use std::fmt::Write as _;

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "info",
    }
}

pub fn render(outcome: &Outcome) -> String {
    // One <file> per path, in the sorted order of findings, then diagnostics.
    let mut out = format!("{HEADER}<checkstyle version=\"4.3\">\n");
    let mut by_path: Vec<(String, String)> = Vec::new();
    let mut push = |path: &str, line: String| match by_path.iter_mut().find(|(p, _)| p == path) {
        Some((_, lines)) => lines.push_str(&line),
        None => by_path.push((path.to_string(), line)),
    };
    for f in outcome.active() {
        let s = f.start();
        push(
            &f.file.path,
            format!(
                "    <error line=\"{}\" column=\"{}\" severity=\"{}\" message=\"{}\" source=\"kube-harden.{}.{}\"/>\n",
                s.line,
                s.column,
                severity(f.severity),
                escape(&f.message),
                f.rule_id,
                f.rule_name
            ),
        );
    }
    for d in &outcome.diagnostics {
        let (line, column) = d.region.map_or((1, 1), |(s, _)| (s.line, s.column));
        let sev = match d.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note => "info",
        };
        push(
            &d.path,
            format!(
                "    <error line=\"{line}\" column=\"{column}\" severity=\"{sev}\" message=\"{}\" source=\"kube-harden.{}\"/>\n",
                escape(&d.message),
                d.code
            ),
        );
    }
    for (path, lines) in by_path {
        let _ = write!(
            out,
            "  <file name=\"{}\">\n{lines}  </file>\n",
            escape(&path)
        );
    }
    out.push_str("</checkstyle>\n");
    out
}
