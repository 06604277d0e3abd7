//! Terraform. Each resource is evaluated in its module (the directory's variables, tfvars and
//! locals), once per known `count`/`for_each` instance, with `dynamic` blocks expanded over known
//! collections. An unknown value never produces a fact that could raise a finding.

pub mod addons;
pub mod aws;
pub mod azure;
pub mod budget;
mod calls;
pub mod embedded;
pub mod eval;
pub mod functions;
pub mod gcp;
pub mod kube;
mod lower;
pub mod managed;
mod members;
pub mod module;
pub mod nacl;
pub mod openstack;
pub mod operators;
pub mod peers;
pub mod plan;
pub mod registry;
pub mod resource;
pub mod subnets;
pub mod syntax;
mod tfvars;
pub mod value;

use crate::facts::FileFacts;
use crate::source::{Source, SourceFile};
use calls::{module_call, Call};
use hcl_edit::structure::{Block, Body};
use module::Module;
pub use module::ModuleCache;
use std::path::Path;
use std::sync::Arc;
use syntax::span_of;

/// Lowers a file with no module context (its own variables and locals only), within a budget.
pub fn extract(body: &Body, text: &str, facts: &mut FileFacts) {
    let cache = ModuleCache::default();
    budget::scoped(|| {
        let path = Path::new("<stdin>");
        let module = module::for_file(&cache, path, "<stdin>", text, &[]);
        with_module(
            &cache,
            body,
            text,
            path,
            "<stdin>",
            &module,
            Path::new("."),
            facts,
        );
    });
}

/// Lints one `.tf` file in its module. The module's files are parsed once per directory and
/// cached in `cache` (one per scan), so the file's own body is taken from there rather than
/// parsed a second time. `scan_root`: local module sources are followed only inside it.
/// `Ok(problems)`: what left the file not fully scanned (a budget, an unreadable tfvars file, a
/// module source outside the root).
pub fn extract_file(
    cache: &ModuleCache,
    text: &str,
    path: &Path,
    shown: &str,
    var_files: &[std::path::PathBuf],
    scan_root: &Path,
    facts: &mut FileFacts,
) -> Result<Vec<budget::Unscanned>, crate::parse::ParseError> {
    let ((result, mut module_problems), mut problems) = budget::scoped(|| {
        let module = module::for_file(cache, path, shown, text, var_files);
        let result = match module.body_of(path, text) {
            Some(Ok(body)) => {
                with_module(cache, body, text, path, shown, &module, scan_root, facts);
                Ok(())
            }
            // Parsed (and failed) while reading the module: not parsed again.
            Some(Err(e)) => Err(e.clone()),
            None => crate::parse::hcl::parse(text).map(|body| {
                with_module(cache, &body, text, path, shown, &module, scan_root, facts)
            }),
        };
        (result, module.problems.clone())
    });
    result?;
    problems.append(&mut module_problems);
    Ok(problems)
}

#[allow(clippy::too_many_arguments)]
fn with_module(
    cache: &ModuleCache,
    body: &Body,
    text: &str,
    path: &Path,
    shown: &str,
    module: &Module,
    scan_root: &Path,
    facts: &mut FileFacts,
) {
    // Host configs in heredocs (Bottlerocket user_data, Butane in ct_config) are linted in place.
    embedded::extract(body, text, facts);
    lower::resources(body, module, facts);
    let calls: Vec<&Block> = body
        .blocks()
        .filter(|b| b.ident.as_str() == "module")
        .collect();
    if calls.is_empty() {
        return;
    }
    let me: Source = Arc::new(SourceFile::new(shown.to_string(), text.to_string()));
    let dir = path.parent().unwrap_or(Path::new("."));
    for block in calls {
        let call = Call {
            cache,
            me: &me,
            at: &me,
            prefix: String::new(),
            span: block.labels.first().map(span_of).unwrap_or_default(),
            depth: 0,
            root: dir,
            scan_root,
            key: String::new(),
        };
        module_call(block, module, dir, &call, facts);
    }
}
