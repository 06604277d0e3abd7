//! The rule registry and the interface every rule implements.
//!
//! A rule is one file under `src/rules/<group>/`, named `<id>_<name>.rs`, exporting
//! `pub static RULE`. Its metadata and documentation come from `rules/<ID>.md`; `build.rs`
//! pairs the two and generates [`REGISTRY`].

pub mod controlplane;
pub mod firewall;
pub mod managed;

use crate::config::Settings;
use crate::facts::FileFacts;
use crate::source::{Source, Span};

/// A rule's metadata, taken from its page's front matter.
#[derive(Debug)]
pub struct RuleDoc {
    pub id: &'static str,
    pub name: &'static str,
    pub practice: &'static str,
    pub severity: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    pub fix: &'static str,
    pub applies_to: &'static [&'static str],
    pub references: &'static [&'static str],
    /// The whole page, front matter included.
    pub page: &'static str,
}

impl RuleDoc {
    pub fn default_severity(&self) -> crate::findings::Severity {
        crate::findings::Severity::parse(self.severity).unwrap_or(crate::findings::Severity::Medium)
    }

    /// The page without its front matter.
    pub fn body(&self) -> &'static str {
        let rest = self.page.strip_prefix("---\n").unwrap_or(self.page);
        match rest.find("\n---\n") {
            Some(i) => rest[i + 5..].trim_start(),
            None => self.page,
        }
    }

    pub fn help_uri(&self) -> String {
        format!(
            "{}/blob/main/rules/{}.md",
            env!("CARGO_PKG_REPOSITORY"),
            self.id
        )
    }

    pub fn practice_name(&self) -> &'static str {
        practice_name(self.practice)
    }
}

pub struct RuleEntry {
    pub doc: RuleDoc,
    pub rule: &'static (dyn Rule + Sync),
}

impl std::fmt::Debug for RuleEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.doc.id)
    }
}

/// What a rule reports: a place in the file being checked, a message naming the concrete value,
/// and optional related places in the same file.
#[derive(Debug, Clone)]
pub struct Report {
    pub span: Span,
    pub message: String,
    pub related: Vec<(Span, String)>,
    /// Related places that may lie in another file (`None`: the file being checked).
    pub related_at: Vec<(Option<Source>, Span, String)>,
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
            related_at: Vec::new(),
        });
    }

    pub fn report_related(
        &mut self,
        span: Span,
        message: impl Into<String>,
        related: Vec<(Span, String)>,
    ) {
        self.reports.push(Report {
            span,
            message: message.into(),
            related,
            related_at: Vec::new(),
        });
    }

    /// A report whose related places may be in other files (a variable default in
    /// `variables.tf`, a value in `terraform.tfvars`).
    pub fn report_at(
        &mut self,
        span: Span,
        message: impl Into<String>,
        related_at: Vec<(Option<Source>, Span, String)>,
    ) {
        self.reports.push(Report {
            span,
            message: message.into(),
            related: Vec::new(),
            related_at,
        });
    }
}

pub trait Rule {
    /// Checks one file's facts.
    fn check(&self, facts: &FileFacts, cx: &mut Cx);

    /// Checks the whole scan, after every file's facts are extracted (see [`crate::project`]
    /// for how partial views are handled). Most rules need only [`Rule::check`].
    fn check_project(
        &self,
        _project: &crate::project::Project,
        _cx: &mut crate::project::ProjectCx,
    ) {
    }
}

include!(concat!(env!("OUT_DIR"), "/registry.rs"));

/// Finds a rule by id (`C201`) or name (`apiserver-anonymous-auth`), case-insensitively for ids.
pub fn find(key: &str) -> Option<&'static RuleEntry> {
    REGISTRY
        .iter()
        .find(|r| r.doc.id.eq_ignore_ascii_case(key) || r.doc.name == key)
}

pub fn practice_name(code: &str) -> &'static str {
    match code {
        "H1" => "Immutable, current, self-updating host OS",
        "H2" => "No non-essential host processes",
        "H3" => "Host firewalling",
        "C1" => "etcd and API server secured with TLS",
        "C2" => "Least-privilege access and external authentication",
        "C3" => "Short-lived, rotated credentials",
        "C4" => "Secrets encrypted at rest",
        "C5" => "Kubernetes kept current",
        "N1" => "Little internet exposure",
        "N2" => "Network policy between cluster and infrastructure",
        "N3" => "Perimeter firewalls and security groups",
        "N4" => "Default-deny inside the cluster",
        _ => "",
    }
}
