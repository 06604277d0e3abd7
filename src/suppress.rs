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

fn looks_like_id(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() == 4 && b[0].is_ascii_alphabetic() && b[1..].iter().all(u8::is_ascii_digit)
}

/// Finds suppression comments. Only text after a comment start counts.
pub fn markers(file: &SourceFile, diags: &mut Vec<Diagnostic>) -> Vec<Marker> {
    let mut out = Vec::new();
    if !file.text.contains(MARKER) {
        return out;
    }
    for line in 1..=file.line_count() {
        let text = file.line_text(line);
        let Some(at) = text.find(MARKER) else {
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

/// Marks suppressed findings of one file.
pub fn apply(
    file: &SourceFile,
    rel_to_config: Option<&str>,
    findings: &mut [Finding],
    objects: &[ObjectScope],
    config: &Config,
    diags: &mut Vec<Diagnostic>,
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
    for f in findings.iter_mut() {
        let line = file.line_of(f.span.start);
        let inline = markers
            .iter()
            .find(|m| (m.line == line || m.line + 1 == line) && m.rules.contains(&f.rule_id));
        if let Some(m) = inline {
            f.suppression = Some(in_source(&m.reason));
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
}

fn in_source(reason: &Option<String>) -> Suppression {
    Suppression {
        kind: SuppressionKind::InSource,
        reason: reason.clone().unwrap_or_default(),
    }
}
