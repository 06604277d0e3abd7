//! Module calls. A local module call (`source = "./..."`, `"../..."`), or a remote one that
//! `terraform init` installed under `.terraform/modules`, is followed: the child's firewall
//! rules are evaluated with the caller's arguments, and a source CIDR that comes from an
//! argument of this call is reported here, at the argument, with the child's rule as related
//! location. What the child does on its own (literals, defaults) is reported when the child
//! directory is scanned.

use super::budget::{self, Unscanned};
use super::eval::Scope;
use super::lower::resources;
use super::module::{self, Module, ModuleCache};
use super::resource::instances;
use super::syntax::{label, span_of};
use super::value::{Val, V};
use crate::facts::Place;
use crate::facts::{FileFacts, Peer, ValueOrigin};
use crate::source::{Source, Span};
use hcl_edit::expr::Expression;
use hcl_edit::structure::Block;
use std::path::Path;

/// `a/./b/../c` as `a/c`, so paths in reports are the ones users know.
fn normalize(p: &Path) -> std::path::PathBuf {
    use std::path::Component;
    let mut out = std::path::PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if matches!(out.components().next_back(), Some(Component::Normal(_))) {
                    out.pop();
                } else {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// Module-call arguments that are Terraform meta-arguments, not variables of the child.
const META: &[&str] = &[
    "source",
    "version",
    "count",
    "for_each",
    "providers",
    "depends_on",
];

/// Nested module calls are followed this deep.
const MAX_MODULE_DEPTH: usize = 3;

/// Where a (possibly nested) module call stands.
pub(super) struct Call<'a> {
    /// The scan's module cache.
    pub(super) cache: &'a ModuleCache,
    /// The file being linted: findings go there.
    pub(super) me: &'a Source,
    /// The file holding this module block.
    pub(super) at: &'a Source,
    /// `module.a.module.b.` so far.
    pub(super) prefix: String,
    /// The outermost module label in `me`, for rules without a better place.
    pub(super) span: Span,
    pub(super) depth: usize,
    /// The root module's directory, where `terraform init` keeps `.terraform/modules`.
    pub(super) root: &'a Path,
    /// The scan root (the repository): local module sources are followed only inside it.
    pub(super) scan_root: &'a Path,
    /// The installed-module key of this level (`a.b`), empty at the root.
    pub(super) key: String,
}

/// The directory `terraform init` installed a remote module in, from
/// `.terraform/modules/modules.json`; never downloads anything.
fn installed_module(root: &Path, key: &str) -> Option<std::path::PathBuf> {
    let path = root.join(".terraform").join("modules").join("modules.json");
    if !path.exists() {
        return None;
    }
    // Read through the bounded reader; a file that cannot be read or parsed is reported (the
    // modules it lists stay unknown).
    let shown = crate::source::display_path(&path);
    let text = match crate::read::read_text(&path, crate::read::AUX_LIMIT) {
        Ok(t) => t,
        Err(e) => {
            budget::report(Unscanned {
                path: Some(shown),
                code: "io-error",
                message: format!("cannot read the installed modules' index: {e}; modules installed by `terraform init` are not followed"),
            });
            return None;
        }
    };
    let json: serde_json::Value = match serde_json::from_str(&text) {
        Ok(j) => j,
        Err(e) => {
            budget::report(Unscanned {
                path: Some(shown),
                code: "parse-error",
                message: format!("invalid modules.json: {e}; modules installed by `terraform init` are not followed"),
            });
            return None;
        }
    };
    let dir = json
        .get("Modules")?
        .as_array()?
        .iter()
        .find(|m| m.get("Key").and_then(|k| k.as_str()) == Some(key))?
        .get("Dir")?
        .as_str()?
        .to_string();
    let dir = normalize(&root.join(dir));
    // Only directories inside the root module's tree.
    let (a, b) = (
        std::fs::canonicalize(&dir).ok()?,
        std::fs::canonicalize(root).ok()?,
    );
    a.starts_with(&b).then_some(dir)
}

pub(super) fn module_call(
    block: &Block,
    module: &Module,
    dir: &Path,
    call: &Call,
    facts: &mut FileFacts,
) {
    let me = call.me;
    let Some(name) = label(block, 0) else {
        return;
    };
    let source = match block.body.get_attribute("source").map(|a| &a.value) {
        Some(Expression::String(s)) => s.value().to_string(),
        _ => return,
    };
    let key = if call.key.is_empty() {
        name.to_string()
    } else {
        format!("{}.{name}", call.key)
    };
    let child_dir = if source.starts_with("./") || source.starts_with("../") {
        let child = normalize(&dir.join(&source));
        // Never followed out of the scan root (the repository): reported instead.
        if child.exists() && !crate::read::resolves_inside(&child, call.scan_root) {
            budget::report(Unscanned {
                path: None,
                code: "skipped",
                message: format!("module \"{name}\": source \"{source}\" leads out of the scanned tree ({}); not followed", call.scan_root.display()),
            });
            return;
        }
        child
    } else {
        match installed_module(call.root, &key) {
            Some(d) => d,
            None => {
                // Not installed: the modelled registry modules stand in for the real code.
                if call.depth == 0 {
                    super::registry::call(block, module, &source, call.span, facts);
                }
                return;
            }
        }
    };
    let same = match (
        std::fs::canonicalize(&child_dir),
        std::fs::canonicalize(dir),
    ) {
        (Ok(a), Ok(b)) => a == b,
        _ => true,
    };
    if same {
        return;
    }
    for (suffix, bindings) in instances(block, module) {
        // Instances multiply at every level: the file's share is bounded (`budget.rs`).
        if !super::budget::module_instance() {
            return;
        }
        let mut scope = Scope::new(module, Some(call.at.clone()), None);
        for (k, v) in bindings {
            scope.bind(&k, v);
        }
        let args = block
            .body
            .attributes()
            .filter(|a| !META.contains(&a.key.as_str()))
            .map(|a| {
                let v = scope.eval(&a.value);
                let place = Place {
                    file: Some(call.at.clone()),
                    span: span_of(&a.value),
                    note: None,
                };
                (
                    a.key.as_str().to_string(),
                    rehome(v, &place, &me.path, a.key.as_str()),
                )
            })
            .collect();
        let Some(child) = module::child(call.cache, &child_dir, args) else {
            return;
        };
        for file in child.files.iter() {
            let (src, body) = (&file.source, &file.body);
            let mut inner = FileFacts::default();
            resources(body, &child.module, &mut inner);
            for mut rule in inner.firewall_rules {
                let peers: Vec<Peer> = rule
                    .peers
                    .into_iter()
                    .filter_map(|p| {
                        let o = p.origin()?;
                        let from_call = o.file.as_ref().is_some_and(|f| f.path == me.path);
                        let note = format!(
                            "{{value}} is used by {} in module \"{name}\"",
                            rule.resource
                        );
                        let used = ValueOrigin::new(Some(src.clone()), p.span, note);
                        from_call.then(|| Peer::at(p.value.clone(), o.span).with_origin(Some(used)))
                    })
                    .collect();
                if peers.is_empty() {
                    continue;
                }
                rule.resource = format!("{}module.{name}{suffix}.{}", call.prefix, rule.resource);
                rule.span = call.span;
                rule.peers = peers;
                facts.firewall_rules.push(rule);
            }
            for c in inner.managed_clusters {
                let address = format!("{}module.{name}{suffix}.{}", call.prefix, c.resource);
                if let Some(c) = cluster_via_call(c, me, src, call.span, address) {
                    facts.managed_clusters.push(c);
                }
            }
            if call.depth + 1 < MAX_MODULE_DEPTH {
                let inner = Call {
                    cache: call.cache,
                    me,
                    at: src,
                    prefix: format!("{}module.{name}{suffix}.", call.prefix),
                    span: call.span,
                    depth: call.depth + 1,
                    root: call.root,
                    scan_root: call.scan_root,
                    key: key.clone(),
                };
                for b in body.blocks().filter(|b| b.ident.as_str() == "module") {
                    module_call(b, &child.module, &child_dir, &inner, facts);
                }
            }
        }
    }
}

/// A managed cluster of a child module, as configured by this call. Only clusters that a
/// setting of the call reaches are kept (the rest is the child's own business, reported when
/// its directory is scanned). Settings from the call point at the argument; every other
/// setting points at the module label, with the child's place as related location.
fn cluster_via_call(
    mut c: crate::facts::ManagedCluster,
    me: &Source,
    src: &Source,
    label: Span,
    address: String,
) -> Option<crate::facts::ManagedCluster> {
    let from_call = |o: Option<&ValueOrigin>| {
        o.and_then(|o| o.file.as_ref())
            .is_some_and(|f| f.path == me.path)
    };
    let touched = c
        .fields
        .iter()
        .any(|f| from_call(f.origin()) || f.peers.iter().any(|p| from_call(p.origin())));
    if !touched {
        return None;
    }
    let note = format!("{{value}} is set for {} here", c.resource);
    // Where a child value lives: its own origin (a child default), else where it is written.
    let child_place = |origin: Option<ValueOrigin>, span: Span| -> ValueOrigin {
        match origin {
            Some(o) if o.file.is_some() => o,
            _ => ValueOrigin::new(Some(src.clone()), span, note.as_str()),
        }
    };
    // A value set by the call's argument is reported there (the child's place becomes related);
    // one set inside the child is reported at the call's label (the child's place related).
    // The value's own span moves with it (these facts report at `span` only).
    fn relocate<T>(
        at: &mut crate::facts::Located<T>,
        from_call: &dyn Fn(Option<&ValueOrigin>) -> bool,
        child_place: &dyn Fn(Option<ValueOrigin>, Span) -> ValueOrigin,
        label: Span,
    ) {
        let taken = at.origin().cloned();
        let span = at.span;
        if from_call(taken.as_ref()) {
            let o = taken.unwrap_or_else(|| child_place(None, span));
            at.set_origin(Some(child_place(None, span)));
            at.span = o.span;
        } else {
            at.set_origin(Some(child_place(taken, span)));
            at.span = label;
        }
        at.value_span = at.span;
    }
    for f in &mut c.fields {
        relocate(&mut f.at, &from_call, &child_place, label);
        for p in &mut f.peers {
            relocate(p, &from_call, &child_place, label);
        }
    }
    c.resource = address;
    c.span = label;
    Some(c)
}

/// An argument's value, with every part that was written in another file of the caller (a
/// variable default in `variables.tf`, a tfvars entry, a local) placed at the argument: that
/// is where this call gives it to the child, so a finding about it is reported there; the
/// note keeps where it came from. Parts that come from the linted file `me` (through an
/// outer call) stay where they are.
fn rehome(mut v: Val, place: &Place, me: &str, arg: &str) -> Val {
    let elsewhere = v.at.as_ref().is_some_and(|at| {
        at.file
            .as_ref()
            .zip(place.file.as_ref())
            .is_some_and(|(a, b)| a.path != b.path && a.path != me)
    });
    if elsewhere {
        let from = v.at.as_ref().and_then(|a| a.note.clone());
        let file =
            v.at.as_ref()
                .and_then(|a| a.file.as_ref())
                .map(|f| f.path.clone());
        let note = match (from, file) {
            (Some(n), Some(f)) => format!("{{value}} is passed as argument \"{arg}\" ({n}, {f})"),
            _ => format!("{{value}} is passed as argument \"{arg}\""),
        };
        v.at = Some(Place {
            file: place.file.clone(),
            span: place.span,
            note: Some(note.into()),
        });
    }
    v.v = match v.v {
        V::List(items) => V::List(
            items
                .into_iter()
                .map(|i| rehome(i, place, me, arg))
                .collect(),
        ),
        V::Map(entries) => V::Map(
            entries
                .into_iter()
                .map(|(k, i)| (k, rehome(i, place, me, arg)))
                .collect(),
        ),
        other => other,
    };
    v
}
