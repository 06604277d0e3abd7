//! `--format human`: miette diagnostics with the offending span underlined, the rule id and
//! name, and a one-line fix; a summary at the end.

use crate::findings::{Finding, Level, Severity};
use crate::source::Source;
use crate::Outcome;
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, SourceCode,
    SourceSpan, SpanContents,
};
use std::fmt;

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
            self.0.path.clone(),
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
        write!(f, "{}", self.f.message)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.f.message)
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
    for f in outcome.active() {
        let doc = &crate::rules::find(f.rule_id).expect("registered").doc;
        let mut labels = vec![LabeledSpan::new_primary_with_span(
            Some(format!("{} {}", f.rule_id, f.rule_name)),
            span(f.span),
        )];
        for r in f.related.iter().filter(|r| r.file.path == f.file.path) {
            labels.push(LabeledSpan::new_with_span(
                Some(r.message.clone()),
                span(r.span),
            ));
        }
        let shown = Shown {
            f,
            src: Text(f.file.clone()),
            code: format!("{} {} ({})", f.rule_id, f.rule_name, f.severity.as_str()),
            help: doc.fix,
            labels,
        };
        let _ = handler.render_report(&mut out, &shown);
        for r in f.related.iter().filter(|r| r.file.path != f.file.path) {
            let p = r.file.position(r.span.start);
            out.push_str(&format!(
                "  note: {} ({}:{}:{})\n",
                r.message, r.file.path, p.line, p.column
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
            d.code, d.path, d.message
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
    let unreadable = outcome
        .diagnostics
        .iter()
        .filter(|d| matches!(d.code, "parse-error" | "io-error" | "internal-error"))
        .count();
    if unreadable > 0 {
        s.push_str(&format!(
            "; {unreadable} file{} could not be read fully",
            if unreadable == 1 { "" } else { "s" }
        ));
    }
    s.push('\n');
    s
}
