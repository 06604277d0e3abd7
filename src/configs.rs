//! Configuration per file: each file uses the nearest `.kube-harden.toml` above it (like ruff),
//! so its results do not depend on which other files are scanned with it (pre-commit passes
//! files in batches). The configuration found from the first path (or named by `--config`,
//! which then applies to every file) is the main one; nested ones are loaded with the same
//! command-line choices.

use crate::config::Config;
use crate::findings::{Diagnostic, Level};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Which configuration a file uses.
#[derive(Clone, Debug)]
pub enum Which {
    Main,
    /// An index into the nested configurations.
    Nested(usize),
    /// The nearest config cannot be used: the file is not scanned (fails closed).
    Broken(String),
}

/// The nested configurations and, per path, which one applies.
pub fn resolve(main: &Config, paths: &[&Path]) -> (Vec<Config>, Vec<Which>) {
    let mut nested: Vec<Config> = Vec::new();
    let mut by_file: HashMap<PathBuf, Which> = HashMap::new();
    let mut by_dir: HashMap<PathBuf, Which> = HashMap::new();
    let main_file = main
        .file
        .as_ref()
        .and_then(|f| std::fs::canonicalize(f).ok());
    let which = paths
        .iter()
        .map(|p| {
            if main.overrides.config.is_some() {
                return Which::Main;
            }
            let dir = match p.parent() {
                Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
                _ => PathBuf::from("."),
            };
            if let Some(w) = by_dir.get(&dir) {
                return w.clone();
            }
            let w = match crate::config::find_upwards(&dir) {
                Err(e) => Which::Broken(e),
                // No config above the file: the defaults (not the main config's choices).
                Ok(None) if main_file.is_none() => Which::Main,
                found => {
                    // The defaults are cached under the empty path.
                    let canon = match found {
                        Ok(Some(f)) => std::fs::canonicalize(&f).ok(),
                        _ => Some(PathBuf::new()),
                    };
                    if canon.is_some() && canon == main_file {
                        Which::Main
                    } else if let Some(w) = canon.as_ref().and_then(|c| by_file.get(c)) {
                        w.clone()
                    } else {
                        let w = match Config::load(&dir, &main.overrides) {
                            Ok(mut c) => {
                                c.settings.var_files = main.settings.var_files.clone();
                                nested.push(c);
                                Which::Nested(nested.len() - 1)
                            }
                            Err(e) => Which::Broken(e),
                        };
                        if let Some(c) = canon {
                            by_file.insert(c, w.clone());
                        }
                        w
                    }
                }
            };
            by_dir.insert(dir, w.clone());
            w
        })
        .collect();
    (nested, which)
}

/// Downgrades the diagnostics of files the user allowed to stay unscanned (`--allow-unscanned`,
/// config `allow-unscanned`) from errors to warnings, saying so.
pub fn allow_unscanned(diagnostics: &mut [Diagnostic], config: &Config) {
    for d in diagnostics.iter_mut().filter(|d| d.level == Level::Error) {
        let allowed = config.allow_all_unscanned
            || config.allow_unscanned.as_ref().is_some_and(|set| {
                rel_to(Path::new(&d.path), &config.root).is_some_and(|rel| set.is_match(rel))
            });
        if allowed {
            d.level = Level::Warning;
            d.allowed = true;
            d.message.push_str(" (allowed to stay unscanned)");
        }
    }
}

/// The config file's relaxations and how many suppressions give no reason.
pub fn policy_notes(diagnostics: &[Diagnostic], config: &Config, nested: &[Config]) -> Vec<String> {
    let mut notes = config.policy.clone();
    for p in nested.iter().flat_map(|c| &c.policy) {
        if !notes.contains(p) {
            notes.push(p.clone());
        }
    }
    let no_reason = diagnostics
        .iter()
        .filter(|d| {
            d.code == "suppression" && d.message.starts_with("suppression without a reason")
        })
        .count();
    if no_reason > 0 {
        notes.push(format!(
            "{no_reason} suppression{} without a reason",
            if no_reason == 1 { "" } else { "s" }
        ));
    }
    notes
}

/// A shown path relative to the config root (the shown path itself when it is not below it:
/// standard input, files outside the root).
pub fn rel_to_root(shown: &str, config: &Config) -> String {
    rel_to(Path::new(shown), &config.root).unwrap_or_else(|| shown.to_string())
}

/// Path of a file relative to the config root, for `[[ignore]]` globs.
pub fn rel_to(path: &Path, root: &Path) -> Option<String> {
    let abs = std::fs::canonicalize(path)
        .ok()
        .or_else(|| std::env::current_dir().ok().map(|c| c.join(path)))?;
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    abs.strip_prefix(&root)
        .ok()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
}
