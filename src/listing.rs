//! What the tool says about itself: its rules (`kube-harden rules`) and the configuration a
//! scan would use (`check --show-settings`).

use kube_harden::config::Config;
use kube_harden::rules::REGISTRY;

/// `kube-harden rules`: the selected rules as a table or as JSON.
pub fn rules(select: Option<&[String]>, json: bool) -> Result<String, String> {
    let selected: Vec<&kube_harden::rules::RuleEntry> = match select {
        None => REGISTRY.iter().collect(),
        Some(sel) => kube_harden::config::select_rules(sel)?,
    };
    match json {
        false => {
            let mut out = String::new();
            for r in selected {
                let opt_in = if r.doc.opt_in { " (opt-in)" } else { "" };
                out.push_str(&format!(
                    "{:<5} {:<36} {:<3} {:<9} {}{opt_in}\n",
                    r.doc.id, r.doc.name, r.doc.practice, r.doc.severity, r.doc.title
                ));
            }
            Ok(out)
        }
        true => {
            let list: Vec<serde_json::Value> = selected
                .iter()
                .map(|r| {
                    let d = &r.doc;
                    serde_json::json!({
                        "id": d.id,
                        "name": d.name,
                        "practice": d.practice,
                        "practice_name": d.practice_name(),
                        "severity": d.severity,
                        "default": if d.opt_in { "off" } else { "on" },
                        "title": d.title,
                        "summary": d.summary,
                        "fix": d.fix,
                        "applies_to": d.applies_to,
                        "references": d.references,
                        "help_uri": d.help_uri(),
                    })
                })
                .collect();
            let mut s = serde_json::to_string_pretty(&list).expect("serialisable");
            s.push('\n');
            Ok(s)
        }
    }
}

/// `check --show-settings`: the configuration a scan of these paths would use.
pub fn show_settings(config: &Config) -> String {
    let mut out = String::new();
    let file = config
        .file
        .as_ref()
        .map_or("none (defaults)".to_string(), |f| {
            kube_harden::source::display_path_relative(f)
        });
    out.push_str(&format!("config file: {file}\n"));
    let ids: Vec<&str> = config.enabled.iter().map(|e| e.doc.id).collect();
    out.push_str(&format!(
        "rules: {} of {} enabled\n",
        ids.len(),
        REGISTRY.len()
    ));
    let off: Vec<&str> = REGISTRY
        .iter()
        .filter(|r| !r.doc.opt_in && !ids.contains(&r.doc.id))
        .map(|r| r.doc.id)
        .collect();
    let opt_in_off: Vec<&str> = REGISTRY
        .iter()
        .filter(|r| r.doc.opt_in && !ids.contains(&r.doc.id))
        .map(|r| r.doc.id)
        .collect();
    if !opt_in_off.is_empty() {
        out.push_str(&format!(
            "opt-in, not selected: {}\n",
            opt_in_off.join(", ")
        ));
    }
    // Name the shorter list.
    if !off.is_empty() && off.len() <= ids.len() {
        out.push_str(&format!("disabled: {}\n", off.join(", ")));
    } else if !off.is_empty() {
        out.push_str(&format!("enabled: {}\n", ids.join(", ")));
    }
    for (id, sev) in &config.severity {
        out.push_str(&format!("severity: {id} = {}\n", sev.as_str()));
    }
    out.push_str(&format!("fail-on = {}\n", config.fail_on.as_str()));
    out.push_str(&format!(
        "min-severity = {}\n",
        config.min_severity.as_str()
    ));
    for pi in &config.path_ignores {
        out.push_str(&format!(
            "ignore: {} ({})\n",
            pi.rules.join(", "),
            pi.reason.as_deref().unwrap_or("no reason")
        ));
    }
    out.push_str(&format!(
        "allow-unscanned: {}\n",
        if config.allow_all_unscanned {
            "every file (--allow-unscanned)"
        } else if config.allow_unscanned.is_some() {
            "the config's globs"
        } else {
            "none"
        }
    ));
    out.push_str("[settings]\n");
    for line in config.settings.describe() {
        out.push_str(&format!("{line}\n"));
    }
    for p in &config.policy {
        out.push_str(&format!("policy: {p}\n"));
    }
    out
}
