//! Terraform. Each resource is evaluated in its module (the directory's variables, tfvars and
//! locals), once per known `count`/`for_each` instance, with `dynamic` blocks expanded over known
//! collections. An unknown value never produces a fact that could raise a finding.

pub mod aws;
pub mod azure;
pub mod embedded;
pub mod eval;
pub mod functions;
pub mod gcp;
pub mod managed;
pub mod module;
pub mod operators;
pub mod plan;
pub mod value;

use crate::facts::{FileFacts, Peer, ValueOrigin};
use crate::source::{Source, SourceFile, Span};
use eval::Scope;
use hcl_edit::expr::Expression;
use hcl_edit::structure::{Block, Body};
use module::Module;
use std::path::Path;
use std::sync::Arc;
use value::{Val, V};

/// Instances of one resource beyond this many are not evaluated (hostile or generated input).
const MAX_INSTANCES: usize = 64;

/// Lowers a file with no module context (its own variables and locals only).
pub fn extract(body: &Body, text: &str, facts: &mut FileFacts) {
    extract_in_module(body, text, Path::new("<stdin>"), "<stdin>", &[], facts);
}

/// Lints one `.tf` file in its module. The module's files are parsed once per directory and
/// cached, so the file's own body is taken from there rather than parsed a second time.
pub fn extract_file(
    text: &str,
    path: &Path,
    shown: &str,
    var_files: &[std::path::PathBuf],
    facts: &mut FileFacts,
) -> Result<(), crate::parse::ParseError> {
    let module = module::for_file(path, shown, text, var_files);
    match module.body_of(path, text) {
        Some(body) => with_module(body, text, path, shown, &module, facts),
        None => with_module(
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
    body: &Body,
    text: &str,
    path: &Path,
    shown: &str,
    var_files: &[std::path::PathBuf],
    facts: &mut FileFacts,
) {
    let module = module::for_file(path, shown, text, var_files);
    with_module(body, text, path, shown, &module, facts);
}

fn with_module(
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
fn resources(body: &Body, module: &Module, facts: &mut FileFacts) {
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
            let mut res = Res {
                rtype,
                address: format!("{rtype}.{rname}{suffix}"),
                block,
                scope,
            };
            aws::resource(&mut res, facts);
            gcp::resource(&mut res, facts);
            azure::resource(&mut res, facts);
            managed::resource(&mut res, facts);
        }
        dedup_rules(facts, first_rule);
    }
}

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

/// Follows a local module call (`source = "./..."`, `"../..."`): the child's firewall rules are
/// evaluated with the caller's arguments, and a source CIDR that comes from an argument of this
/// call is reported here, at the argument, with the child's rule as related location. What the
/// child does on its own (literals, defaults) is reported when the child directory is scanned.
/// Nested local module calls are followed this deep.
const MAX_MODULE_DEPTH: usize = 3;

/// Where a (possibly nested) module call stands.
struct Call<'a> {
    /// The file being linted: findings go there.
    me: &'a Source,
    /// The file holding this module block.
    at: &'a Source,
    /// `module.a.module.b.` so far.
    prefix: String,
    /// The outermost module label in `me`, for rules without a better place.
    span: Span,
    depth: usize,
    /// The root module's directory, where `terraform init` keeps `.terraform/modules`.
    root: &'a Path,
    /// The installed-module key of this level (`a.b`), empty at the root.
    key: String,
}

/// The directory `terraform init` installed a remote module in, from
/// `.terraform/modules/modules.json`; never downloads anything.
fn installed_module(root: &Path, key: &str) -> Option<std::path::PathBuf> {
    let path = root.join(".terraform").join("modules").join("modules.json");
    let meta = std::fs::metadata(&path).ok()?;
    if meta.len() > 4 * 1024 * 1024 {
        return None;
    }
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).ok()?).ok()?;
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

fn module_call(block: &Block, module: &Module, dir: &Path, call: &Call, facts: &mut FileFacts) {
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
        normalize(&dir.join(&source))
    } else {
        match installed_module(call.root, &key) {
            Some(d) => d,
            None => return,
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
        let mut scope = Scope::new(module, Some(call.at.clone()), None);
        for (k, v) in bindings {
            scope.bind(&k, v);
        }
        let args = block
            .body
            .attributes()
            .filter(|a| !META.contains(&a.key.as_str()))
            .map(|a| (a.key.as_str().to_string(), scope.eval(&a.value)))
            .collect();
        let Some(child) = module::child(&child_dir, args) else {
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
                        let o = p.origin?;
                        let from_call = o.file.as_ref().is_some_and(|f| f.path == me.path);
                        from_call.then(|| Peer {
                            cidr: p.cidr,
                            span: o.span,
                            origin: Some(ValueOrigin {
                                file: Some(src.clone()),
                                span: p.span,
                                note: format!(
                                    "{{value}} is used by {} in module \"{name}\"",
                                    rule.resource
                                ),
                            }),
                        })
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
                    me,
                    at: src,
                    prefix: format!("{}module.{name}{suffix}.", call.prefix),
                    span: call.span,
                    depth: call.depth + 1,
                    root: call.root,
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
    let from_call = |o: &Option<ValueOrigin>| {
        o.as_ref()
            .and_then(|o| o.file.as_ref())
            .is_some_and(|f| f.path == me.path)
    };
    let touched = c
        .fields
        .iter()
        .any(|f| from_call(&f.origin) || f.peers.iter().any(|p| from_call(&p.origin)));
    if !touched {
        return None;
    }
    let note = format!("{{value}} is set for {} here", c.resource);
    // Where a child value lives: its own origin (a child default), else where it is written.
    let child_place = |origin: Option<ValueOrigin>, span: Span| -> ValueOrigin {
        match origin {
            Some(o) if o.file.is_some() => o,
            _ => ValueOrigin {
                file: Some(src.clone()),
                span,
                note: note.clone(),
            },
        }
    };
    // A value set by the call's argument is reported there (the child's place becomes related);
    // one set inside the child is reported at the call's label (the child's place related).
    let relocate = |span: &mut Span, origin: &mut Option<ValueOrigin>| {
        let taken = origin.take();
        if from_call(&taken) {
            let o = taken.unwrap_or_else(|| child_place(None, *span));
            *origin = Some(child_place(None, *span));
            *span = o.span;
        } else {
            *origin = Some(child_place(taken, *span));
            *span = label;
        }
    };
    for f in &mut c.fields {
        relocate(&mut f.span, &mut f.origin);
        for p in &mut f.peers {
            relocate(&mut p.span, &mut p.origin);
        }
    }
    c.resource = address;
    c.span = label;
    Some(c)
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

/// One instance of a resource, ready to be read.
pub struct Res<'a> {
    pub rtype: &'a str,
    /// `aws_security_group.cp`, `aws_security_group_rule.x["ssh"]`.
    pub address: String,
    pub block: &'a Block,
    pub scope: Scope<'a>,
}

impl Res<'_> {
    /// An attribute's value and the span of its expression.
    pub fn val(&mut self, body: &Body, name: &str) -> Option<(Val, Span)> {
        let a = body.get_attribute(name)?;
        Some((self.scope.eval(&a.value), span_of(&a.value)))
    }

    pub fn text(&mut self, body: &Body, name: &str) -> Option<String> {
        self.val(body, name).and_then(|(v, _)| v.text())
    }

    pub fn bool(&mut self, body: &Body, name: &str) -> Option<bool> {
        self.val(body, name).and_then(|(v, _)| v.as_bool())
    }

    /// The resource's type label, where whole-resource findings point.
    pub fn header(&self) -> Span {
        self.block.labels.first().map(span_of).unwrap_or_default()
    }

    /// Nested blocks named `ident`, literal and `dynamic`, each with a label for messages
    /// (`ingress #2`, `ingress["ssh"]`). `f` runs with the dynamic iterator bound.
    pub fn blocks<'b>(
        &mut self,
        body: &'b Body,
        ident: &str,
        mut f: impl FnMut(&mut Self, &'b Body, String, Span),
    ) {
        let mut n = 0;
        for b in body.blocks() {
            if b.ident.as_str() == ident {
                n += 1;
                f(self, &b.body, format!("{ident} #{n}"), span_of(&b.ident));
                continue;
            }
            if b.ident.as_str() != "dynamic" || label(b, 0) != Some(ident) {
                continue;
            }
            let Some(content) = b.body.get_blocks("content").next() else {
                continue;
            };
            let iterator = match b.body.get_attribute("iterator").map(|a| &a.value) {
                Some(Expression::Variable(v)) => v.value().as_str().to_string(),
                _ => ident.to_string(),
            };
            let Some((coll, _)) = self.val(&b.body, "for_each") else {
                continue;
            };
            let saved = self.scope.bound.get(&iterator).cloned();
            for (key, value) in elements(&coll) {
                let label = format!("{ident}[{}]", key_text(&key));
                self.scope.bind(
                    &iterator,
                    Val::new(V::Map(vec![("key".into(), key), ("value".into(), value)])),
                );
                f(self, &content.body, label, span_of(&b.ident));
            }
            match saved {
                Some(v) => self.scope.bind(&iterator, v),
                None => {
                    self.scope.bound.remove(&iterator);
                }
            }
        }
    }
}

fn key_text(k: &Val) -> String {
    match &k.v {
        V::Str(s) => format!("{s:?}"),
        _ => k.text().unwrap_or_default(),
    }
}

/// The known elements of a `for_each` collection as (key, value); unknown items are skipped
/// (each known item still yields a real instance).
pub(crate) fn elements(coll: &Val) -> Vec<(Val, Val)> {
    match &coll.v {
        V::Map(entries) => entries
            .iter()
            .take(MAX_INSTANCES)
            .map(|(k, v)| (Val::new(V::Str(k.clone())), v.clone()))
            .collect(),
        V::List(items) => items
            .iter()
            .filter(|i| i.is_known())
            .take(MAX_INSTANCES)
            .enumerate()
            .map(|(i, v)| {
                // A set of strings is keyed by the string; a list (dynamic) by position.
                let key = match &v.v {
                    V::Str(_) => v.clone(),
                    _ => Val::new(V::Num(i as f64)),
                };
                (key, v.clone())
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The instances of a resource: `count`, `for_each`, or one. Unknown counts give none.
fn instances(block: &Block, module: &Module) -> Vec<(String, Vec<(String, Val)>)> {
    let mut scope = Scope::new(module, None, None);
    if let Some(a) = block.body.get_attribute("count") {
        let n = scope.eval(&a.value).as_num();
        return match n {
            Some(n) if n >= 0.0 => (0..(n as usize).min(MAX_INSTANCES))
                .map(|i| {
                    let count =
                        Val::new(V::Map(vec![("index".into(), Val::new(V::Num(i as f64)))]));
                    (format!("[{i}]"), vec![("count".to_string(), count)])
                })
                .collect(),
            _ => Vec::new(),
        };
    }
    if let Some(a) = block.body.get_attribute("for_each") {
        let coll = scope.eval(&a.value);
        return elements(&coll)
            .into_iter()
            .map(|(k, v)| {
                let each = Val::new(V::Map(vec![("key".into(), k.clone()), ("value".into(), v)]));
                (
                    format!("[{}]", key_text(&k)),
                    vec![("each".to_string(), each)],
                )
            })
            .collect();
    }
    vec![(String::new(), Vec::new())]
}

/// The CIDRs (or tags) a value holds, placed where a fix goes: the literal item when it is
/// written inside the attribute, else the attribute with the item's origin as related place.
pub fn peers(v: &Val, attr: Span) -> Vec<Peer> {
    let mut out = Vec::new();
    collect_peers(v, attr, &mut out);
    out
}

/// Where a scalar value was written, when that is outside the attribute `attr` (a variable
/// default, a tfvars entry, a local).
pub fn origin_of(v: &Val, attr: Span) -> Option<ValueOrigin> {
    let at = v.at.as_ref()?;
    let inside = at.file.is_none() && at.span.start >= attr.start && at.span.end <= attr.end;
    (!inside).then(|| ValueOrigin {
        file: at.file.clone(),
        span: at.span,
        note: at
            .note
            .as_deref()
            .unwrap_or("value written here")
            .to_string(),
    })
}

fn collect_peers(v: &Val, attr: Span, out: &mut Vec<Peer>) {
    match &v.v {
        V::List(items) => items.iter().for_each(|i| collect_peers(i, attr, out)),
        V::Str(s) => {
            let inside = v.at.as_ref().is_some_and(|at| {
                at.file.is_none() && at.span.start >= attr.start && at.span.end <= attr.end
            });
            let (span, origin) = match (&v.at, inside) {
                (Some(at), true) => (at.span, None),
                (Some(at), false) => (
                    attr,
                    Some(ValueOrigin {
                        file: at.file.clone(),
                        span: at.span,
                        note: at
                            .note
                            .as_deref()
                            .unwrap_or("value written here")
                            .to_string(),
                    }),
                ),
                (None, _) => (attr, None),
            };
            out.push(Peer {
                cidr: s.clone(),
                span,
                origin,
            });
        }
        _ => {}
    }
}

pub fn label(block: &Block, i: usize) -> Option<&str> {
    block.labels.get(i).map(|l| l.as_str())
}

pub fn span_of(x: &impl hcl_edit::Span) -> Span {
    x.span().map(Span::from).unwrap_or_default()
}

/// Protocol names as every provider spells "all": `-1`, `all`, `*`, numbers mapped to names.
pub fn protocol_name(p: &str) -> String {
    let p = p.trim().to_ascii_lowercase();
    match p.as_str() {
        "-1" | "all" | "*" | "any" => "all".into(),
        "6" => "tcp".into(),
        "17" => "udp".into(),
        "1" => "icmp".into(),
        "58" => "icmpv6".into(),
        _ => p,
    }
}

/// A port or range as text: `22`, `"1000-2000"`, `*` (all).
pub fn port_range(s: &str) -> Option<crate::facts::PortRange> {
    let s = s.trim();
    if s == "*" {
        return Some(crate::facts::PortRange::ALL);
    }
    let (a, b) = s.split_once('-').unwrap_or((s, s));
    let (a, b): (u16, u16) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
    Some(crate::facts::PortRange {
        from: a.min(b),
        to: a.max(b),
    })
}
