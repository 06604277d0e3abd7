//! Rule selection: what `--select`/`--ignore` and the config's `select`/`ignore` name.

use super::{RuleEntry, REGISTRY};

/// The rules a selection runs: `ALL`, practices (`C2`) and families (`N`) leave opt-in rules
/// out; an id or a name selects any rule.
pub fn select_rules(selectors: &[String]) -> Result<Vec<&'static RuleEntry>, String> {
    matching_rules(selectors, false)
}

/// The rules a list of ignore selectors drops: every rule a selector names, opt-in or not.
pub fn ignored_rules(selectors: &[String]) -> Result<Vec<&'static RuleEntry>, String> {
    matching_rules(selectors, true)
}

fn matching_rules(
    selectors: &[String],
    groups_reach_opt_in: bool,
) -> Result<Vec<&'static RuleEntry>, String> {
    let mut out: Vec<&'static RuleEntry> = Vec::new();
    for sel in selectors
        .iter()
        .flat_map(|s| s.split(','))
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let upper = sel.to_ascii_uppercase();
        let matched: Vec<&'static RuleEntry> = REGISTRY
            .iter()
            .filter(|r| {
                let group = upper == "ALL"
                    || ((upper.len() == 1 || upper.len() == 2) && r.doc.id.starts_with(&upper));
                r.doc.id == upper
                    || r.doc.name == sel
                    || (group && (groups_reach_opt_in || !r.doc.opt_in))
            })
            .collect();
        if matched.is_empty() {
            return Err(format!(
                "unknown rule selector `{sel}` (see `kube-harden rules`)"
            ));
        }
        for m in matched {
            if !out.iter().any(|o| o.doc.id == m.doc.id) {
                out.push(m);
            }
        }
    }
    Ok(out)
}
