//! Configuration per file: each file uses the nearest `.kube-harden.toml` above it (like ruff),
//! so its results do not depend on which other files are scanned with it (pre-commit passes
//! files in batches). The configuration found from the first path (or named by `--config`,
//! which then applies to every file) is the main one; nested ones are loaded with the same
//! command-line choices.

use crate::config::Config;
use crate::findings::{Diagnostic, Level};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

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
    Canon::default().rel_to(path, root)
}

/// Real paths resolved during one scan, each directory once: `std::fs::canonicalize` of every
/// file costs a `readlink` per path component, for every file and every root again.
#[derive(Default)]
pub struct Canon {
    dirs: Mutex<HashMap<PathBuf, Option<PathBuf>>>,
    /// Per real directory, the work tree it belongs to.
    repos: Mutex<HashMap<PathBuf, Option<PathBuf>>>,
}

impl Canon {
    /// `std::fs::canonicalize(dir)`, once per directory.
    fn dir(&self, dir: &Path) -> Option<PathBuf> {
        if let Some(c) = self.dirs.lock().ok().and_then(|m| m.get(dir).cloned()) {
            return c;
        }
        let c = std::fs::canonicalize(dir).ok();
        if let Ok(mut m) = self.dirs.lock() {
            m.insert(dir.to_path_buf(), c.clone());
        }
        c
    }

    /// The same as `std::fs::canonicalize(path)`: an existing entry whose last component is a
    /// name and not a symbolic link is its directory's real path joined with that name (one
    /// `lstat`); anything else (a link, `..`, a path that does not exist) is resolved in full.
    pub fn canonicalize(&self, path: &Path) -> Option<PathBuf> {
        let mut components = path.components();
        let Some(std::path::Component::Normal(name)) = components.next_back() else {
            return std::fs::canonicalize(path).ok();
        };
        let parent = components.as_path();
        let lexical = parent.join(name);
        if lexical.as_os_str() != path.as_os_str() {
            return std::fs::canonicalize(path).ok();
        }
        let meta = std::fs::symlink_metadata(&lexical).ok()?;
        if meta.file_type().is_symlink() {
            return std::fs::canonicalize(path).ok();
        }
        let dir = if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        };
        Some(self.dir(dir)?.join(name))
    }

    /// `discover::repository_root`, with each directory looked up once.
    pub fn repository_root(&self, path: &Path) -> Option<PathBuf> {
        let abs = self.canonicalize(path)?;
        let dir = abs.parent()?;
        if let Some(r) = self.repos.lock().ok().and_then(|m| m.get(dir).cloned()) {
            return r;
        }
        let r = crate::discover::repository_root(&abs);
        if let Ok(mut m) = self.repos.lock() {
            m.insert(dir.to_path_buf(), r.clone());
        }
        r
    }

    /// [`rel_to`], with directories resolved once.
    pub fn rel_to(&self, path: &Path, root: &Path) -> Option<String> {
        let abs = self
            .canonicalize(path)
            .or_else(|| std::env::current_dir().ok().map(|c| c.join(path)))?;
        let root = self.dir(root).unwrap_or_else(|| root.to_path_buf());
        abs.strip_prefix(&root)
            .ok()
            .map(|p| p.to_string_lossy().replace('\\', "/"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Resolving each directory once gives what `std::fs::canonicalize` gives for every kind
    /// of path: plain files, files reached through a linked directory, linked files, missing
    /// files, `..` in the middle and at the end.
    #[cfg(unix)]
    #[test]
    fn canon_matches_canonicalize() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        std::fs::create_dir_all(root.join("a/b")).unwrap();
        std::fs::create_dir_all(root.join("out")).unwrap();
        std::fs::write(root.join("a/b/f.yaml"), "x").unwrap();
        std::fs::write(root.join("out/g.yaml"), "x").unwrap();
        std::os::unix::fs::symlink(root.join("out"), root.join("a/linkdir")).unwrap();
        std::os::unix::fs::symlink(root.join("out/g.yaml"), root.join("a/b/link.yaml")).unwrap();
        let canon = Canon::default();
        for p in [
            "a/b/f.yaml",
            "a/linkdir/g.yaml",
            "a/b/link.yaml",
            "a/b/missing.yaml",
            "a/b/../b/f.yaml",
            "a/b/..",
            "a/b/f.yaml/",
        ] {
            let path = root.join(p);
            assert_eq!(
                canon.canonicalize(&path),
                std::fs::canonicalize(&path).ok(),
                "{p}"
            );
            // Twice: the second answer comes from the cache.
            assert_eq!(
                canon.canonicalize(&path),
                std::fs::canonicalize(&path).ok(),
                "{p}"
            );
        }
        let a = root.join("a");
        assert_eq!(
            canon.rel_to(&root.join("a/b/f.yaml"), &a).as_deref(),
            Some("b/f.yaml")
        );
        // A link that leaves the root is not below it.
        assert_eq!(canon.rel_to(&root.join("a/b/link.yaml"), &a), None);
        assert_eq!(canon.rel_to(&root.join("a/linkdir/g.yaml"), &a), None);
    }
}
