//! Finding the files to scan. Directories are walked with `ignore` (honours .gitignore and
//! `.kube-hardenignore`, prunes `.git`, `.terraform`, `node_modules`, `vendor`, detects symlink
//! loops); files named on the command line are always scanned, whatever their extension.

use crate::findings::{Diagnostic, Level};
use std::path::{Path, PathBuf};

/// Extensions read when walking directories.
pub const EXTENSIONS: &[&str] = &["yaml", "yml", "json", "ign", "bu", "toml", "tf"];

const PRUNED: &[&str] = &[
    ".git",
    ".terraform",
    "node_modules",
    "vendor",
    ".terragrunt-cache",
];

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Candidate {
    pub path: PathBuf,
}

pub fn discover(paths: &[PathBuf], diags: &mut Vec<Diagnostic>) -> Vec<Candidate> {
    let mut out = Vec::new();
    for root in paths {
        match std::fs::metadata(root) {
            Ok(m) if m.is_file() => out.push(Candidate { path: root.clone() }),
            Ok(m) if m.is_dir() => walk(root, &mut out, diags),
            Ok(_) => {}
            Err(e) => diags.push(Diagnostic::new(
                &display_path(root),
                Level::Error,
                "io-error",
                format!("cannot read {}: {e}", root.display()),
            )),
        }
    }
    out.sort();
    out.dedup();
    out
}

fn walk(root: &Path, out: &mut Vec<Candidate>, diags: &mut Vec<Diagnostic>) {
    let walker = ignore::WalkBuilder::new(root)
        .follow_links(true)
        .add_custom_ignore_filename(".kube-hardenignore")
        .filter_entry(|e| {
            !(e.file_type().is_some_and(|t| t.is_dir())
                && PRUNED.iter().any(|p| e.file_name() == *p))
        })
        .build();
    for entry in walker {
        match entry {
            Ok(e) => {
                if e.file_type().is_some_and(|t| t.is_file()) && has_known_extension(e.path()) {
                    out.push(Candidate {
                        path: e.path().to_path_buf(),
                    });
                }
            }
            Err(err) => diags.push(Diagnostic::new(
                &display_path(root),
                Level::Note,
                "skipped",
                format!("not followed: {}", first_line(&err.to_string())),
            )),
        }
    }
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or(s)
}

pub fn has_known_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

pub use crate::source::display_path;
