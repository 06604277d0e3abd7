//! `--format rdjson`: reviewdog's Diagnostic Format (`reviewdog -f=rdjson`), with related
//! locations. Columns are 1-based UTF-8 byte counts, as reviewdog defines them.

use crate::findings::{Level, Severity};
use crate::source::SourceFile;
use crate::Outcome;
use serde_json::{json, Value};

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "ERROR",
        Severity::Medium => "WARNING",
        Severity::Low => "INFO",
    }
}

fn range(file: &SourceFile, span: crate::source::Span) -> Value {
    let (s, e) = (file.byte_position(span.start), file.byte_position(span.end));
    json!({
        "start": {"line": s.line, "column": s.column},
        "end": {"line": e.line, "column": e.column}
    })
}

pub fn render(outcome: &Outcome) -> String {
    let mut diagnostics: Vec<Value> = outcome
        .active()
        .map(|f| {
            let doc = &crate::rules::by_id(f.rule_id).expect("registered rule").doc;
            let related: Vec<Value> = f
                .related
                .iter()
                .map(|r| {
                    json!({
                        "message": r.message,
                        "location": {"path": r.file.path, "range": range(&r.file, r.span)}
                    })
                })
                .collect();
            json!({
                "message": f.message,
                "location": {"path": f.file.path, "range": range(&f.file, f.span)},
                "severity": severity(f.severity),
                "code": {"value": f.rule_id, "url": doc.help_uri()},
                "related_locations": related
            })
        })
        .collect();
    for d in outcome.diagnostics.iter() {
        let sev = match d.level {
            Level::Error => "ERROR",
            Level::Warning => "WARNING",
            Level::Note => "INFO",
        };
        diagnostics.push(json!({
            "message": d.message,
            "location": {"path": d.path},
            "severity": sev,
            "code": {"value": format!("kube-harden/{}", d.code)}
        }));
    }
    let doc = json!({
        "source": {"name": "kube-harden", "url": env!("CARGO_PKG_REPOSITORY")},
        "diagnostics": diagnostics
    });
    let mut s = serde_json::to_string_pretty(&doc).expect("serialisable");
    s.push('\n');
    s
}
