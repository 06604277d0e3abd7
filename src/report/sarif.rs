//! `--format sarif`: SARIF 2.1.0 for GitHub code scanning and editors. One run; the driver lists
//! every enabled rule with metadata from its page; results point at exact regions with UTF-16
//! columns; suppressed findings are kept with `suppressions`; files that could not be read are
//! `toolExecutionNotifications`.

use crate::config::Config;
use crate::findings::{Finding, Level, SuppressionKind};
use crate::rules::RuleEntry;
use crate::source::Position;
use crate::Outcome;
use serde_json::{json, Value};
use serde_sarif::sarif::{
    ArtifactLocation, Invocation, Location, Message, MultiformatMessageString, Notification,
    PhysicalLocation, PropertyBag, Region, ReportingConfiguration, ReportingDescriptor,
    Result as SarifResult, ResultLevel, Run, RunAutomationDetails, Sarif, Suppression, Tool,
    ToolComponent,
};
use std::collections::BTreeMap;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn text(s: impl Into<String>) -> Message {
    Message::builder().text(s.into()).build()
}

fn region(start: Position, end: Position) -> Region {
    Region::builder()
        .start_line(start.line as i64)
        .start_column(start.column as i64)
        .end_line(end.line as i64)
        .end_column(end.column as i64)
        .build()
}

/// A relative path becomes a `%SRCROOT%`-relative URI; an absolute one a `file://` URI.
fn artifact(path: &str) -> ArtifactLocation {
    let encoded = percent_encoding::utf8_percent_encode(path, URI_PATH).to_string();
    if path.starts_with('/') {
        ArtifactLocation::builder()
            .uri(format!("file://{encoded}"))
            .build()
    } else {
        ArtifactLocation::builder()
            .uri(encoded)
            .uri_base_id("%SRCROOT%".to_string())
            .build()
    }
}

/// What a path must escape to be a URI path (shared with the language server's `file://` URIs).
pub const URI_PATH: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b']')
    .add(b'`')
    .add(b'{')
    .add(b'}');

fn location(path: &str, start: Position, end: Position) -> Location {
    let physical = PhysicalLocation::builder()
        .artifact_location(artifact(path))
        .region(region(start, end))
        .build();
    Location::builder().physical_location(physical).build()
}

/// A related location with its id, which the result's message links to (`[text](id)`).
fn related_location(id: i64, path: &str, start: Position, end: Position, m: &str) -> Location {
    let physical = PhysicalLocation::builder()
        .artifact_location(artifact(path))
        .region(region(start, end))
        .build();
    Location::builder()
        .id(id)
        .physical_location(physical)
        .message(text(m))
        .build()
}

/// SARIF plain-text messages read `[text](id)` as a link; literal brackets are escaped.
fn escape_link_text(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('[', "\\[")
        .replace(']', "\\]")
}

/// GitHub code scanning keeps at most this many results per upload (most severe first).
pub const GITHUB_RESULT_LIMIT: usize = 5000;

fn descriptor(entry: &RuleEntry, config: &Config) -> ReportingDescriptor {
    let d = &entry.doc;
    let sev = config.severity_of(entry);
    let mut extra = BTreeMap::new();
    extra.insert(
        "security-severity".to_string(),
        json!(sev.security_severity()),
    );
    extra.insert("precision".to_string(), json!("high"));
    extra.insert("problem.severity".to_string(), json!(sev.sarif_level()));
    let help_text = format!("{}\n\nFix: {}\n\n{}", d.summary, d.fix, d.help_uri());
    ReportingDescriptor::builder()
        .id(d.id.to_string())
        .name(d.name.to_string())
        .short_description(
            MultiformatMessageString::builder()
                .text(d.title.to_string())
                .build(),
        )
        .full_description(
            MultiformatMessageString::builder()
                .text(d.summary.to_string())
                .build(),
        )
        .help(
            MultiformatMessageString::builder()
                .text(help_text)
                .markdown(d.body().to_string())
                .build(),
        )
        .help_uri(d.help_uri())
        .default_configuration(
            ReportingConfiguration::builder()
                .level(json!(sev.sarif_level()))
                .build(),
        )
        .properties(
            PropertyBag::builder()
                .tags(vec![
                    "security".to_string(),
                    "kubernetes".to_string(),
                    format!("practice/{}", d.practice),
                    d.practice_name().to_string(),
                ])
                .additional_properties(extra)
                .build(),
        )
        .build()
}

fn result(f: &Finding, rule_index: usize) -> SarifResult {
    let level = match f.severity.sarif_level() {
        "error" => ResultLevel::Error,
        "warning" => ResultLevel::Warning,
        _ => ResultLevel::Note,
    };
    let mut fp = BTreeMap::new();
    fp.insert("kubeHarden/v2".to_string(), f.fingerprint.clone());
    let related: Vec<Location> = f
        .related
        .iter()
        .enumerate()
        .map(|(i, r)| related_location(i as i64 + 1, &r.file.path, r.start, r.end, &r.message))
        .collect();
    // Viewers (GitHub among them) show related locations only when the message links to them.
    let message = if f.related.is_empty() {
        f.message.clone()
    } else {
        let links: Vec<String> = f
            .related
            .iter()
            .enumerate()
            .map(|(i, r)| format!("[{}]({})", escape_link_text(&r.message), i + 1))
            .collect();
        format!(
            "{} (see {})",
            escape_link_text(&f.message),
            links.join("; ")
        )
    };
    let base = SarifResult::builder()
        .rule_id(f.rule_id.to_string())
        .rule_index(rule_index as i64)
        .level(level)
        .message(text(message))
        .locations(vec![location(&f.file.path, f.start(), f.end())])
        .partial_fingerprints(fp);
    match (&f.suppression, related.is_empty()) {
        (None, true) => base.build(),
        (None, false) => base.related_locations(related).build(),
        (Some(s), rel_empty) => {
            let kind = match s.kind {
                SuppressionKind::InSource => "inSource",
                SuppressionKind::External => "external",
            };
            let sup = if s.reason.is_empty() {
                Suppression::builder().kind(json!(kind)).build()
            } else {
                Suppression::builder()
                    .kind(json!(kind))
                    .justification(s.reason.clone())
                    .build()
            };
            if rel_empty {
                base.suppressions(vec![sup]).build()
            } else {
                base.related_locations(related)
                    .suppressions(vec![sup])
                    .build()
            }
        }
    }
}

pub fn to_value(outcome: &Outcome, config: &Config, category: &str) -> Value {
    let rules: Vec<&RuleEntry> = config.enabled.clone();
    let by_id: std::collections::HashMap<&str, usize> = rules
        .iter()
        .enumerate()
        .map(|(i, r)| (r.doc.id, i))
        .rev()
        .collect();
    let index = |id: &str| by_id.get(id).copied().unwrap_or(0);
    let driver = ToolComponent::builder()
        .name("kube-harden".to_string())
        .version(env!("CARGO_PKG_VERSION").to_string())
        .semantic_version(env!("CARGO_PKG_VERSION").to_string())
        .information_uri(env!("CARGO_PKG_REPOSITORY").to_string())
        .rules(
            rules
                .iter()
                .map(|r| descriptor(r, config))
                .collect::<Vec<_>>(),
        )
        .build();
    let notifications: Vec<Notification> = outcome
        .diagnostics
        .iter()
        .map(|d| {
            let level = match d.level {
                Level::Error => "error",
                Level::Warning => "warning",
                Level::Note => "note",
            };
            let loc = match d.region {
                Some((s, e)) => location(&d.path, s, e),
                None => Location::builder()
                    .physical_location(
                        PhysicalLocation::builder()
                            .artifact_location(artifact(&d.path))
                            .build(),
                    )
                    .build(),
            };
            Notification::builder()
                .message(text(format!("{}: {}", d.path, d.message)))
                .level(json!(level))
                .locations(vec![loc])
                .build()
        })
        .collect();
    let mut notifications = notifications;
    let results = outcome.findings.len();
    if results > GITHUB_RESULT_LIMIT {
        notifications.push(
            Notification::builder()
                .message(text(format!(
                    "{results} results: GitHub code scanning keeps at most {GITHUB_RESULT_LIMIT} per upload; use --min-severity or a baseline (--write-baseline) for a first scan of a large repository"
                )))
                .level(json!("warning"))
                .build(),
        );
    }
    let mut invocation = Invocation::builder()
        .execution_successful(true)
        .tool_execution_notifications(notifications)
        .build();
    // What the repository's configuration relaxed: configuration notifications.
    if !outcome.policy.is_empty() {
        invocation.tool_configuration_notifications = Some(
            outcome
                .policy
                .iter()
                .map(|p| {
                    Notification::builder()
                        .message(text(p.clone()))
                        .level(json!("warning"))
                        .build()
                })
                .collect(),
        );
    }
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .results(
            outcome
                .findings
                .iter()
                .map(|f| result(f, index(f.rule_id)))
                .collect::<Vec<_>>(),
        )
        .invocations(vec![invocation])
        .column_kind(json!("utf16CodeUnits"))
        .original_uri_base_ids(BTreeMap::from([(
            "%SRCROOT%".to_string(),
            ArtifactLocation::builder()
                .description(text(
                    "The directory kube-harden was run from: paths are relative to it",
                ))
                .build(),
        )]))
        .automation_details(
            RunAutomationDetails::builder()
                .id(format!("{}/", category.trim_end_matches('/')))
                .build(),
        )
        .build();
    let sarif = Sarif::builder()
        .schema(SCHEMA.to_string())
        .version(json!("2.1.0"))
        .runs(vec![run])
        .build();
    serde_json::to_value(&sarif).expect("serialisable")
}

pub fn render(outcome: &Outcome, config: &Config, category: &str) -> String {
    let mut s =
        serde_json::to_string_pretty(&to_value(outcome, config, category)).expect("serialisable");
    s.push('\n');
    s
}
