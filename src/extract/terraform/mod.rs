//! Terraform. Each resource is evaluated in its module (the directory's variables, tfvars and
//! locals), once per known `count`/`for_each` instance, with `dynamic` blocks expanded over known
//! collections. An unknown value never produces a fact that could raise a finding.

pub mod aws;
pub mod azure;
mod calls;
pub mod embedded;
pub mod eval;
pub mod functions;
pub mod gcp;
pub mod managed;
pub mod module;
pub mod operators;
pub mod peers;
pub mod plan;
pub mod resource;
pub mod value;

use crate::facts::FileFacts;
use crate::source::{Source, SourceFile, Span};
use calls::{module_call, Call};
use eval::Scope;
use hcl_edit::structure::{Block, Body};
use module::Module;
pub use module::ModuleCache;
use resource::instances;
use std::path::Path;
use std::sync::Arc;

pub use peers::{origin_of, peers, port_range, protocol_name};
pub(crate) use resource::elements;
pub use resource::{Obj, Res};

/// Lowers a file with no module context (its own variables and locals only).
pub fn extract(body: &Body, text: &str, facts: &mut FileFacts) {
    let cache = ModuleCache::default();
    extract_in_module(
        &cache,
        body,
        text,
        Path::new("<stdin>"),
        "<stdin>",
        &[],
        facts,
    );
}

/// Lints one `.tf` file in its module. The module's files are parsed once per directory and
/// cached in `cache` (one per scan), so the file's own body is taken from there rather than
/// parsed a second time.
pub fn extract_file(
    cache: &ModuleCache,
    text: &str,
    path: &Path,
    shown: &str,
    var_files: &[std::path::PathBuf],
    facts: &mut FileFacts,
) -> Result<(), crate::parse::ParseError> {
    let module = module::for_file(cache, path, shown, text, var_files);
    match module.body_of(path, text) {
        Some(body) => with_module(cache, body, text, path, shown, &module, facts),
        None => with_module(
            cache,
            &crate::parse::hcl::parse(text)?,
            text,
            path,
            shown,
            &module,
            facts,
        ),
    }
    Ok(())
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
    resources(body, module, facts);
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

/// Every resource of a body, each instance evaluated in `module`.
pub(crate) fn resources(body: &Body, module: &Module, facts: &mut FileFacts) {
    for block in body.blocks() {
        if block.ident.as_str() != "resource" {
            continue;
        }
        let (Some(rtype), Some(rname)) = (label(block, 0), label(block, 1)) else {
            continue;
        };
        let first_rule = facts.firewall_rules.len();
        for (suffix, bindings) in instances(block, module) {
            let mut scope = Scope::new(module, None, None);
            for (k, v) in bindings {
                scope.bind(&k, v);
            }
            let mut res = Res::hcl(rtype, format!("{rtype}.{rname}{suffix}"), block, scope);
            aws::resource(&mut res, facts);
            gcp::resource(&mut res, facts);
            azure::resource(&mut res, facts);
            managed::resource(&mut res, facts);
        }
        dedup_rules(facts, first_rule);
    }
}

/// Instances that do not depend on `count.index`/`each` give identical rules; keep one.
fn dedup_rules(facts: &mut FileFacts, from: usize) {
    let mut seen = std::collections::HashSet::new();
    let mut i = from;
    while i < facts.firewall_rules.len() {
        let r = &facts.firewall_rules[i];
        let key = format!(
            "{:?}{}{:?}{:?}{:?}",
            r.direction,
            r.protocol,
            r.ports,
            r.span,
            r.peers
                .iter()
                .map(|p| (&p.cidr, p.span, p.origin.as_ref().map(|o| o.span)))
                .collect::<Vec<_>>()
        );
        if seen.insert(key) {
            i += 1;
        } else {
            facts.firewall_rules.remove(i);
        }
    }
}

pub fn label(block: &Block, i: usize) -> Option<&str> {
    block.labels.get(i).map(|l| l.as_str())
}

pub fn span_of(x: &impl hcl_edit::Span) -> Span {
    x.span().map(Span::from).unwrap_or_default()
}
