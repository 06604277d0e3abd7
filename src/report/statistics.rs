//! `--statistics`: how many findings each rule has (like ruff's), most first, instead of the
//! findings themselves — for a first look at a large repository.

use crate::findings::Severity;
use crate::Outcome;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// (rule id, rule name, severity, count), most frequent first, then by id.
pub fn counts(outcome: &Outcome) -> Vec<(&'static str, &'static str, Severity, usize)> {
    let mut by_rule: BTreeMap<&'static str, (&'static str, Severity, usize)> = BTreeMap::new();
    for f in outcome.active() {
        by_rule
            .entry(f.rule_id)
            .or_insert((f.rule_name, f.severity, 0))
            .2 += 1;
    }
    let mut rows: Vec<_> = by_rule
        .into_iter()
        .map(|(id, (name, sev, n))| (id, name, sev, n))
        .collect();
    rows.sort_by(|a, b| b.3.cmp(&a.3).then(a.0.cmp(b.0)));
    rows
}

/// The table as text.
pub fn render(outcome: &Outcome) -> String {
    let mut out = String::new();
    for (id, name, sev, n) in counts(outcome) {
        let _ = writeln!(out, "{n:>6}  {id:<5} {:<9} {name}", sev.as_str());
    }
    let _ = writeln!(
        out,
        "{} findings in {} files",
        outcome.active().count(),
        outcome.files_scanned
    );
    out
}

/// The table as JSON: `[{"rule", "name", "severity", "count"}]`.
pub fn render_json(outcome: &Outcome) -> String {
    let rows: Vec<_> = counts(outcome)
        .into_iter()
        .map(|(id, name, sev, n)| {
            serde_json::json!({"rule": id, "name": name, "severity": sev.as_str(), "count": n})
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&rows).expect("serialisable");
    s.push('\n');
    s
}
