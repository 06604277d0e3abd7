//! Baselines: record today's findings by fingerprint, then report only new ones. Fingerprints
//! hash the rule, the path and the flagged text (not line numbers), so a finding that moves
//! because lines were inserted above it stays baselined.

use crate::Outcome;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::Path;

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

pub fn write(path: &Path, outcome: &Outcome) -> Result<(), String> {
    let file = File {
        version: 1,
        findings: outcome
            .active()
            .map(|f| Entry {
                rule: f.rule_id.to_string(),
                path: f.file.path.clone(),
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
    let known: BTreeSet<(String, String)> = file
        .findings
        .into_iter()
        .map(|e| (e.rule, e.fingerprint))
        .collect();
    let before = outcome.findings.len();
    outcome
        .findings
        .retain(|f| !known.contains(&(f.rule_id.to_string(), f.fingerprint.clone())));
    Ok(before - outcome.findings.len())
}
