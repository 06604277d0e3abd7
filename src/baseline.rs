//! Baselines: record today's findings by fingerprint, then report only new ones. Fingerprints
//! (`findings::assign_fingerprints`, version 2) hash the rule, the path relative to the config
//! root, the flagged text and the message that names the rule's subject (not line numbers), so
//! a finding that moves because lines were inserted above it stays baselined, the same baseline
//! works from any working directory, and a finding whose subject changed (another port, flag
//! or CIDR) is new. Version 1 baselines (earlier releases) are still read, with their own
//! fingerprints; other versions are rejected.

use crate::Outcome;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::Path;

/// The version written.
pub const VERSION: u32 = 2;

#[derive(Serialize, Deserialize)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

#[derive(Serialize, Deserialize)]
struct Entry {
    rule: String,
    path: String,
    fingerprint: String,
}

/// `rel`: a finding's shown path → its path relative to the config root (recorded for people
/// reading the file; matching uses the fingerprint).
pub fn write(path: &Path, outcome: &Outcome, rel: impl Fn(&str) -> String) -> Result<(), String> {
    let file = File {
        version: VERSION,
        findings: outcome
            .active()
            .map(|f| Entry {
                rule: f.rule_id.to_string(),
                path: rel(&f.file.path),
                fingerprint: f.fingerprint.clone(),
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&file).map_err(|e| e.to_string())?;
    text.push('\n');
    std::fs::write(path, text).map_err(|e| format!("cannot write baseline {}: {e}", path.display()))
}

/// Drops findings recorded in the baseline; returns how many were dropped.
pub fn apply(path: &Path, outcome: &mut Outcome) -> Result<usize, String> {
    let text = crate::read::read_text(path, crate::read::BASELINE_LIMIT)
        .map_err(|e| format!("cannot read baseline {}: {e}", path.display()))?;
    let file: File = serde_json::from_str(&text)
        .map_err(|e| format!("invalid baseline {}: {e}", path.display()))?;
    let fingerprints: Vec<String> = match file.version {
        VERSION => outcome.findings.iter().map(|f| f.fingerprint.clone()).collect(),
        1 => crate::findings::legacy_fingerprints(&outcome.findings),
        v => {
            return Err(format!(
                "baseline {} has version {v}; this kube-harden reads versions 1 and {VERSION} (write a new one with --write-baseline)",
                path.display()
            ))
        }
    };
    let known: BTreeSet<(String, String)> = file
        .findings
        .into_iter()
        .map(|e| (e.rule, e.fingerprint))
        .collect();
    let before = outcome.findings.len();
    let mut keep = fingerprints
        .iter()
        .zip(&outcome.findings)
        .map(|(fp, f)| !known.contains(&(f.rule_id.to_string(), fp.clone())))
        .collect::<Vec<_>>()
        .into_iter();
    outcome.findings.retain(|_| keep.next().unwrap_or(true));
    Ok(before - outcome.findings.len())
}
