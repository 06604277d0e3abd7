//! Terraform. Each resource is evaluated in its module (the directory's variables, tfvars and
//! locals), once per known `count`/`for_each` instance, with `dynamic` blocks expanded over known
//! collections. An unknown value never produces a fact that could raise a finding.

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
        extract_in_module(
            &cache,
            body,
            text,
            Path::new("<stdin>"),
            "<stdin>",
            &[],
            facts,
        )
    });
}

/// Lints one `.tf` file in its module. The module's files are parsed once per directory and
/// cached in `cache` (one per scan), so the file's own body is taken from there rather than
/// parsed a second time. `Ok(Some(why))`: the evaluation budget of the file or of its module
/// ran out (`budget.rs`), so the file is not fully scanned.
pub fn extract_file(
    cache: &ModuleCache,
    text: &str,
    path: &Path,
    shown: &str,
    var_files: &[std::path::PathBuf],
    facts: &mut FileFacts,
) -> Result<Option<&'static str>, crate::parse::ParseError> {
    let ((result, module_exhausted), exhausted) = budget::scoped(|| {
        let module = module::for_file(cache, path, shown, text, var_files);
        let result = match module.body_of(path, text) {
            Some(Ok(body)) => {
                with_module(cache, body, text, path, shown, &module, facts);
                Ok(())
            }
            // Parsed (and failed) while reading the module: not parsed again.
            Some(Err(e)) => Err(e.clone()),
            None => crate::parse::hcl::parse(text)
                .map(|body| with_module(cache, &body, text, path, shown, &module, facts)),
        };
        (result, module.exhausted)
    });
    result?;
    Ok(exhausted.or(module_exhausted))
}

pub fn extract_in_module(
    cache: &ModuleCache,
    body: &Body,
    text: &str,
    path: &Path,
    shown: &str,
    var_files: &[std::path::PathBuf],
    facts: &mut FileFacts,
) {
    let module = module::for_file(cache, path, shown, text, var_files);
    with_module(cache, body, text, path, shown, &module, facts);
}

fn with_module(
    cache: &ModuleCache,
    body: &Body,
    text: &str,
    path: &Path,
    shown: &str,
    module: &Module,
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
            key: String::new(),
        };
        module_call(block, module, dir, &call, facts);
    }
}
