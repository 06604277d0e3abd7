//! Finding the files to scan. Directories are walked with `ignore` (honours .gitignore and
//! `.kube-hardenignore`, prunes `.git`, `.terraform`, `node_modules`, `vendor`, detects symlink
//! loops); files named on the command line are always scanned, whatever their extension.
//! `.gitignore` and `.ignore` never hide a file git tracks (read from the index, see
//! `gitindex.rs`); symlinks leading outside the scanned directory are not followed.

use crate::findings::{Diagnostic, Level};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

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

/// What discovery found: the files to scan, and how many files with a scanned extension ignore
/// rules kept out.
#[derive(Debug, Default)]
pub struct Discovered {
    pub candidates: Vec<Candidate>,
    pub ignored: usize,
}

pub fn discover(paths: &[PathBuf], diags: &mut Vec<Diagnostic>) -> Discovered {
    let mut found = Discovered::default();
    let cwd = std::env::current_dir().unwrap_or_default();
    for root in paths {
        match std::fs::metadata(root) {
            Ok(m) if m.is_file() => {
                // A named symlink (pre-commit passes them) is followed only inside the
                // working directory: its target's content is never shown.
                let link = std::fs::symlink_metadata(root).is_ok_and(|m| m.is_symlink());
                if link && !crate::read::resolves_inside(root, &cwd) {
                    diags.push(outside_root(root));
                } else {
                    found.candidates.push(Candidate { path: root.clone() });
                }
            }
            Ok(m) if m.is_dir() => walk(root, &mut found, diags),
            Ok(_) => diags.push(Diagnostic::new(
                &display_path(root),
                Level::Error,
                "skipped",
                "not a regular file or directory; not scanned",
            )),
            Err(e) => diags.push(Diagnostic::new(
                &display_path(root),
                Level::Error,
                "io-error",
                format!("cannot read {}: {e}", root.display()),
            )),
        }
    }
    found.candidates.sort();
    found.candidates.dedup();
    found
}

fn outside_root(path: &Path) -> Diagnostic {
    Diagnostic::new(
        &display_path(path),
        Level::Warning,
        "symlink",
        "symlink leads outside the scanned directory (or nowhere); not followed",
    )
}

/// Walks a directory twice over the same pruned tree: once honouring ignore rules, once
/// without `.gitignore`/`.ignore` (`.kube-hardenignore` always applies). A file only the second
/// walk finds was hidden by ignore rules: scanned if git tracks it, counted otherwise.
fn walk(root: &Path, found: &mut Discovered, diags: &mut Vec<Diagnostic>) {
    let Ok(canon_root) = std::fs::canonicalize(root) else {
        return;
    };
    let outside: Arc<Mutex<Vec<PathBuf>>> = Arc::default();
    // Whether any directory of the walk (or above it) has what makes `.gitignore`/`.ignore`
    // rules apply; without it the second walk would find exactly the same files.
    let absolute_root = std::env::current_dir().unwrap_or_default().join(root);
    let ignore_rules = Arc::new(AtomicBool::new(
        canon_root
            .ancestors()
            .chain(absolute_root.ancestors())
            .any(may_hold_ignore_rules),
    ));
    let build = |honour_ignore_files: bool| {
        let outside = outside.clone();
        let canon_root = canon_root.clone();
        let ignore_rules = ignore_rules.clone();
        ignore::WalkBuilder::new(root)
            .follow_links(true)
            .git_ignore(honour_ignore_files)
            .git_exclude(honour_ignore_files)
            .git_global(honour_ignore_files)
            .ignore(honour_ignore_files)
            .add_custom_ignore_filename(".kube-hardenignore")
            .filter_entry(move |e| {
                let is_dir = e.file_type().is_some_and(|t| t.is_dir());
                if is_dir && PRUNED.iter().any(|p| e.file_name() == *p) {
                    return false;
                }
                // Symlinks are followed only while they stay inside the scanned directory.
                if e.path_is_symlink()
                    && !std::fs::canonicalize(e.path()).is_ok_and(|t| t.starts_with(&canon_root))
                {
                    if honour_ignore_files && (is_dir || has_known_extension(e.path())) {
                        if let Ok(mut o) = outside.lock() {
                            o.push(e.path().to_path_buf());
                        }
                    }
                    return false;
                }
                if honour_ignore_files && is_dir && may_hold_ignore_rules(e.path()) {
                    ignore_rules.store(true, Ordering::Relaxed);
                }
                true
            })
            .build()
    };
    let mut visible = BTreeSet::new();
    for entry in build(true) {
        match entry {
            Ok(e) => {
                if e.file_type().is_some_and(|t| t.is_file()) && has_known_extension(e.path()) {
                    visible.insert(e.path().to_path_buf());
                }
            }
            Err(err) => diags.push(walk_error(root, &err)),
        }
    }
    let second_walk = ignore_rules.load(Ordering::Relaxed);
    let tracked = second_walk
        .then(|| crate::gitindex::tracked_around(&canon_root))
        .flatten();
    for e in second_walk
        .then(|| build(false))
        .into_iter()
        .flatten()
        .flatten()
    {
        if !(e.file_type().is_some_and(|t| t.is_file()) && has_known_extension(e.path()))
            || visible.contains(e.path())
        {
            continue;
        }
        let is_tracked = tracked.as_ref().is_some_and(|t| {
            e.path()
                .strip_prefix(root)
                .is_ok_and(|rel| t.contains(&canon_root.join(rel)))
        });
        if is_tracked {
            visible.insert(e.path().to_path_buf());
        } else {
            found.ignored += 1;
        }
    }
    found
        .candidates
        .extend(visible.into_iter().map(|path| Candidate { path }));
    let links: Vec<PathBuf> = outside.lock().map(|o| o.clone()).unwrap_or_default();
    diags.extend(links.iter().map(|p| outside_root(p)));
}

/// Whether `.gitignore` or `.ignore` rules can take effect in `dir` (as the `ignore` crate
/// decides: git rules only inside a git or jj repository, `.ignore` files anywhere).
fn may_hold_ignore_rules(dir: &Path) -> bool {
    [".git", ".jj", ".ignore"]
        .iter()
        .any(|m| std::fs::symlink_metadata(dir.join(m)).is_ok())
}

/// A symlink loop is a note (the files are reached another way); any other walk error leaves
/// something unscanned: an error, unless it concerns a file kube-harden would not read anyway.
fn walk_error(root: &Path, err: &ignore::Error) -> Diagnostic {
    fn inner(e: &ignore::Error) -> (Option<&Path>, bool) {
        match e {
            ignore::Error::WithPath { path, err } => (Some(path.as_path()), inner(err).1),
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                inner(err)
            }
            ignore::Error::Loop { child, .. } => (Some(child.as_path()), true),
            _ => (None, false),
        }
    }
    let (path, is_loop) = inner(err);
    let shown = display_path(path.unwrap_or(root));
    let message = format!("not followed: {}", first_line(&err.to_string()));
    let relevant = path.is_none_or(|p| p.is_dir() || has_known_extension(p));
    if is_loop {
        Diagnostic::new(&shown, Level::Note, "symlink", message)
    } else if relevant {
        Diagnostic::new(&shown, Level::Error, "io-error", message)
    } else {
        Diagnostic::new(&shown, Level::Note, "skipped", message)
    }
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or(s)
}

pub fn has_known_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        // MicroK8s args files (`args/kube-apiserver`) have no extension.
        || crate::extract::distro::microk8s::component_of(path).is_some()
}

pub use crate::source::display_path;

/// The work tree a file belongs to (the nearest directory above it holding `.git`): Terraform
/// module sources are followed only inside it.
pub fn repository_root(path: &Path) -> Option<PathBuf> {
    let abs = std::fs::canonicalize(path).ok()?;
    abs.ancestors()
        .skip(1)
        .find(|d| d.join(".git").exists())
        .map(Path::to_path_buf)
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Yaml,
    Json,
    Toml,
    Terraform,
}

/// A file's format: by extension, else sniffed from its text.
pub(crate) fn format_of(path: &Path, text: &str) -> Format {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("json" | "ign") => Format::Json,
        Some("toml") => Format::Toml,
        Some("tf") => Format::Terraform,
        Some("yaml" | "yml" | "bu") => Format::Yaml,
        // Unknown extension (named explicitly, or stdin): sniff.
        _ => {
            let t = text.trim_start();
            if t.starts_with('{') {
                Format::Json
            } else if t.starts_with("[settings") || t.contains("\n[settings") {
                Format::Toml
            } else if t.starts_with("resource \"") || t.starts_with("terraform {") {
                Format::Terraform
            } else {
                Format::Yaml
            }
        }
    }
}
