//! `--format human`: miette diagnostics with the offending span underlined, the rule id and
//! name, and a one-line fix; a summary at the end.

use super::clean;
use crate::findings::{Finding, Level, Severity};
use crate::source::{Source, SourceFile};
use crate::Outcome;
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, SourceCode,
    SourceSpan, SpanContents,
};
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

/// Lets miette read our shared source text without copying it.
#[derive(Debug)]
struct Text(Source);

impl SourceCode for Text {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.0.text.read_span(span, before, after)?;
        Ok(Box::new(miette::MietteSpanContents::new_named(
            super::clean::clean(&self.0.path).into_owned(),
            inner.data(),
            *inner.span(),
            inner.line(),
            inner.column(),
            inner.line_count(),
        )))
    }
}

struct Shown<'a> {
    f: &'a Finding,
    src: Text,
    code: String,
    help: &'static str,
    labels: Vec<LabeledSpan>,
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", clean(&self.f.message))
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", clean(&self.f.message))
    }
}

impl std::error::Error for Shown<'_> {}

impl Diagnostic for Shown<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.code))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.f.severity {
            Severity::Critical | Severity::High => miette::Severity::Error,
            Severity::Medium => miette::Severity::Warning,
            Severity::Low => miette::Severity::Advice,
        })
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.help))
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.src)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.clone().into_iter()))
    }
}

/// Rules whose flagged text is a secret: the snippet shows it masked, as the message does.
const SECRET_RULES: &[&str] = &["C302"];

/// A file as its snippets show it: without terminal controls, and with every secret flagged in
/// it masked (a token keeps its public id before the `.`; everything else alphanumeric becomes
/// `*`: same length, so spans stay valid), whichever finding's context shows it.
fn shown_source(file: &Source, outcome: &Outcome) -> Source {
    let secrets: Vec<crate::source::Span> = outcome
        .findings
        .iter()
        .filter(|f| SECRET_RULES.contains(&f.rule_id) && Arc::ptr_eq(&f.file, file))
        .map(|f| f.span)
        .collect();
    let cleaned = super::clean::clean_snippet(&file.text);
    if secrets.is_empty() {
        if let std::borrow::Cow::Borrowed(_) = cleaned {
            return file.clone();
        }
    }
    let mut bytes = cleaned.into_owned().into_bytes();
    for s in secrets {
        let (start, end) = (s.start.min(bytes.len()), s.end.min(bytes.len()));
        let region = &mut bytes[start..end];
        let from = region.iter().position(|b| *b == b'.').map_or(0, |i| i + 1);
        for b in &mut region[from..] {
            if b.is_ascii_alphanumeric() {
                *b = b'*';
            }
        }
    }
    let text = String::from_utf8(bytes).unwrap_or_default();
    Arc::new(SourceFile::new(file.path.clone(), text))
}

fn span(s: crate::source::Span) -> SourceSpan {
    SourceSpan::from((s.start, s.len()))
}

pub fn render(outcome: &Outcome, color: bool) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_links(false);
    let mut out = String::new();
    // Snippet text without terminal controls, one copy per file that needs it.
    let mut shown_sources: HashMap<*const SourceFile, Source> = HashMap::new();
    for f in outcome.active() {
        let doc = &crate::rules::by_id(f.rule_id).expect("registered").doc;
        let mut labels = vec![LabeledSpan::new_primary_with_span(
            Some(format!("{} {}", f.rule_id, f.rule_name)),
            span(f.span),
        )];
        for r in f.related.iter().filter(|r| r.file.path == f.file.path) {
            labels.push(LabeledSpan::new_with_span(
                Some(clean(&r.message).into_owned()),
                span(r.span),
            ));
        }
        let shown = Shown {
            f,
            src: Text(
                shown_sources
                    .entry(Arc::as_ptr(&f.file))
                    .or_insert_with(|| shown_source(&f.file, outcome))
                    .clone(),
            ),
            code: format!("{} {} ({})", f.rule_id, f.rule_name, f.severity.as_str()),
            help: doc.fix,
            labels,
        };
        let _ = handler.render_report(&mut out, &shown);
        for r in f.related.iter().filter(|r| r.file.path != f.file.path) {
            let p = r.start;
            out.push_str(&format!(
                "  note: {} ({}:{}:{})\n",
                clean(&r.message),
                clean(&r.file.path),
                p.line,
                p.column
            ));
        }
        out.push('\n');
    }
    for d in &outcome.diagnostics {
        let at = d
            .region
            .map(|(s, _)| format!(":{}:{}", s.line, s.column))
            .unwrap_or_default();
        let level = match d.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note => "note",
        };
        out.push_str(&format!(
            "{level}[{}]: {}{at}: {}\n",
            d.code,
            clean(&d.path),
            clean(&d.message)
        ));
    }
    out.push_str(&summary(outcome));
    out
}

fn summary(outcome: &Outcome) -> String {
    let active: Vec<&Finding> = outcome.active().collect();
    let suppressed = outcome.findings.len() - active.len();
    let by: Vec<String> = Severity::ALL
        .iter()
        .filter_map(|s| {
            let n = active.iter().filter(|f| f.severity == *s).count();
            (n > 0).then(|| format!("{n} {}", s.as_str()))
        })
        .collect();
    let files_with = {
        let mut p: Vec<&str> = active.iter().map(|f| f.file.path.as_str()).collect();
        p.dedup();
        p.len()
    };
    let mut s = if active.is_empty() {
        format!("No findings in {} files", outcome.files_scanned)
    } else {
        format!(
            "{} finding{} ({}) in {} of {} files",
            active.len(),
            if active.len() == 1 { "" } else { "s" },
            by.join(", "),
            files_with,
            outcome.files_scanned
        )
    };
    if suppressed > 0 {
        s.push_str(&format!("; {suppressed} suppressed"));
    }
    s.push_str(&unscanned_summary(outcome));
    if outcome.ignored_files > 0 {
        s.push_str(&format!(
            "; {} file{} skipped by ignore rules",
            outcome.ignored_files,
            if outcome.ignored_files == 1 { "" } else { "s" }
        ));
    }
    s.push('\n');
    for p in &outcome.policy {
        s.push_str(&format!("policy: {}\n", clean(p)));
    }
    s
}

/// Names the files that were not fully scanned (at most 10, then how many more), those that
/// fail the run and those the user allowed.
fn unscanned_summary(outcome: &Outcome) -> String {
    let mut s = String::new();
    for allowed in [false, true] {
        let mut paths: Vec<&str> = outcome
            .diagnostics
            .iter()
            .filter(|d| {
                if allowed {
                    d.allowed
                } else {
                    d.level == Level::Error
                }
            })
            .map(|d| d.path.as_str())
            .collect();
        paths.sort_unstable();
        paths.dedup();
        if paths.is_empty() {
            continue;
        }
        let mut names: Vec<String> = paths
            .iter()
            .take(10)
            .map(|p| clean(p).into_owned())
            .collect();
        if paths.len() > 10 {
            names.push(format!("and {} more", paths.len() - 10));
        }
        s.push_str(&format!(
            "; {} file{} not fully scanned{}: {}",
            paths.len(),
            if paths.len() == 1 { "" } else { "s" },
            if allowed { " (allowed)" } else { "" },
            names.join(", ")
        ));
    }
    s
}
