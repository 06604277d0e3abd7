//! What rules report, and the contexts they report into.

use crate::facts::RelatedPlace;
use crate::findings::{Finding, Related, Severity};
use crate::rules::RuleEntry;
use crate::settings::Settings;
use crate::source::{Source, Span};

/// What a rule reports: a place in the file being checked, a message naming the concrete value,
/// and related places.
#[derive(Debug, Clone)]
pub struct Report {
    pub span: Span,
    pub message: String,
    /// Related places, in this file or another (a variable default in `variables.tf`).
    pub related: Vec<RelatedPlace>,
}

impl Report {
    /// The finding this report makes for rule `entry` in `file`: positions and the flagged
    /// text are computed now, while the file's text is at hand.
    pub fn into_finding(self, entry: &RuleEntry, severity: Severity, file: &Source) -> Finding {
        Finding {
            rule_id: entry.doc.id,
            rule_name: entry.doc.name,
            severity,
            message: self.message,
            file: file.clone(),
            span: self.span,
            start: file.position(self.span.start),
            end: file.position(self.span.end),
            snippet: crate::findings::collapsed(file, self.span),
            related: self
                .related
                .into_iter()
                .map(|p| Related::at(p.file.unwrap_or_else(|| file.clone()), p.span, p.message))
                .collect(),
            suppression: None,
            fingerprint: String::new(),
        }
    }
}

/// The context a rule runs in.
pub struct Cx<'a> {
    pub settings: &'a Settings,
    pub reports: Vec<Report>,
}

impl<'a> Cx<'a> {
    pub fn new(settings: &'a Settings) -> Cx<'a> {
        Cx {
            settings,
            reports: Vec::new(),
        }
    }

    pub fn report(&mut self, span: Span, message: impl Into<String>) {
        self.reports.push(Report {
            span,
            message: message.into(),
            related: Vec::new(),
        });
    }

    /// A report with related places, possibly in other files (a variable default in
    /// `variables.tf`, a value in `terraform.tfvars`).
    pub fn report_related(
        &mut self,
        span: Span,
        message: impl Into<String>,
        related: Vec<RelatedPlace>,
    ) {
        self.reports.push(Report {
            span,
            message: message.into(),
            related,
        });
    }
}

/// The context a project rule runs in: reports name the file they point into.
pub struct ProjectCx<'a> {
    pub settings: &'a Settings,
    pub reports: Vec<(usize, Report)>,
}

impl<'a> ProjectCx<'a> {
    pub fn new(settings: &'a Settings) -> ProjectCx<'a> {
        ProjectCx {
            settings,
            reports: Vec::new(),
        }
    }

    pub fn report(&mut self, file: usize, span: Span, message: impl Into<String>) {
        self.report_related(file, span, message, Vec::new());
    }

    /// A report with related places (a variable default in another file).
    pub fn report_related(
        &mut self,
        file: usize,
        span: Span,
        message: impl Into<String>,
        related: Vec<RelatedPlace>,
    ) {
        self.reports.push((
            file,
            Report {
                span,
                message: message.into(),
                related,
            },
        ));
    }
}
