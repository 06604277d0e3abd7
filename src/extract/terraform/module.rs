//! A Terraform module = one directory of `.tf` files. Variables and locals may live in any of
//! them, and values in `terraform.tfvars` / `*.auto.tfvars`, so the extractor of one file reads
//! its siblings (read-only, bounded, cached per directory) to resolve `var.*` and `local.*`.

use super::eval::{Lookup, Scope};
pub use super::members::ModFile;
use super::members::{read_files, var_file_members, DirListing, Failed, Signature, Want};
use super::value::{Val, V};
use crate::parse::ParseError;
use crate::source::SourceFile;
use hcl_edit::structure::Body;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Locals may refer to locals defined later; this many passes resolve chains that deep.
const LOCAL_PASSES: usize = 8;

/// The module's resolved names.
#[derive(Default)]
pub struct Module {
    vars: HashMap<String, Val>,
    locals: HashMap<String, Val>,
    /// A root module's own files that were parsed for its names (those that may declare
    /// variables or locals, up to `MAX_KEPT_BYTES` of text), kept so linting such a file does
    /// not parse it again.
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

/// A cached value with the directory listing and var files it was read with.
struct Entry<T> {
    listing: Arc<DirListing>,
    var_files: Signature,
    value: Arc<T>,
}

impl<T> Entry<T> {
    fn matches(&self, listing: &Arc<DirListing>, var_files: &Signature) -> bool {
        // Listings are read once per scan, so the same listing is the same allocation; one
        // read again after the listing cache was cleared is compared by content.
        (Arc::ptr_eq(&self.listing, listing) || self.listing.members == listing.members)
            && self.var_files == *var_files
    }
}

/// A cache bounded by entries and by the bytes of source text its entries keep.
struct Bounded<T> {
    map: HashMap<PathBuf, Entry<T>>,
    bytes: usize,
}

impl<T> Default for Bounded<T> {
    fn default() -> Self {
        Bounded {
            map: HashMap::new(),
            bytes: 0,
        }
    }
}

/// Source bytes the parsed bodies of one cache may keep, over all its directories.
const CACHED_BYTES: usize = 2 * super::members::MAX_KEPT_BYTES;

impl<T> Bounded<T> {
    fn get(&self, key: &Path, listing: &Arc<DirListing>, var_files: &Signature) -> Option<Arc<T>> {
        self.map
            .get(key)
            .filter(|e| e.matches(listing, var_files))
            .map(|e| e.value.clone())
    }

    /// Inserts; when full (directories or bytes), it starts over.
    fn insert(&mut self, key: PathBuf, entry: Entry<T>, bytes: usize) {
        if self.map.len() >= CACHED_DIRS || self.bytes.saturating_add(bytes) > CACHED_BYTES {
            self.map.clear();
            self.bytes = 0;
        }
        self.bytes = self.bytes.saturating_add(bytes);
        self.map.insert(key, entry);
    }
}

/// What one scan has read of Terraform module directories, shared by the scan's threads and
/// dropped with it (files may change between two scans of one process, and two scans must not
/// see each other's modules). Each map keeps at most `CACHED_DIRS` directories, and the parsed
/// bodies at most `CACHED_BYTES` of source.
#[derive(Default)]
pub struct ModuleCache {
    /// Root modules (variables, tfvars, locals and parsed files) per canonical directory.
    modules: Mutex<Bounded<Module>>,
    /// Parsed child-module files per directory (and what left reading them incomplete): many
    /// calls share one module (`source = "../../"`).
    files: Mutex<Bounded<ChildFiles>>,
    /// Directory listings: every file of a directory would otherwise list and stat all its
    /// siblings again (quadratic in a directory of thousands of `.tf` files).
    listings: Mutex<HashMap<PathBuf, Arc<DirListing>>>,
}

/// Directories whose modules stay cached. Files are linted in sorted order, so a directory's
/// files come together and a small cache keeps nearly every hit while memory stays bounded.
const CACHED_DIRS: usize = 32;

fn text_bytes(files: &[ModFile]) -> usize {
    files.iter().map(|f| f.source.text.len()).sum()
}

impl ModuleCache {
    fn listing(&self, dir: &Path) -> Arc<DirListing> {
        if let Some(l) = self.listings.lock().ok().and_then(|c| c.get(dir).cloned()) {
            return l;
        }
        let l = Arc::new(DirListing::read(dir));
        if let Ok(mut c) = self.listings.lock() {
            if c.len() >= CACHED_DIRS {
                c.clear();
            }
            c.insert(dir.to_path_buf(), l.clone());
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
    let listing = cache.listing(dir);
    let var_sig = var_file_members(var_files);
    if !listing.contains(path) {
        // Not on disk (stdin): the text alone is the module.
        let (mut files, _) = read_files(&var_sig, var_files, Want::All);
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
    let key = &listing.key;
    if let Some(m) = cache
        .modules
        .lock()
        .ok()
        .and_then(|c| c.get(key, &listing, &var_sig))
    {
        return m;
    }
    // A budget of its own: the module is shared by its files, whichever builds it.
    let ((mut module, mut files, failed), problems) = super::budget::scoped(|| {
        let members = listing.members.iter().chain(var_sig.iter());
        let (files, failed) = read_files(members, var_files, Want::Names);
        (build(&files, None), files, failed)
    });
    // Bodies kept up to a byte bound; the others are parsed again when their file is linted.
    let mut kept = 0usize;
    files.retain(|f| {
        kept = kept.saturating_add(f.source.text.len());
        kept <= super::members::MAX_KEPT_BYTES
    });
    let bytes = text_bytes(&files);
    module.problems = problems;
    module.files = files;
    module.failed = failed;
    let module = Arc::new(module);
    if let Ok(mut c) = cache.modules.lock() {
        let entry = Entry {
            listing: listing.clone(),
            var_files: var_sig,
            value: module.clone(),
        };
        c.insert(key.clone(), entry, bytes);
    }
    module
}

/// A local child module (`source = "./..."`): its `.tf` files, and its names resolved with the
/// caller's arguments in place of the defaults (tfvars do not apply to child modules).
pub struct Child {
    pub files: Arc<Vec<ModFile>>,
    pub module: Module,
}

/// A child module's parsed files, and the problems every call of it reports.
type ChildFiles = (Arc<Vec<ModFile>>, Vec<super::budget::Unscanned>);

pub fn child(cache: &ModuleCache, dir: &Path, args: HashMap<String, Val>) -> Option<Child> {
    let listing = cache.listing(dir);
    let is_tf = |p: &Path| p.extension().is_some_and(|e| e == "tf");
    if !listing.members.iter().any(|(p, _, _)| is_tf(p)) {
        return None;
    }
    let no_var_files = Signature::new();
    let cached = cache
        .files
        .lock()
        .ok()
        .and_then(|c| c.get(&listing.key, &listing, &no_var_files));
    let read = match cached {
        Some(f) => f,
        None => {
            let members = listing.members.iter().filter(|(p, _, _)| is_tf(p));
            let (files, problems) = super::budget::scoped(|| read_files(members, &[], Want::All).0);
            let bytes = text_bytes(&files);
            let f = Arc::new((Arc::new(files), problems));
            if let Ok(mut c) = cache.files.lock() {
                let entry = Entry {
                    listing: listing.clone(),
                    var_files: no_var_files,
                    value: f.clone(),
                };
                c.insert(listing.key.clone(), entry, bytes);
            }
            f
        }
    };
    // Reported by every call, whether it read the files or found them cached.
    for p in &read.1 {
        super::budget::report(p.clone());
    }
    let files = read.0.clone();
    let module = build(&files, Some(args));
    Some(Child { files, module })
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
