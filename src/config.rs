//! `.kube-harden.toml`: which rules run, severity overrides, path-scoped ignores and settings.
//! Found by walking up from the first scanned path; `--config` names one explicitly.

use crate::facts::PortRange;
use crate::findings::Severity;
pub use crate::rules::select::{ignored_rules, select_rules};
use crate::rules::RuleEntry;
pub use crate::settings::Settings;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = ".kube-harden.toml";

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    select: Option<Vec<String>>,
    /// Rule selectors, or `{ rules, paths, reason }` tables (`[[ignore]]`).
    #[serde(default)]
    ignore: Vec<RawIgnore>,
    #[serde(default)]
    severity: BTreeMap<String, String>,
    #[serde(default)]
    fail_on: Option<String>,
    #[serde(default)]
    min_severity: Option<String>,
    #[serde(default)]
    settings: RawSettings,
    /// Globs (relative to the config file) of files allowed to stay unscanned.
    #[serde(default)]
    allow_unscanned: Vec<String>,
}

/// An `ignore` item: a rule that never runs, or an entry suppressing findings under paths.
/// Read through a TOML value so that mistakes name the field, not serde's untagged enum.
#[derive(Debug, Deserialize)]
#[serde(try_from = "toml::Value")]
enum RawIgnore {
    Rule(String),
    Entry(IgnoreEntryRaw),
}

impl TryFrom<toml::Value> for RawIgnore {
    type Error = String;
    fn try_from(v: toml::Value) -> Result<RawIgnore, String> {
        match v {
            toml::Value::String(s) => Ok(RawIgnore::Rule(s)),
            toml::Value::Table(t) => IgnoreEntryRaw::deserialize(toml::Value::Table(t))
                .map(RawIgnore::Entry)
                .map_err(|e| format!("ignore entry: {}", e.message())),
            other => Err(format!(
                "ignore: expected a rule (\"C201\") or a table with `rules`, `paths` and `reason`, found {}",
                other.type_str()
            )),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IgnoreEntryRaw {
    rules: Vec<String>,
    #[serde(default)]
    paths: Vec<String>,
    #[serde(default)]
    reason: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct RawSettings {
    #[serde(default)]
    sensitive_ports: Vec<PortSpec>,
    #[serde(default)]
    trusted_cidrs: Vec<String>,
    /// Control-plane pack thresholds (Go durations / days / `1.x`).
    #[serde(default)]
    max_bootstrap_token_ttl: Option<String>,
    #[serde(default)]
    max_certificate_validity: Option<String>,
    #[serde(default)]
    max_ca_certificate_validity: Option<String>,
    #[serde(default)]
    max_service_account_token_expiration: Option<String>,
    #[serde(default)]
    eol_warning_days: Option<u32>,
    #[serde(default)]
    min_kubernetes_version: Option<String>,
    /// Unit names (with or without suffix) that H203 reports when enabled, besides its own list.
    #[serde(default)]
    non_essential_services: Vec<String>,
}

/// A `sensitive-ports` item: a port (`8472`) or a range (`"30000-32767"`).
#[derive(Debug, Deserialize)]
#[serde(try_from = "toml::Value")]
enum PortSpec {
    Port(u16),
    Range(String),
}

impl TryFrom<toml::Value> for PortSpec {
    type Error = String;
    fn try_from(v: toml::Value) -> Result<PortSpec, String> {
        match v {
            toml::Value::Integer(n) => u16::try_from(n)
                .map(PortSpec::Port)
                .map_err(|_| format!("sensitive-ports: {n} is not a port (1-65535)")),
            toml::Value::String(s) => Ok(PortSpec::Range(s)),
            other => Err(format!(
                "sensitive-ports: expected a port (8472) or a range (\"30000-32767\"), found {}",
                other.type_str()
            )),
        }
    }
}

/// An `[[ignore]]` entry, compiled.
#[derive(Debug)]
pub struct PathIgnore {
    pub rules: Vec<&'static str>,
    pub globs: Option<globset::GlobSet>,
    pub reason: Option<String>,
}

/// The resolved configuration: config file merged with command-line options.
#[derive(Debug)]
pub struct Config {
    /// Where the config file was found (paths in it are relative to its directory).
    pub root: PathBuf,
    pub file: Option<PathBuf>,
    pub enabled: Vec<&'static RuleEntry>,
    pub severity: BTreeMap<&'static str, Severity>,
    pub path_ignores: Vec<PathIgnore>,
    pub fail_on: Severity,
    pub min_severity: Severity,
    pub settings: Settings,
    /// Files allowed to stay unscanned (config `allow-unscanned`, relative to `root`).
    pub allow_unscanned: Option<globset::GlobSet>,
    /// `--allow-unscanned`: every file may stay unscanned without failing the run.
    pub allow_all_unscanned: bool,
    /// What the config file relaxes (rules disabled, severities lowered, thresholds raised), in
    /// words, for every report's summary: a repository's own config must not turn the gate
    /// off unnoticed. Command-line choices are the workflow's own and are not listed.
    pub policy: Vec<String>,
    /// The command-line choices this config was loaded with (a nested config found for some
    /// files is loaded with the same ones).
    pub overrides: Overrides,
}

/// Command-line choices that override the file.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    pub config: Option<PathBuf>,
    pub select: Option<Vec<String>>,
    pub ignore: Vec<String>,
    pub fail_on: Option<String>,
    pub min_severity: Option<String>,
    pub allow_unscanned: bool,
}

impl Config {
    pub fn severity_of(&self, entry: &RuleEntry) -> Severity {
        self.severity
            .get(entry.doc.id)
            .copied()
            .unwrap_or_else(|| entry.doc.default_severity())
    }

    pub fn load(start: &Path, over: &Overrides) -> Result<Config, String> {
        let file = match &over.config {
            Some(p) => Some(p.clone()),
            None => find_upwards(start)?,
        };
        let raw: RawConfig = match &file {
            Some(p) => {
                let text = crate::read::read_text(p, crate::read::AUX_LIMIT)
                    .map_err(|e| format!("cannot read config {}: {e}", p.display()))?;
                toml::from_str(&text).map_err(|e| format!("invalid config {}: {e}", p.display()))?
            }
            None => RawConfig::default(),
        };
        let root = file
            .as_ref()
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .unwrap_or_else(|| std::env::current_dir().unwrap_or_default());

        let select = over
            .select
            .clone()
            .or(raw.select)
            .unwrap_or_else(|| vec!["ALL".into()]);
        let mut ignored: Vec<String> = over.ignore.clone();
        let mut path_ignores = Vec::new();
        for item in raw.ignore {
            match item {
                RawIgnore::Rule(r) => ignored.push(r),
                RawIgnore::Entry(e) => path_ignores.push(compile_ignore(e)?),
            }
        }
        let selected = select_rules(&select)?;
        let dropped = ignored_rules(&ignored)?;
        let enabled: Vec<&'static RuleEntry> = selected
            .into_iter()
            .filter(|r| !dropped.iter().any(|d| d.doc.id == r.doc.id))
            .collect();
        if enabled.is_empty() {
            return Err(
                "the rule selection leaves no rule to run (check --select, --ignore, `select` and `ignore`)"
                    .into(),
            );
        }
        let raw_allow_unscanned_empty = raw.allow_unscanned.is_empty();
        let allow_unscanned = if raw.allow_unscanned.is_empty() {
            None
        } else {
            Some(compile_globs(&raw.allow_unscanned, "allow-unscanned")?)
        };

        let mut severity = BTreeMap::new();
        for (key, value) in raw.severity {
            let rule = crate::rules::find(&key)
                .ok_or_else(|| format!("[severity]: unknown rule `{key}`"))?;
            let sev = Severity::parse(&value)
                .ok_or_else(|| format!("[severity] {key}: unknown severity `{value}`"))?;
            severity.insert(rule.doc.id, sev);
        }
        let level =
            |cli: &Option<String>, file: &Option<String>, what: &str| -> Result<Severity, String> {
                match cli.as_ref().or(file.as_ref()) {
                    None => Ok(Severity::Low),
                    Some(s) => Severity::parse(s).ok_or_else(|| {
                        format!("{what}: unknown severity `{s}` (critical, high, medium, low)")
                    }),
                }
            };
        let fail_on = level(&over.fail_on, &raw.fail_on, "fail-on")?;
        let min_severity = level(&over.min_severity, &raw.min_severity, "min-severity")?;
        let mut policy = Vec::new();
        if let Some(f) = &file {
            let shown = crate::source::display_path_relative(f);
            // Rules the command line alone would run that the file's `select`/`ignore` drop.
            let cli_select = over.select.clone().unwrap_or_else(|| vec!["ALL".into()]);
            let cli_dropped = ignored_rules(&over.ignore)?;
            let disabled: Vec<&str> = select_rules(&cli_select)?
                .into_iter()
                .filter(|r| !cli_dropped.iter().any(|d| d.doc.id == r.doc.id))
                .filter(|r| !enabled.iter().any(|e| e.doc.id == r.doc.id))
                .map(|r| r.doc.id)
                .collect();
            if !disabled.is_empty() && disabled.len() > enabled.len() {
                let ids: Vec<&str> = enabled.iter().map(|r| r.doc.id).collect();
                policy.push(format!(
                    "{shown} disables every rule but {}",
                    ids.join(", ")
                ));
            } else if !disabled.is_empty() {
                policy.push(format!(
                    "{shown} disables {} rule{}: {}",
                    disabled.len(),
                    if disabled.len() == 1 { "" } else { "s" },
                    disabled.join(", ")
                ));
            }
            for (id, sev) in &severity {
                let default = crate::rules::find(id).map(|r| r.doc.default_severity());
                if let Some(default) = default.filter(|d| sev < d) {
                    policy.push(format!(
                        "{shown} lowers {id} from {} to {}",
                        default.as_str(),
                        sev.as_str()
                    ));
                }
            }
            if over.min_severity.is_none() && min_severity > Severity::Low {
                policy.push(format!(
                    "{shown} sets min-severity = \"{}\": findings below it are not reported",
                    min_severity.as_str()
                ));
            }
            if over.fail_on.is_none() && fail_on > Severity::Low {
                policy.push(format!(
                    "{shown} sets fail-on = \"{}\": findings below it do not fail the run",
                    fail_on.as_str()
                ));
            }
            if !raw_allow_unscanned_empty {
                policy.push(format!(
                    "{shown} allows files to stay unscanned (allow-unscanned)"
                ));
            }
        }
        Ok(Config {
            overrides: over.clone(),
            policy,
            fail_on,
            min_severity,
            settings: compile_settings(raw.settings)?,
            root,
            file,
            enabled,
            severity,
            path_ignores,
            allow_unscanned,
            allow_all_unscanned: over.allow_unscanned,
        })
    }
}

/// The nearest `.kube-harden.toml` above `start`. A config file that is a symlink leaving its
/// directory is not followed (its target's content is never shown): an error.
pub fn find_upwards(start: &Path) -> Result<Option<PathBuf>, String> {
    let Ok(abs) = std::fs::canonicalize(start) else {
        return Ok(None);
    };
    let mut dir = if abs.is_dir() {
        Some(abs.as_path())
    } else {
        abs.parent()
    };
    while let Some(d) = dir {
        let candidate = d.join(FILE_NAME);
        if let Ok(m) = std::fs::symlink_metadata(&candidate) {
            if m.file_type().is_symlink() && !crate::read::resolves_inside(&candidate, d) {
                return Err(format!(
                    "config {} is a symlink that leads outside its directory; not followed",
                    candidate.display()
                ));
            }
            if !candidate.is_dir() {
                return Ok(Some(candidate));
            }
        }
        dir = d.parent();
    }
    Ok(None)
}

/// Selectors: `ALL`, a rule id (`C201`), a name (`apiserver-anonymous-auth`), a practice
/// (`C2`) or a family letter (`C`).
fn compile_ignore(e: IgnoreEntryRaw) -> Result<PathIgnore, String> {
    let rules = select_rules(&e.rules)?
        .into_iter()
        .map(|r| r.doc.id)
        .collect();
    let globs = if e.paths.is_empty() {
        None
    } else {
        Some(compile_globs(&e.paths, "[[ignore]] paths")?)
    };
    Ok(PathIgnore {
        rules,
        globs,
        reason: e.reason.filter(|r| !r.trim().is_empty()),
    })
}

/// Globs relative to the config file; `dir` and `dir/` also cover everything below.
fn compile_globs(patterns: &[String], what: &str) -> Result<globset::GlobSet, String> {
    let mut b = globset::GlobSetBuilder::new();
    for p in patterns {
        let glob = globset::GlobBuilder::new(p)
            .literal_separator(true)
            .build()
            .map_err(|err| format!("{what}: bad pattern `{p}`: {err}"))?;
        b.add(glob);
        let below = format!("{}/**", p.trim_end_matches('/'));
        b.add(globset::Glob::new(&below).map_err(|err| err.to_string())?);
    }
    b.build().map_err(|err| err.to_string())
}

fn compile_settings(raw: RawSettings) -> Result<Settings, String> {
    let mut sensitive_ports = Vec::new();
    for p in raw.sensitive_ports {
        let range = match p {
            PortSpec::Port(n) => PortRange { from: n, to: n },
            PortSpec::Range(s) => {
                let (a, b) = s.split_once('-').unwrap_or((&s, &s));
                let parse = |x: &str| {
                    x.trim()
                        .parse::<u16>()
                        .map_err(|_| format!("settings.sensitive-ports: bad port `{s}`"))
                };
                PortRange {
                    from: parse(a)?,
                    to: parse(b)?,
                }
            }
        };
        sensitive_ports.push((range, "configured sensitive port".to_string()));
    }
    let trusted_cidrs = raw
        .trusted_cidrs
        .iter()
        .map(|c| {
            c.parse()
                .map_err(|_| format!("settings.trusted-cidrs: bad CIDR `{c}`"))
        })
        .collect::<Result<_, _>>()?;
    let duration = |v: &Option<String>, what: &str| -> Result<Option<u64>, String> {
        v.as_ref()
            .map(|s| {
                crate::k8s::go_duration_secs(s)
                    .ok_or_else(|| format!("settings.{what}: bad duration `{s}` (e.g. 24h)"))
            })
            .transpose()
    };
    let min_kubernetes_minor = raw
        .min_kubernetes_version
        .as_ref()
        .map(|v| {
            crate::k8s::minor_of(v).ok_or_else(|| {
                format!("settings.min-kubernetes-version: bad version `{v}` (e.g. 1.35)")
            })
        })
        .transpose()?;
    Ok(Settings {
        sensitive_ports,
        trusted_cidrs,
        max_bootstrap_token_ttl: duration(&raw.max_bootstrap_token_ttl, "max-bootstrap-token-ttl")?,
        max_certificate_validity: duration(
            &raw.max_certificate_validity,
            "max-certificate-validity",
        )?,
        max_ca_certificate_validity: duration(
            &raw.max_ca_certificate_validity,
            "max-ca-certificate-validity",
        )?,
        max_service_account_token_expiration: duration(
            &raw.max_service_account_token_expiration,
            "max-service-account-token-expiration",
        )?,
        eol_warning_days: raw.eol_warning_days,
        min_kubernetes_minor,
        non_essential_services: raw.non_essential_services,
        var_files: Vec::new(),
    })
}

#[cfg(test)]
mod control_plane_settings_tests {
    use super::*;

    #[test]
    fn thresholds_parse() {
        let raw: RawConfig = toml::from_str(
            "[settings]\nmax-bootstrap-token-ttl = \"2h\"\nmax-certificate-validity = \"720h\"\neol-warning-days = 90\nmin-kubernetes-version = \"1.36\"\n",
        )
        .unwrap();
        let s = compile_settings(raw.settings).unwrap();
        assert_eq!(s.max_bootstrap_token_ttl, Some(7200));
        assert_eq!(s.max_certificate_validity, Some(720 * 3600));
        assert_eq!(s.eol_warning_days, Some(90));
        assert_eq!(s.min_kubernetes_minor, Some(36));
        let bad: RawConfig =
            toml::from_str("[settings]\nmax-bootstrap-token-ttl = \"soon\"\n").unwrap();
        assert!(compile_settings(bad.settings).is_err());
    }
}
