//! `--format gitlab`: GitLab Code Quality, the CodeClimate subset GitLab reads from
//! `artifacts: reports: codequality` (description, check_name, fingerprint, severity,
//! location.path, location.lines.begin). Files not fully scanned are issues too, so a merge
//! request shows them.

use crate::findings::{stable_hash, Level, Severity};
use crate::Outcome;
use serde_json::{json, Value};

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "critical",
        Severity::High => "major",
        Severity::Medium => "minor",
        Severity::Low => "info",
    }
}

pub fn render(outcome: &Outcome) -> String {
    let mut issues: Vec<Value> = outcome
        .active()
        .map(|f| {
            let (s, e) = (f.start(), f.end());
            json!({
                "type": "issue",
                "description": format!("{} {}: {}", f.rule_id, f.rule_name, f.message),
                "check_name": f.rule_id,
                "categories": ["Security"],
                "fingerprint": f.fingerprint,
                "severity": severity(f.severity),
                "location": {
                    "path": f.file.path,
                    "lines": {"begin": s.line, "end": e.line},
                    "positions": {
                        "begin": {"line": s.line, "column": s.column},
                        "end": {"line": e.line, "column": e.column}
                    }
                }
            })
        })
        .collect();
    for d in outcome
        .diagnostics
        .iter()
        .filter(|d| d.level != Level::Note)
    {
        let line = d.region.map_or(1, |(s, _)| s.line);
        issues.push(json!({
            "type": "issue",
            "description": format!("kube-harden {}: {}", d.code, d.message),
            "check_name": format!("kube-harden/{}", d.code),
            "categories": ["Bug Risk"],
            "fingerprint": stable_hash(&[&d.path, d.code, &d.message]),
            "severity": if d.level == Level::Error { "major" } else { "minor" },
            "location": {"path": d.path, "lines": {"begin": line}}
        }));
    }
    let mut s = serde_json::to_string_pretty(&issues).expect("serialisable");
    s.push('\n');
    s
}
