//! A Terraform module = one directory of `.tf` files. Variables and locals may live in any of
//! them, and values in `terraform.tfvars` / `*.auto.tfvars`, so the extractor of one file reads
//! its siblings (read-only, bounded, cached per directory) to resolve `var.*` and `local.*`.

use super::eval::{Lookup, Scope};
use super::value::{Val, V};
use crate::parse::ParseError;
use crate::source::{Source, SourceFile};
use hcl_edit::structure::Body;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

/// Sibling files above this size are not read; nor more than this many files.
const MAX_SIBLING_BYTES: u64 = 2 * 1024 * 1024;
const MAX_SIBLINGS: usize = 256;
/// Locals may refer to locals defined later; this many passes resolve chains that deep.
const LOCAL_PASSES: usize = 8;

/// The module's resolved names.
#[derive(Default)]
pub struct Module {
    vars: HashMap<String, Val>,
    locals: HashMap<String, Val>,
    /// A root module's own files, parsed once and kept so linting a file does not parse it again.
    files: Vec<ModFile>,
    /// The module's files that did not parse, with the error (so they are not parsed again).
    failed: Vec<Failed>,
    /// What left reading the module incomplete: its budget ran out (`budget.rs`), a tfvars
    /// file could not be read or parsed. Every file of the module reports it.
    pub problems: Vec<super::budget::Unscanned>,
}

impl std::fmt::Debug for Module {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Module")
            .field("vars", &self.vars)
            .field("locals", &self.locals)
            .finish_non_exhaustive()
    }
}

impl Module {
    /// The parse of the module's file at `path` (its body, or why it failed), if it was read
    /// from the same `text`: each file is parsed once.
    pub fn body_of(&self, path: &Path, text: &str) -> Option<Result<&Body, &ParseError>> {
        let body = self
            .files
            .iter()
            .find(|f| f.path.file_name() == path.file_name() && f.source.text == text)
            .map(|f| Ok(&f.body));
        body.or_else(|| {
            self.failed
                .iter()
                .find(|f| f.path.file_name() == path.file_name() && *f.text == *text)
                .map(|f| Err(&f.error))
        })
    }
}

impl Lookup for Module {
    fn var(&self, name: &str) -> Val {
        self.vars.get(name).cloned().unwrap_or_else(Val::unknown)
    }

    fn local(&self, name: &str) -> Val {
        self.locals.get(name).cloned().unwrap_or_else(Val::unknown)
    }
}

/// A file of the module that did not parse.
struct Failed {
    path: PathBuf,
    text: String,
    error: ParseError,
}

/// One file of the module, parsed.
pub struct ModFile {
    pub source: Source,
    pub body: Body,
    /// The variables of a `*.tfvars.json` file (its `body` is empty).
    json: Option<Vec<(String, Val)>>,
    path: PathBuf,
    tfvars: bool,
    /// `*.auto.tfvars` apply after `terraform.tfvars`, in name order.
    order: u8,
}

type Signature = Vec<(PathBuf, u64, Option<SystemTime>)>;
/// Cached values per canonical directory, with the signature they were read with.
type PerDir<T> = Mutex<HashMap<PathBuf, (Signature, Arc<T>)>>;

/// What one scan has read of Terraform module directories, shared by the scan's threads and
/// dropped with it (files may change between two scans of one process, and two scans must not
/// see each other's modules). Each map keeps at most `CACHED_DIRS` directories.
#[derive(Default)]
pub struct ModuleCache {
    /// Root modules (variables, tfvars, locals and parsed files) per canonical directory.
    modules: PerDir<Module>,
    /// Parsed child-module files per directory: many calls share one module (`source = "../../"`).
    files: PerDir<Vec<ModFile>>,
    /// Directory listings: every file of a directory would otherwise list and stat all its
    /// siblings again (quadratic in a directory of thousands of `.tf` files).
    listings: Mutex<HashMap<PathBuf, Arc<Signature>>>,
}

/// Directories whose modules stay cached. Files are linted in sorted order, so a directory's
/// files come together and a small cache keeps nearly every hit while memory stays bounded
/// (parsed bodies are large).
const CACHED_DIRS: usize = 32;

/// Inserts into a bounded cache: when full, it starts over.
fn bounded_insert<V>(map: &mut HashMap<PathBuf, V>, key: PathBuf, value: V) {
    if map.len() >= CACHED_DIRS {
        map.clear();
    }
    map.insert(key, value);
}

impl ModuleCache {
    fn listing(&self, dir: &Path) -> Signature {
        let key = dir.to_path_buf();
        if let Some(l) = self.listings.lock().ok().and_then(|c| c.get(&key).cloned()) {
            return (*l).clone();
        }
        let l = siblings(dir);
        if let Ok(mut c) = self.listings.lock() {
            bounded_insert(&mut c, key, Arc::new(l.clone()));
        }
        l
    }
}

/// The module the file at `path` belongs to. `body` is the file being linted, used alone when
/// its directory cannot be read (standard input).
/// `var_files`: `--var-file` arguments, applied after `*.auto.tfvars` in the order given.
pub fn for_file(
    cache: &ModuleCache,
    path: &Path,
    shown: &str,
    text: &str,
    var_files: &[PathBuf],
) -> Arc<Module> {
    let dir = match path.parent() {
        Some(d) if d.as_os_str().is_empty() => Path::new("."),
        Some(d) => d,
        None => Path::new("."),
    };
    let mut members = cache.listing(dir);
    // Members are `dir`'s entries, so comparing names is enough (no per-member canonicalize:
    // that made every file of a large module cost O(files) path lookups).
    let in_dir = members
        .iter()
        .any(|(p, _, _)| p.file_name() == path.file_name());
    members.extend(var_file_members(var_files));
    if !in_dir {
        // Not on disk (stdin): the text alone is the module.
        let (mut files, _) = read_files(&var_file_members(var_files), var_files);
        if let Ok(body) = crate::parse::hcl::parse(text) {
            files.push(ModFile {
                source: Arc::new(SourceFile::new(shown.to_string(), text.to_string())),
                body,
                json: None,
                path: path.to_path_buf(),
                tfvars: false,
                order: 0,
            });
        }
        let (mut module, problems) = super::budget::scoped(|| build(&files, None));
        module.problems = problems;
        return Arc::new(module);
    }
    let key = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if let Ok(c) = cache.modules.lock() {
        if let Some((sig, m)) = c.get(&key) {
            if *sig == members {
                return m.clone();
            }
        }
    }
    // A budget of its own: the module is shared by its files, whichever builds it.
    let ((mut module, files, failed), problems) = super::budget::scoped(|| {
        let (files, failed) = read_files(&members, var_files);
        (build(&files, None), files, failed)
    });
    module.problems = problems;
    module.files = files;
    module.failed = failed;
    let module = Arc::new(module);
    if let Ok(mut c) = cache.modules.lock() {
        bounded_insert(&mut c, key, (members, module.clone()));
    }
    module
}

/// A local child module (`source = "./..."`): its `.tf` files, and its names resolved with the
/// caller's arguments in place of the defaults (tfvars do not apply to child modules).
pub struct Child {
    pub files: Arc<Vec<ModFile>>,
    pub module: Module,
}

pub fn child(cache: &ModuleCache, dir: &Path, args: HashMap<String, Val>) -> Option<Child> {
    let members: Signature = cache
        .listing(dir)
        .into_iter()
        .filter(|(p, _, _)| p.extension().is_some_and(|e| e == "tf"))
        .collect();
    if members.is_empty() {
        return None;
    }
    let key = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let cached = cache.files.lock().ok().and_then(|c| {
        c.get(&key)
            .filter(|(sig, _)| *sig == members)
            .map(|(_, f)| f.clone())
    });
    let files = match cached {
        Some(f) => f,
        None => {
            let f = Arc::new(read_files(&members, &[]).0);
            if let Ok(mut c) = cache.files.lock() {
                bounded_insert(&mut c, key, (members, f.clone()));
            }
            f
        }
    };
    let module = build(&files, Some(args));
    Some(Child { files, module })
}

/// Var files as cache-key members (size and modification time included).
fn var_file_members(var_files: &[PathBuf]) -> Signature {
    var_files
        .iter()
        .filter_map(|p| {
            let meta = std::fs::metadata(p).ok()?;
            (meta.is_file() && meta.len() <= MAX_SIBLING_BYTES)
                .then(|| (p.clone(), meta.len(), meta.modified().ok()))
        })
        .collect()
}

fn read_files(members: &Signature, var_files: &[PathBuf]) -> (Vec<ModFile>, Vec<Failed>) {
    let mut files = Vec::new();
    let mut failed = Vec::new();
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
            let name = p.file_name()?.to_str()?.to_string();
            let wanted = name.ends_with(".tf") || super::tfvars::is_tfvars(&name);
            let meta = std::fs::metadata(&p).ok()?;
            // Variable files are always listed: one that cannot be read is reported.
            let readable = meta.is_file() && meta.len() <= MAX_SIBLING_BYTES;
            (wanted && (readable || super::tfvars::is_tfvars(&name)))
                .then(|| (p, meta.len(), meta.modified().ok()))
        })
        .collect();
    out.sort();
    out.truncate(MAX_SIBLINGS);
    out
}

fn note(s: String) -> Option<Arc<str>> {
    Some(Arc::from(s.as_str()))
}

/// `args`: a module call's arguments, which replace defaults and tfvars.
fn build(files: &[ModFile], args: Option<HashMap<String, Val>>) -> Module {
    let mut files: Vec<&ModFile> = files.iter().collect();
    files.sort_by(|a, b| (a.order, a.source.path.as_str()).cmp(&(b.order, b.source.path.as_str())));
    let mut m = Module::default();
    let empty = Module::default();
    // Variable defaults: literal expressions (Terraform forbids references there).
    for f in files.iter().filter(|f| !f.tfvars) {
        for block in f.body.blocks().filter(|b| b.ident.as_str() == "variable") {
            let Some(name) = block.labels.first().map(|l| l.as_str().to_string()) else {
                continue;
            };
            let Some(default) = block.body.get_attribute("default") else {
                continue;
            };
            if args.as_ref().is_some_and(|a| a.contains_key(&name)) {
                continue;
            }
            let mut scope = Scope::new(
                &empty,
                Some(f.source.clone()),
                note(format!("default of variable \"{name}\"")),
            );
            let v = scope.eval(&default.value);
            m.vars.insert(name, v);
        }
    }
    // tfvars override defaults, later files win; a module call's arguments replace both.
    if let Some(args) = args {
        m.vars.extend(args);
        files.retain(|f| !f.tfvars);
    }
    for f in files.iter().filter(|f| f.tfvars) {
        if let Some(vars) = &f.json {
            m.vars.extend(vars.iter().cloned());
            continue;
        }
        let fname = f.source.path.rsplit('/').next().unwrap_or("").to_string();
        for a in f.body.attributes() {
            let name = a.key.as_str().to_string();
            let mut scope = Scope::new(
                &empty,
                Some(f.source.clone()),
                note(format!("value of \"{name}\" in {fname}")),
            );
            let v = scope.eval(&a.value);
            m.vars.insert(name, v);
        }
    }
    // Locals, a few passes so later definitions can feed earlier ones.
    let defs: Vec<(&&ModFile, &hcl_edit::structure::Attribute)> = files
        .iter()
        .filter(|f| !f.tfvars)
        .flat_map(|f| {
            f.body
                .blocks()
                .filter(|b| b.ident.as_str() == "locals")
                .flat_map(move |b| b.body.attributes().map(move |a| (f, a)))
        })
        .collect();
    for _ in 0..LOCAL_PASSES {
        let mut changed = false;
        let mut next = HashMap::new();
        for (f, a) in &defs {
            let name = a.key.as_str().to_string();
            let mut scope = Scope::new(
                &m,
                Some(f.source.clone()),
                note(format!("local \"{name}\"")),
            );
            let v = scope.eval(&a.value);
            let before = m.locals.get(&name).map(known_score).unwrap_or(0);
            if known_score(&v) != before {
                changed = true;
            }
            next.insert(name, v);
        }
        m.locals = next;
        if !changed {
            break;
        }
    }
    m
}

/// How much of a value is known; a pass that raises no score changes nothing.
fn known_score(v: &Val) -> usize {
    match &v.v {
        V::Unknown | V::Error => 0,
        V::List(items) => 1 + items.iter().map(known_score).sum::<usize>(),
        V::Map(entries) => 1 + entries.iter().map(|(_, v)| known_score(v)).sum::<usize>(),
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cidr(cache: &ModuleCache, file: &Path, text: &str) -> Option<String> {
        for_file(cache, file, "main.tf", text, &[])
            .var("cidr")
            .text()
    }

    /// A scan's cache lives and dies with the scan: a second scan in the same process reads
    /// the directory again, even when a file changed without changing its size or time (which
    /// a process-wide cache keyed on those would not notice).
    #[test]
    fn each_scan_has_its_own_cache() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("main.tf");
        let before = "variable \"cidr\" {\n  default = \"10.0.0.0/8\"\n}\n";
        let after = before.replace("10.0.0.0/8", "0.0.0.0/00");
        std::fs::write(&file, before).unwrap();
        let first = ModuleCache::default();
        assert_eq!(cidr(&first, &file, before).as_deref(), Some("10.0.0.0/8"));

        let mtime = std::fs::metadata(&file).unwrap().modified().unwrap();
        std::fs::write(&file, &after).unwrap();
        let f = std::fs::File::options().write(true).open(&file).unwrap();
        f.set_modified(mtime).unwrap();
        drop(f);

        // The first scan's cache still answers from what it read (same signature)...
        assert_eq!(cidr(&first, &file, &after).as_deref(), Some("10.0.0.0/8"));
        // ...while the next scan starts empty and sees the file as it is now.
        let second = ModuleCache::default();
        assert_eq!(cidr(&second, &file, &after).as_deref(), Some("0.0.0.0/00"));
    }
}
