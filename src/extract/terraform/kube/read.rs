//! Reading kubernetes provider blocks: nested blocks, located scalars and lists, maps and label
//! selectors, each `None` or unknown when its value is not wholly known.

use crate::extract::terraform::peers::origin_of;
use crate::extract::terraform::resource::{Obj, Res};
use crate::extract::terraform::syntax::{label, span_of};
use crate::extract::terraform::value::{Val, V};
use crate::facts::kube::{LabelSelector, SelectorExpr, Spanned};
use crate::facts::located::Provenance;
use crate::source::Span;

/// The first nested block `ident` of `obj` (a plan shows nested blocks as lists).
pub fn block<'b>(obj: Obj<'b>, ident: &str) -> Option<(Obj<'b>, Span)> {
    match obj {
        Obj::Hcl(body) => body
            .blocks()
            .find(|b| b.ident.as_str() == ident)
            .map(|b| (Obj::Hcl(&b.body), span_of(&b.ident))),
        Obj::Value(v, whole) => {
            let x = v.get(ident)?;
            match &x.v {
                V::List(items) => items.first().map(|i| (Obj::Value(i, whole), whole)),
                V::Map(_) => Some((Obj::Value(x, whole), whole)),
                _ => None,
            }
        }
    }
}

/// Whether `obj` has a `dynamic "ident"` block over a collection that is not wholly known:
/// the blocks it makes are unknown.
pub fn unknown_dynamic(res: &mut Res, obj: Obj, ident: &str) -> bool {
    let Obj::Hcl(body) = obj else { return false };
    body.blocks()
        .filter(|b| b.ident.as_str() == "dynamic" && label(b, 0) == Some(ident))
        .any(|b| {
            !res.val(&b.body, "for_each")
                .is_some_and(|(v, _)| v.is_whole())
        })
}

/// A known scalar as a located value: its own span when written inside the attribute `attr`,
/// else the attribute's, with the place that set it.
pub fn located(v: &Val, attr: Span) -> Option<Spanned> {
    let text = v.text()?;
    let origin = origin_of(v, attr);
    let span = match (&v.at, &origin) {
        (Some(at), None) => at.span,
        _ => attr,
    };
    let mut l = Spanned::at(text, span);
    if let Some(o) = origin {
        l.provenance = Provenance::Via(vec![o]);
    }
    Some(l)
}

/// An attribute's scalar, located.
pub fn scalar(res: &mut Res, obj: Obj, name: &str) -> Option<Spanned> {
    let (v, at) = res.val(obj, name)?;
    located(&v, at)
}

/// A list (or set) attribute's known items; `None` when the attribute is not wholly known.
/// An absent attribute is an empty list.
pub fn strings(res: &mut Res, obj: Obj, name: &str) -> Option<Vec<Spanned>> {
    let Some((v, at)) = res.val(obj, name) else {
        return Some(Vec::new());
    };
    if !v.is_whole() {
        return None;
    }
    match &v.v {
        V::List(items) => Some(items.iter().filter_map(|i| located(i, at)).collect()),
        V::Null => Some(Vec::new()),
        _ => located(&v, at).map(|l| vec![l]),
    }
}

/// A map attribute (labels, annotations, `match_labels`) as text pairs; `None` when it is not
/// wholly known.
pub fn string_map(res: &mut Res, obj: Obj, name: &str) -> Option<Vec<(String, String)>> {
    let Some((v, _)) = res.val(obj, name) else {
        return Some(Vec::new());
    };
    if !v.is_whole() {
        return None;
    }
    match &v.v {
        V::Map(entries) => Some(
            entries
                .iter()
                .filter_map(|(k, v)| Some((k.clone(), v.text()?)))
                .collect(),
        ),
        V::Null => Some(Vec::new()),
        _ => None,
    }
}

/// A label selector block (`match_labels`, `match_expressions`); an unknown part makes the
/// selector unknown (it then neither selects everything nor matches anything).
pub fn selector(res: &mut Res, obj: Obj, span: Span) -> LabelSelector {
    let mut unknown = unknown_dynamic(res, obj, "match_expressions");
    let match_labels = string_map(res, obj, "match_labels").unwrap_or_else(|| {
        unknown = true;
        Vec::new()
    });
    let mut expressions = Vec::new();
    res.blocks(obj, "match_expressions", |res, e, _, _| {
        let key = res.text(e, "key");
        let operator = res.text(e, "operator");
        let values = strings(res, e, "values");
        match (key, operator, values) {
            (Some(key), Some(operator), Some(values)) => expressions.push(SelectorExpr {
                key,
                operator,
                values: values.into_iter().map(|v| v.value).collect(),
            }),
            _ => unknown = true,
        }
    });
    LabelSelector {
        match_labels,
        expressions,
        span,
        unknown,
    }
}
