//! The files of a Terraform module directory: which files belong to it (every `.tf` and
//! variable file of the directory, decided before anything is read), and reading them within
//! byte bounds. A root module needs from its siblings only what evaluation reads (variable
//! defaults and locals; tfvars), so siblings that cannot declare either are read but not parsed.

use crate::parse::ParseError;
use crate::source::{Source, SourceFile};
use hcl_edit::structure::Body;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

/// Sibling files above this size are not read.
pub const MAX_SIBLING_BYTES: u64 = 2 * 1024 * 1024;
/// Bytes of a module's files read for one module (a directory of thousands of generated `.tf`
/// files is read whole up to this): past it, later files' variables and locals are unset (and
/// the module's files report it).
pub const MAX_MODULE_BYTES: u64 = 64 * 1024 * 1024;
/// Bytes of source text whose parsed bodies a module keeps so its files are not parsed twice;
/// past it (the bodies are several times their text), a file is parsed again when linted.
pub const MAX_KEPT_BYTES: usize = 8 * 1024 * 1024;

/// Members with size and modification time, sorted by path (the cache key).
pub type Signature = Vec<(PathBuf, u64, Option<SystemTime>)>;

/// A directory's listing, read once per scan.
pub struct DirListing {
    /// Every `.tf` and variable file of the directory, sorted: all are members of the module,
    /// however many there are.
    pub members: Signature,
    /// The canonical directory (the module caches' key), resolved once per directory.
    pub key: PathBuf,
}

impl DirListing {
    pub fn read(dir: &Path) -> DirListing {
        DirListing {
            members: siblings(dir),
            key: std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf()),
        }
    }

    /// Whether `path` (a path in this directory) is one of the members. Members are the
    /// directory's entries, so comparing names is enough; they are sorted by path, and paths
    /// with one parent sort by file name.
    pub fn contains(&self, path: &Path) -> bool {
        let name = path.file_name();
        self.members
            .binary_search_by(|(p, _, _)| p.file_name().cmp(&name))
            .is_ok()
    }
}

/// A file of the module that did not parse.
pub struct Failed {
    pub path: PathBuf,
    pub text: String,
    pub error: ParseError,
}

/// One file of the module, parsed.
pub struct ModFile {
    pub source: Source,
    pub body: Body,
    /// The variables of a `*.tfvars.json` file (its `body` is empty).
    pub json: Option<Vec<(String, super::value::Val)>>,
    pub path: PathBuf,
    pub tfvars: bool,
    /// `*.auto.tfvars` apply after `terraform.tfvars`, in name order.
    pub order: u8,
}

/// What to read of the members.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Want {
    /// Every file, parsed (a child module: its resources are evaluated).
    All,
    /// Variable files, and the `.tf` files that may declare variables or locals (a root module:
    /// each of its `.tf` files is linted on its own).
    Names,
}

/// Whether an HCL text may declare a `variable` or `locals` block: a block's type is a bare
/// identifier, so a text without either word declares neither (it is still linted itself;
/// this only spares parsing it for its module's names).
fn may_declare_names(text: &str) -> bool {
    text.contains("variable") || text.contains("locals")
}

/// Var files as cache-key members (size and modification time included).
pub fn var_file_members(var_files: &[PathBuf]) -> Signature {
    var_files
        .iter()
        .filter_map(|p| {
            let meta = std::fs::metadata(p).ok()?;
            (meta.is_file() && meta.len() <= MAX_SIBLING_BYTES)
                .then(|| (p.clone(), meta.len(), meta.modified().ok()))
        })
        .collect()
}

/// Reads and parses `members` (then `var_files`' own entries, which are in `members` too).
pub fn read_files<'a>(
    members: impl IntoIterator<Item = &'a (PathBuf, u64, Option<SystemTime>)>,
    var_files: &[PathBuf],
    want: Want,
) -> (Vec<ModFile>, Vec<Failed>) {
    let mut files = Vec::new();
    let mut failed = Vec::new();
    let mut read: u64 = 0;
    for (p, _, _) in members {
        let Some(name) = p.file_name().map(|n| n.to_string_lossy().to_string()) else {
            continue;
        };
        let var_file = var_files.iter().position(|v| v == p);
        let (tfvars, order) = if let Some(i) = var_file {
            (true, 3u8.saturating_add(i.min(200) as u8))
        } else if name.starts_with("terraform.tfvars") {
            (true, 1)
        } else if super::tfvars::is_tfvars(&name) {
            (true, 2)
        } else {
            (false, 0)
        };
        let shown = crate::source::display_path(p);
        // The one bounded reader. A `.tf` sibling that cannot be read is reported when it is
        // linted itself; a variable file is reported here (its values stay unset).
        let text = match crate::read::read_text(p, MAX_SIBLING_BYTES) {
            Ok(t) => t,
            Err(e) => {
                if tfvars {
                    super::budget::report(super::budget::Unscanned {
                        path: Some(shown),
                        code: "io-error",
                        message: format!("cannot read variable file: {e}; its values are unset"),
                    });
                }
                continue;
            }
        };
        read = read.saturating_add(text.len() as u64);
        if read > MAX_MODULE_BYTES {
            super::budget::report(super::budget::Unscanned {
                path: None,
                code: "budget",
                message: format!(
                    "the module's files hold more than {} MiB; variables and locals from {name} \
                     on are unset",
                    MAX_MODULE_BYTES >> 20
                ),
            });
            break;
        }
        if want == Want::Names && !tfvars && !may_declare_names(&text) {
            continue;
        }
        let parsed = if name.ends_with(".json") {
            crate::parse::json::parse(&text).map(|doc| (Body::default(), doc))
        } else {
            crate::parse::hcl::parse(&text).map(|b| (b, None))
        };
        let (body, json) = match parsed {
            Ok(b) => b,
            Err(error) => {
                if tfvars {
                    super::budget::report(super::budget::Unscanned {
                        path: Some(shown),
                        code: "parse-error",
                        message: format!(
                            "invalid variable file: {}; its values are unset",
                            error.message
                        ),
                    });
                }
                failed.push(Failed {
                    path: p.clone(),
                    text,
                    error,
                });
                continue;
            }
        };
        let source: Source = Arc::new(SourceFile::new(shown, text));
        let json = json.map(|doc| super::tfvars::json_vars(&doc.root, &source, &name));
        files.push(ModFile {
            source,
            body,
            json,
            path: p.clone(),
            tfvars,
            order,
        });
    }
    (files, failed)
}

/// The module's files with size and modification time, sorted (the cache key).
fn siblings(dir: &Path) -> Signature {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Signature = rd
        .filter_map(Result::ok)
        .filter_map(|e| {
            let p = e.path();
            let name = p.file_name()?.to_str()?;
            let wanted = name.ends_with(".tf") || super::tfvars::is_tfvars(name);
            if !wanted {
                return None;
            }
            let meta = std::fs::metadata(&p).ok()?;
            // Variable files are always listed: one that cannot be read is reported.
            let readable = meta.is_file() && meta.len() <= MAX_SIBLING_BYTES;
            (readable || super::tfvars::is_tfvars(name))
                .then(|| (p.clone(), meta.len(), meta.modified().ok()))
        })
        .collect();
    out.sort();
    out
}
