//! Reporters: one function per output format, each taking the finished [`Outcome`].

pub mod checkstyle;
pub mod clean;
pub mod concise;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod rdjson;
pub mod sarif;
pub mod statistics;
mod xml;

use crate::config::Config;
use crate::Outcome;
pub use clean::clean;

/// Output formats, as `--format` and `--output-format` name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Findings with source snippets, for people.
    Human,
    /// One line per finding: `path:line:column: ID [severity] message`.
    Concise,
    /// kube-harden's own JSON (see README, "JSON output").
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and editors.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// JUnit XML: one test case per finding (GitLab, Jenkins, Azure Pipelines test reports).
    Junit,
    /// GitLab Code Quality (CodeClimate subset) JSON.
    Gitlab,
    /// Checkstyle XML (Jenkins warnings-ng, reviewdog -f=checkstyle).
    Checkstyle,
    /// reviewdog diagnostic format (rdjson).
    Rdjson,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Human => "human",
            Format::Concise => "concise",
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Github => "github",
            Format::Junit => "junit",
            Format::Gitlab => "gitlab",
            Format::Checkstyle => "checkstyle",
            Format::Rdjson => "rdjson",
        }
    }

    /// Whether the report reads files' texts (snippets, byte columns) rather than only the
    /// positions findings carry.
    pub fn needs_text(self) -> bool {
        matches!(self, Format::Human | Format::Rdjson)
    }

    pub fn parse(s: &str) -> Option<Format> {
        <Format as clap::ValueEnum>::from_str(s, false).ok()
    }
}

/// Choices that come from the command line rather than the config.
#[derive(Clone, Debug)]
pub struct Options {
    /// Colour in human output.
    pub color: bool,
    /// SARIF `automationDetails.id` prefix: the code scanning category, so that two scans of
    /// one repository do not replace each other's alerts.
    pub category: String,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            color: false,
            category: "kube-harden".into(),
        }
    }
}

pub fn render(format: Format, outcome: &Outcome, config: &Config, opts: &Options) -> String {
    match format {
        Format::Human => human::render(outcome, opts.color),
        Format::Concise => concise::render(outcome),
        Format::Json => json::render(outcome),
        Format::Sarif => sarif::render(outcome, config, &opts.category),
        Format::Github => github::render(outcome),
        Format::Junit => junit::render(outcome),
        Format::Gitlab => gitlab::render(outcome),
        Format::Checkstyle => checkstyle::render(outcome),
        Format::Rdjson => rdjson::render(outcome),
    }
}

/// Writes a report to `out`; JSON is serialised straight into the writer, the other formats
/// are rendered first.
pub fn write(
    format: Format,
    outcome: &Outcome,
    config: &Config,
    opts: &Options,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => json::write(outcome, out),
        _ => out.write_all(render(format, outcome, config, opts).as_bytes()),
    }
}
