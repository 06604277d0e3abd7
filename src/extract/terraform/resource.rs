//! One instance of a resource, ready to be read by the provider adapters, whether it was
//! written in HCL or planned in plan JSON: attribute values (`Val`, with spans) and nested
//! blocks, plus `count`/`for_each` instances of HCL resources.

use super::eval::Scope;
use super::module::Module;
use super::syntax::{label, span_of};
use super::value::{Val, V};
use crate::source::Span;
use hcl_edit::expr::Expression;
use hcl_edit::structure::{Block, Body};

/// Instances of one resource beyond this many are not evaluated (hostile or generated input).
const MAX_INSTANCES: usize = 64;

/// A body to read attributes and nested blocks from.
#[derive(Clone, Copy)]
pub enum Obj<'b> {
    /// An HCL body, evaluated in the resource's scope.
    Hcl(&'b Body),
    /// An object value: a plan resource's `values` or one of its nested blocks, or an item of
    /// an HCL attribute list (`ingress = [{ ... }]`). The span is the place of the whole, for
    /// parts that have no place in this file.
    Value(&'b Val, Span),
}

impl<'b> From<&'b Body> for Obj<'b> {
    fn from(body: &'b Body) -> Obj<'b> {
        Obj::Hcl(body)
    }
}

/// Where the resource comes from.
enum Origin<'a> {
    /// A resource block, evaluated in a scope (module names, `count`/`each`, iterators).
    Hcl { block: &'a Block, scope: Scope<'a> },
    /// `planned_values` of a plan: every value resolved by Terraform. An attribute Terraform
    /// cannot know yet is left out; an unset one is `null` (or `[]` for blocks and sets).
    Plan { values: &'a Val },
}

/// One instance of a resource, ready to be read.
pub struct Res<'a> {
    pub rtype: &'a str,
    /// `aws_security_group.cp`, `aws_security_group_rule.x["ssh"]`.
    pub address: String,
    header: Span,
    origin: Origin<'a>,
}

impl<'a> Res<'a> {
    /// An instance of a resource block; `header` is its type label.
    pub fn hcl(rtype: &'a str, address: String, block: &'a Block, scope: Scope<'a>) -> Res<'a> {
        let header = block.labels.first().map(span_of).unwrap_or_default();
        Res {
            rtype,
            address,
            header,
            origin: Origin::Hcl { block, scope },
        }
    }

    /// A resource of a plan's `planned_values`; `header` is its address.
    pub fn plan(rtype: &'a str, address: String, values: &'a Val, header: Span) -> Res<'a> {
        Res {
            rtype,
            address,
            header,
            origin: Origin::Plan { values },
        }
    }

    /// The resource's own body.
    pub fn root(&self) -> Obj<'a> {
        match &self.origin {
            Origin::Hcl { block, .. } => Obj::Hcl(&block.body),
            Origin::Plan { values } => Obj::Value(values, self.header),
        }
    }

    /// The resource block, for readers of HCL only.
    pub fn block(&self) -> Option<&'a Block> {
        match &self.origin {
            Origin::Hcl { block, .. } => Some(block),
            Origin::Plan { .. } => None,
        }
    }

    /// Evaluates an expression of the resource block in its scope (HCL only), for readers that
    /// look at an expression's form before its value (`jsonencode({...})`).
    pub fn eval(&mut self, e: &Expression) -> Option<Val> {
        match &mut self.origin {
            Origin::Hcl { scope, .. } => Some(scope.eval(e)),
            Origin::Plan { .. } => None,
        }
    }

    fn is_plan(&self) -> bool {
        matches!(self.origin, Origin::Plan { .. })
    }

    /// An attribute's value and the span of its expression; `None` when it is not set (in a
    /// plan: left out, `null` or `[]`).
    pub fn val<'b>(&mut self, body: impl Into<Obj<'b>>, name: &str) -> Option<(Val, Span)> {
        match body.into() {
            Obj::Hcl(body) => {
                let a = body.get_attribute(name)?;
                let Origin::Hcl { scope, .. } = &mut self.origin else {
                    return None;
                };
                Some((scope.eval(&a.value), span_of(&a.value)))
            }
            Obj::Value(obj, whole) => {
                let v = obj.get(name)?;
                if self.is_plan() && is_unset(v) {
                    return None;
                }
                // Parts written inside the attribute point at themselves; the key has no span.
                let span =
                    v.at.as_ref()
                        .filter(|a| a.file.is_none())
                        .map_or(whole, |a| a.span);
                Some((v.clone(), span))
            }
        }
    }

    /// Whether an attribute is pending: left out of a plan because Terraform cannot know it
    /// before apply. (An HCL value that is not known is an unknown `Val` instead.)
    pub fn pending<'b>(&self, body: impl Into<Obj<'b>>, name: &str) -> bool {
        match body.into() {
            Obj::Value(obj, _) => self.is_plan() && obj.get(name).is_none(),
            Obj::Hcl(_) => false,
        }
    }

    /// Where an attribute is shown, even when unset (`null` in a plan); else the header.
    pub fn place<'b>(&self, body: impl Into<Obj<'b>>, name: &str) -> Span {
        let shown = match body.into() {
            Obj::Hcl(body) => body.get_attribute(name).map(|a| span_of(&a.value)),
            Obj::Value(obj, _) => obj.get(name).and_then(|v| v.at.as_ref()).map(|a| a.span),
        };
        shown.unwrap_or(self.header)
    }

    pub fn text<'b>(&mut self, body: impl Into<Obj<'b>>, name: &str) -> Option<String> {
        self.val(body, name).and_then(|(v, _)| v.text())
    }

    pub fn bool<'b>(&mut self, body: impl Into<Obj<'b>>, name: &str) -> Option<bool> {
        self.val(body, name).and_then(|(v, _)| v.as_bool())
    }

    /// The resource's type label (HCL) or address (plan), where whole-resource findings point.
    pub fn header(&self) -> Span {
        self.header
    }

    /// Runs `f` with `name` bound to `v` (HCL: a `dynamic` iterator); the old binding is
    /// restored afterwards.
    pub fn with_bound<R>(&mut self, name: &str, v: Val, f: impl FnOnce(&mut Self) -> R) -> R {
        let saved = match &mut self.origin {
            Origin::Hcl { scope, .. } => {
                let saved = scope.bound.get(name).cloned();
                scope.bind(name, v);
                saved
            }
            Origin::Plan { .. } => None,
        };
        let out = f(self);
        if let Origin::Hcl { scope, .. } = &mut self.origin {
            match saved {
                Some(v) => scope.bind(name, v),
                None => {
                    scope.bound.remove(name);
                }
            }
        }
        out
    }

    /// Nested blocks named `ident`, each with a label for messages and the span rules about it
    /// point at. HCL: literal and `dynamic` blocks (`ingress #2`, `ingress["ssh"]`, at the
    /// block), `f` running with the dynamic iterator bound. Object values: the items of the
    /// list `ident` (`ingress[1]`, at the whole object).
    pub fn blocks<'b>(
        &mut self,
        body: impl Into<Obj<'b>>,
        ident: &str,
        mut f: impl FnMut(&mut Self, Obj<'_>, String, Span),
    ) {
        let body = match body.into() {
            Obj::Hcl(body) => body,
            Obj::Value(obj, whole) => {
                let items = obj.get(ident).and_then(Val::items).unwrap_or_default();
                for (i, item) in items.iter().enumerate() {
                    f(
                        self,
                        Obj::Value(item, whole),
                        format!("{ident}[{i}]"),
                        whole,
                    );
                }
                return;
            }
        };
        let mut n = 0;
        for b in body.blocks() {
            if b.ident.as_str() == ident {
                n += 1;
                f(
                    self,
                    Obj::Hcl(&b.body),
                    format!("{ident} #{n}"),
                    span_of(&b.ident),
                );
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
            for (key, value) in elements(&coll) {
                let label = format!("{ident}[{}]", key_text(&key));
                let it = Val::new(V::Map(vec![("key".into(), key), ("value".into(), value)]));
                self.with_bound(&iterator, it, |res| {
                    f(res, Obj::Hcl(&content.body), label, span_of(&b.ident))
                });
            }
        }
    }

    /// Nested blocks written as an attribute list (`ingress = [{ ... }]`, `ingress[0]`), at the
    /// attribute. HCL only: an object value (plan JSON) shows every nested block as a list,
    /// which `blocks` reads.
    pub fn attribute_blocks<'b>(
        &mut self,
        body: impl Into<Obj<'b>>,
        ident: &str,
        mut f: impl FnMut(&mut Self, Obj<'_>, String, Span),
    ) {
        let Obj::Hcl(body) = body.into() else {
            return;
        };
        let Some((v, whole)) = self.val(body, ident) else {
            return;
        };
        for (i, item) in v.items().unwrap_or_default().iter().enumerate() {
            f(
                self,
                Obj::Value(item, whole),
                format!("{ident}[{i}]"),
                whole,
            );
        }
    }
}

/// `null`, or an empty list: how a plan shows an attribute or block that is not set.
fn is_unset(v: &Val) -> bool {
    match &v.v {
        V::Null => true,
        V::List(items) => items.is_empty(),
        _ => false,
    }
}

pub(super) fn key_text(k: &Val) -> String {
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
pub(super) fn instances(block: &Block, module: &Module) -> Vec<(String, Vec<(String, Val)>)> {
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
