//! `--format json`: a stable, documented shape for other tools (see README, "JSON output").
//! Version 1: fields are only ever added.

use crate::findings::{Finding, SuppressionKind};
use crate::source::Position;
use crate::Outcome;
use serde::Serialize;

#[derive(Serialize)]
struct Doc<'a> {
    version: u32,
    tool: Tool,
    findings: Findings<'a>,
    diagnostics: Vec<JDiagnostic<'a>>,
    summary: Summary<'a>,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Pos {
    line: usize,
    column: usize,
}

impl From<Position> for Pos {
    fn from(p: Position) -> Pos {
        Pos {
            line: p.line,
            column: p.column,
        }
    }
}

#[derive(Serialize)]
struct JFinding<'a> {
    rule: &'static str,
    name: &'static str,
    severity: &'static str,
    message: &'a str,
    path: &'a str,
    start: Pos,
    end: Pos,
    fix: &'static str,
    fingerprint: &'a str,
    related: Vec<JRelated<'a>>,
    suppressed: Option<JSuppressed<'a>>,
}

#[derive(Serialize)]
struct JRelated<'a> {
    path: &'a str,
    start: Pos,
    end: Pos,
    message: &'a str,
}

#[derive(Serialize)]
struct JSuppressed<'a> {
    kind: &'static str,
    reason: &'a str,
}

#[derive(Serialize)]
struct JDiagnostic<'a> {
    path: &'a str,
    level: &'static str,
    code: &'static str,
    message: &'a str,
    start: Option<Pos>,
    end: Option<Pos>,
}

#[derive(Serialize)]
struct Summary<'a> {
    files: usize,
    findings: usize,
    suppressed: usize,
    critical: usize,
    high: usize,
    medium: usize,
    low: usize,
    /// Files not fully scanned that fail the run (error diagnostics).
    unscanned: usize,
    /// Files not fully scanned that the user allowed (`--allow-unscanned`).
    allowed_unscanned: usize,
    /// Files with a scanned extension that ignore rules kept out of the scan.
    ignored: usize,
    /// What configuration relaxed, and suppressions without a reason (absent when nothing).
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    policy: &'a [String],
}

/// The findings, serialised one by one as the report is written.
struct Findings<'a>(&'a [Finding]);

impl Serialize for Findings<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(finding))
    }
}

fn finding(f: &Finding) -> JFinding<'_> {
    let doc = &crate::rules::by_id(f.rule_id).expect("registered rule").doc;
    JFinding {
        rule: f.rule_id,
        name: f.rule_name,
        severity: f.severity.as_str(),
        message: &f.message,
        path: &f.file.path,
        start: f.start().into(),
        end: f.end().into(),
        fix: doc.fix,
        fingerprint: &f.fingerprint,
        related: f
            .related
            .iter()
            .map(|r| JRelated {
                path: &r.file.path,
                start: r.start.into(),
                end: r.end.into(),
                message: &r.message,
            })
            .collect(),
        suppressed: f.suppression.as_ref().map(|s| JSuppressed {
            kind: match s.kind {
                SuppressionKind::InSource => "inSource",
                SuppressionKind::External => "external",
            },
            reason: &s.reason,
        }),
    }
}

pub fn render(outcome: &Outcome) -> String {
    let mut out = Vec::new();
    write(outcome, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Writes the report to `out` as it is serialised (no whole-report string).
pub fn write(outcome: &Outcome, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let count = |sev| outcome.active().filter(|f| f.severity == sev).count();
    use crate::findings::Severity::*;
    let doc = Doc {
        version: 1,
        tool: Tool {
            name: "kube-harden",
            version: env!("CARGO_PKG_VERSION"),
        },
        findings: Findings(&outcome.findings),
        diagnostics: outcome
            .diagnostics
            .iter()
            .map(|d| JDiagnostic {
                path: &d.path,
                level: d.level.as_str(),
                code: d.code,
                message: &d.message,
                start: d.region.map(|r| r.0.into()),
                end: d.region.map(|r| r.1.into()),
            })
            .collect(),
        summary: Summary {
            files: outcome.files_scanned,
            findings: outcome.active().count(),
            suppressed: outcome.findings.len() - outcome.active().count(),
            critical: count(Critical),
            high: count(High),
            medium: count(Medium),
            low: count(Low),
            unscanned: distinct_paths(outcome, |d| d.level == crate::findings::Level::Error),
            allowed_unscanned: distinct_paths(outcome, |d| d.allowed),
            ignored: outcome.ignored_files,
            policy: &outcome.policy,
        },
    };
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(std::io::Error::from)?;
    out.write_all(b"\n")
}

fn distinct_paths(outcome: &Outcome, pick: impl Fn(&crate::findings::Diagnostic) -> bool) -> usize {
    let mut paths: Vec<&str> = outcome
        .diagnostics
        .iter()
        .filter(|d| pick(d))
        .map(|d| d.path.as_str())
        .collect();
    paths.sort_unstable();
    paths.dedup();
    paths.len()
}
