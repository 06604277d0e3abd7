//! One instance of a resource, ready to be read: `count`/`for_each` instances, attribute
//! values in the instance's scope, and nested blocks (literal and `dynamic`).

use super::eval::Scope;
use super::module::Module;
use super::value::{Val, V};
use super::{label, span_of};
use crate::source::Span;
use hcl_edit::expr::Expression;
use hcl_edit::structure::{Block, Body};

/// Instances of one resource beyond this many are not evaluated (hostile or generated input).
const MAX_INSTANCES: usize = 64;

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
