//! Suppressions: `# kube-harden:ignore[C201,N301] reason` on the finding's line or the line
//! above (YAML, TOML, HCL; `//` too in HCL), the `kube-harden.io/ignore: "C201 reason"`
//! annotation on a Kubernetes object, and `[[ignore]]` entries of the config file.
//! A suppression without a reason still applies, and is reported as a diagnostic.

use crate::config::Config;
use crate::facts::Located;
use crate::facts::ObjectScope;
use crate::findings::{Diagnostic, Finding, Level, Suppression, SuppressionKind};
use crate::source::{SourceFile, Span};

const MARKER: &str = "kube-harden:ignore";

/// An in-file suppression.
#[derive(Debug)]
pub struct Marker {
    pub line: usize,
    /// The marker text, where problems with it are reported.
    pub span: Span,
    pub rules: Vec<&'static str>,
    pub reason: Option<String>,
}

/// Splits `C201,N301 some reason` into known rule ids and the reason. Returns the unknown
/// selectors too, so they can be reported.
pub fn parse_list(text: &str) -> (Vec<&'static str>, Vec<String>, Option<String>) {
    let mut rules = Vec::new();
    let mut unknown = Vec::new();
    let mut rest = text.trim();
    loop {
        let end = rest
            .find(|c: char| c == ',' || c.is_whitespace())
            .unwrap_or(rest.len());
        let word = &rest[..end];
        if word.is_empty() {
            break;
        }
        match crate::rules::find(word) {
            Some(r) => rules.push(r.doc.id),
            None if looks_like_id(word) => unknown.push(word.to_string()),
            None => break,
        }
        rest = rest[end..].trim_start_matches(|c: char| c == ',' || c.is_whitespace());
    }
    let reason = Some(
        rest.trim()
            .trim_start_matches(['-', ':'])
            .trim()
            .to_string(),
    )
    .filter(|r| !r.is_empty());
    (rules, unknown, reason)
}

/// A word shaped like a rule id (a letter and three more letters or digits, at least one a
/// digit): `C201`, and typos such as `C2O1`, which must be reported rather than read as the
/// start of the reason.
fn looks_like_id(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() == 4
        && b[0].is_ascii_uppercase()
        && b[1..].iter().all(u8::is_ascii_alphanumeric)
        && b[1..].iter().any(u8::is_ascii_digit)
}

/// `kube-harden: ignore`, `kube-harden:ignore [C201]`, `Kube-Harden:Ignore`: near misses of the
/// marker that would otherwise be silently ignored.
fn near_miss(comment: &str) -> Option<usize> {
    let lower = comment.to_ascii_lowercase();
    let at = lower.find("kube-harden")?;
    let rest = lower[at + "kube-harden".len()..].trim_start();
    let rest = rest.strip_prefix(':')?.trim_start();
    rest.starts_with("ignore").then_some(at)
}

/// Finds suppression comments. Only text after a comment start counts.
pub fn markers(file: &SourceFile, diags: &mut Vec<Diagnostic>) -> Vec<Marker> {
    let mut out = Vec::new();
    if !file.text.contains("kube-harden") && !file.text.contains("Kube-Harden") {
        return out;
    }
    for line in 1..=file.line_count() {
        let text = file.line_text(line);
        let Some(at) = text.find(MARKER) else {
            // A marker spelt otherwise after a comment start never applies: say so.
            if let Some(at) = near_miss(text) {
                let before = text[..at].trim_end();
                if before.ends_with('#') || before.ends_with("//") {
                    let offset = file.line_start(line) + at;
                    diags.push(
                        Diagnostic::new(
                            &file.path,
                            Level::Warning,
                            "suppression",
                            "malformed suppression, not applied: write `kube-harden:ignore[C201] reason` (no spaces)",
                        )
                        .at(file, Span::new(offset, offset + "kube-harden".len())),
                    );
                }
            }
            continue;
        };
        let before = text[..at].trim_end();
        if !(before.ends_with('#') || before.ends_with("//")) {
            continue;
        }
        let offset = file.line_start(line) + at;
        let after = &text[at + MARKER.len()..];
        let Some(inner) = after.strip_prefix('[').and_then(|a| a.split_once(']')) else {
            diags.push(
                Diagnostic::new(
                    &file.path,
                    Level::Warning,
                    "suppression",
                    "suppression comment needs rule ids: `kube-harden:ignore[C201] reason`",
                )
                .at(file, Span::new(offset, offset + MARKER.len())),
            );
            continue;
        };
        let (ids, reason) = inner;
        let (rules, unknown, _) = parse_list(ids);
        let reason = Some(reason.trim().to_string()).filter(|r| !r.is_empty());
        report_problems(
            file,
            Span::new(offset, offset + MARKER.len()),
            &unknown,
            reason.is_none(),
            diags,
        );
        out.push(Marker {
            line,
            span: Span::new(offset, offset + MARKER.len()),
            rules,
            reason,
        });
    }
    out
}

fn report_problems(
    file: &SourceFile,
    span: Span,
    unknown: &[String],
    no_reason: bool,
    diags: &mut Vec<Diagnostic>,
) {
    for u in unknown {
        diags.push(
            Diagnostic::new(
                &file.path,
                Level::Warning,
                "suppression",
                format!("suppression names unknown rule `{u}`"),
            )
            .at(file, span),
        );
    }
    if no_reason {
        diags.push(
            Diagnostic::new(
                &file.path,
                Level::Warning,
                "suppression",
                "suppression without a reason; say why the finding is accepted",
            )
            .at(file, span),
        );
    }
}

/// Which findings `apply` sees: a file's own (every rule that judges one file), or the project
/// rules' findings in that file.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    File,
    Project,
}

/// Marks suppressed findings of one file.
pub fn apply(
    file: &SourceFile,
    rel_to_config: Option<&str>,
    findings: &mut [Finding],
    objects: &[ObjectScope],
    config: &Config,
    diags: &mut Vec<Diagnostic>,
    stage: Stage,
) {
    let markers = markers(file, diags);
    let mut annotations = Vec::new();
    for o in objects {
        if let Some(Located {
            value: text, span, ..
        }) = &o.ignore
        {
            let (rules, unknown, reason) = parse_list(text);
            report_problems(file, *span, &unknown, reason.is_none(), diags);
            annotations.push((o.span, rules, reason));
        }
    }
    let mut used = vec![Vec::new(); markers.len()];
    for f in findings.iter_mut() {
        let line = file.line_of(f.span.start);
        let inline = markers
            .iter()
            .position(|m| (m.line == line || m.line + 1 == line) && m.rules.contains(&f.rule_id));
        if let Some(i) = inline {
            f.suppression = Some(in_source(&markers[i].reason));
            used[i].push(f.rule_id);
            continue;
        }
        let by_annotation = annotations.iter().find(|(span, rules, _)| {
            span.start <= f.span.start && f.span.end <= span.end && rules.contains(&f.rule_id)
        });
        if let Some((_, _, reason)) = by_annotation {
            f.suppression = Some(in_source(reason));
            continue;
        }
        let by_config = config.path_ignores.iter().find(|pi| {
            pi.rules.contains(&f.rule_id)
                && match (&pi.globs, rel_to_config) {
                    (None, _) => true,
                    (Some(g), Some(rel)) => g.is_match(rel),
                    (Some(_), None) => false,
                }
        });
        if let Some(pi) = by_config {
            f.suppression = Some(Suppression {
                kind: SuppressionKind::External,
                reason: pi.reason.clone().unwrap_or_default(),
            });
        }
    }
    if stage == Stage::File {
        report_unused(file, &markers, &used, config, diags);
    }
}

/// Marker rules that suppressed nothing on their line or the next (like ruff's RUF100). Only
/// rules that ran and judge one file at a time: a disabled rule or a project rule (N401, judged
/// later on the whole scan) may well have had a finding there.
fn report_unused(
    file: &SourceFile,
    markers: &[Marker],
    used: &[Vec<&'static str>],
    config: &Config,
    diags: &mut Vec<Diagnostic>,
) {
    for (m, used) in markers.iter().zip(used) {
        for id in &m.rules {
            let Some(entry) = config.enabled.iter().find(|e| e.doc.id == *id) else {
                continue;
            };
            if used.contains(id) || !entry.rule.project_facts().is_empty() {
                continue;
            }
            diags.push(
                Diagnostic::new(
                    &file.path,
                    Level::Warning,
                    "suppression",
                    format!("unused suppression: no {id} finding on this line or the next"),
                )
                .at(file, m.span),
            );
        }
    }
}

fn in_source(reason: &Option<String>) -> Suppression {
    Suppression {
        kind: SuppressionKind::InSource,
        reason: reason.clone().unwrap_or_default(),
    }
}
