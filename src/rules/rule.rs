//! The interface every rule implements, and a rule's metadata from its page.

use super::project::{FactFamily, Project};
use super::report::{Cx, ProjectCx};
use crate::facts::FileFacts;

/// A rule's metadata, taken from its page's front matter.
#[derive(Debug)]
pub struct RuleDoc {
    pub id: &'static str,
    pub name: &'static str,
    pub practice: &'static str,
    pub severity: &'static str,
    /// Off unless selected by id or name (front matter `default: off`): checks that a sound
    /// configuration often fails on purpose, such as CIS "Manual" recommendations.
    pub opt_in: bool,
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
            "{}/blob/v{}/rules/{}.md",
            env!("CARGO_PKG_REPOSITORY"),
            env!("CARGO_PKG_VERSION"),
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

pub trait Rule {
    /// Checks one file's facts.
    fn check(&self, facts: &FileFacts, cx: &mut Cx);

    /// Checks the whole scan, after every file's facts are extracted (see [`super::project`]
    /// for how partial views are handled). Most rules need only [`Rule::check`].
    /// The fact families [`Rule::check_project`] reads; empty for per-file rules.
    fn project_facts(&self) -> &'static [FactFamily] {
        &[]
    }

    fn check_project(&self, _project: &Project, _cx: &mut ProjectCx) {}
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
