//! The expression evaluator: a small, pure interpreter of `hcl-edit` expressions over the
//! three-valued `Val`s of `value.rs`, in a `Scope` of module names and iteration variables.
//! Nothing here reads files or the network.

use super::budget;
use super::functions::call;
use super::operators::{binary, get_key, index};
use super::value::{Val, V};
use crate::facts::Place;
use crate::source::{Source, Span};
use hcl_edit::expr::{Expression, ObjectKey, TraversalOperator, UnaryOperator};
use hcl_edit::template::{Element, Template};
use std::collections::HashMap;
use std::sync::Arc;

/// What names mean while evaluating: the module's variables and locals, and iteration
/// variables (`each`, `count`, dynamic-block iterators, `for` variables).
pub trait Lookup {
    fn var(&self, name: &str) -> Val;
    fn local(&self, name: &str) -> Val;
}

/// An evaluation scope: the names in scope, and which file the expressions come from.
pub struct Scope<'a> {
    pub names: &'a dyn Lookup,
    pub bound: HashMap<String, Val>,
    pub file: Option<Source>,
    pub note: Option<Arc<str>>,
    depth: usize,
}

const MAX_DEPTH: usize = 64;
/// Collections bigger than this are not built (hostile input, never real config).
const MAX_ITEMS: usize = 10_000;

impl<'a> Scope<'a> {
    pub fn new(names: &'a dyn Lookup, file: Option<Source>, note: Option<Arc<str>>) -> Scope<'a> {
        Scope {
            names,
            bound: HashMap::new(),
            file,
            note,
            depth: 0,
        }
    }

    pub fn bind(&mut self, name: &str, v: Val) {
        self.bound.insert(name.to_string(), v);
    }

    fn at(&self, x: &impl hcl_edit::Span) -> Option<Place> {
        x.span().map(|r| Place {
            file: self.file.clone(),
            span: Span::from(r),
            note: self.note.clone(),
        })
    }

    /// Evaluates `e`, spending one step and the weight of the value it builds from the unit's
    /// budget; unknown once the budget is gone.
    pub fn eval(&mut self, e: &Expression) -> Val {
        if self.depth > MAX_DEPTH || !budget::spend(1) {
            return Val::unknown();
        }
        self.depth += 1;
        let v = self.eval_inner(e);
        self.depth -= 1;
        if !budget::spend(v.weight(budget::left().saturating_add(1))) {
            return Val::unknown();
        }
        match v.v {
            V::List(_) | V::Map(_) => v.bounded(),
            _ => v,
        }
    }

    fn eval_inner(&mut self, e: &Expression) -> Val {
        let at = self.at(e);
        let v = match e {
            Expression::Null(_) => V::Null,
            Expression::Bool(b) => V::Bool(*b.value()),
            Expression::Number(n) => match n.value().as_f64() {
                Some(f) => V::Num(f),
                None => V::Unknown,
            },
            Expression::String(s) => V::Str(s.value().clone()),
            Expression::Array(a) => {
                V::List(a.iter().take(MAX_ITEMS).map(|x| self.eval(x)).collect())
            }
            Expression::Object(o) => {
                let mut entries = Vec::new();
                for (k, v) in o.iter().take(MAX_ITEMS) {
                    let key = match k {
                        ObjectKey::Ident(i) => Some(i.value().as_str().to_string()),
                        ObjectKey::Expression(x) => self.eval(x).text(),
                    };
                    let val = self.eval(v.expr());
                    match key {
                        Some(k) => entries.push((k, val)),
                        None => return Val::unknown(),
                    }
                }
                V::Map(entries)
            }
            Expression::StringTemplate(t) => return self.template(t).with_at(at),
            Expression::HeredocTemplate(h) => return self.template(&h.template).with_at(at),
            Expression::Parenthesis(p) => return self.eval(p.inner()),
            Expression::Variable(v) => match self.bound.get(v.value().as_str()) {
                Some(x) => return x.clone(),
                None => V::Unknown,
            },
            Expression::Conditional(c) => {
                return match self.eval(&c.cond_expr).as_bool() {
                    Some(true) => self.eval(&c.true_expr),
                    Some(false) => self.eval(&c.false_expr),
                    None => Val::unknown(),
                }
            }
            Expression::FuncCall(f) => {
                if !f.name.namespace.is_empty() {
                    return Val::unknown();
                }
                let name = f.name.name.value().as_str().to_string();
                if name == "try" {
                    return self.try_args(f.args.iter().collect());
                }
                let args: Vec<Val> = f.args.iter().map(|a| self.eval(a)).collect();
                let args = if f.args.expand_final() {
                    match args.split_last() {
                        Some((last, rest)) => match last.items() {
                            Some(items) => rest.iter().chain(items).cloned().collect(),
                            None => return Val::unknown(),
                        },
                        None => args,
                    }
                } else {
                    args
                };
                return call(&name, &args).with_at(at);
            }
            Expression::Traversal(t) => return self.traversal(&t.expr, &t.operators),
            Expression::UnaryOp(u) => {
                let x = self.eval(&u.expr);
                match (u.operator.value(), &x.v) {
                    (UnaryOperator::Not, V::Bool(b)) => V::Bool(!b),
                    (UnaryOperator::Neg, _) => match x.as_num() {
                        Some(n) => V::Num(-n),
                        None => V::Unknown,
                    },
                    _ => V::Unknown,
                }
            }
            Expression::BinaryOp(b) => {
                let l = self.eval(&b.lhs_expr);
                let r = self.eval(&b.rhs_expr);
                binary(*b.operator.value(), &l, &r)
            }
            Expression::ForExpr(f) => return self.for_expr(f).with_at(at),
        };
        Val { v, at }
    }

    fn try_args(&mut self, args: Vec<&Expression>) -> Val {
        for a in args {
            let v = self.eval(a);
            match v.v {
                V::Error => continue,
                _ => return v,
            }
        }
        Val::unknown()
    }

    fn template(&mut self, t: &Template) -> Val {
        let mut out = String::new();
        for el in t.iter() {
            match el {
                Element::Literal(s) if budget::fits_string(out.len() + s.len()) => {
                    out.push_str(s.value())
                }
                Element::Interpolation(i) => match self.eval(&i.expr).text() {
                    Some(s) if budget::fits_string(out.len() + s.len()) => out.push_str(&s),
                    _ => return Val::unknown(),
                },
                Element::Literal(_) => return Val::unknown(),
                Element::Directive(_) => return Val::unknown(),
            }
        }
        Val::new(V::Str(out))
    }

    fn traversal(
        &mut self,
        root: &Expression,
        ops: &[hcl_edit::Decorated<TraversalOperator>],
    ) -> Val {
        // `var.x`, `local.x`: module names. Other roots (resources, data, modules) are unknown.
        let mut rest = ops;
        let mut cur = match root {
            Expression::Variable(v) if !self.bound.contains_key(v.value().as_str()) => {
                let scope = v.value().as_str();
                let Some((first, tail)) = ops.split_first() else {
                    return Val::unknown();
                };
                let TraversalOperator::GetAttr(name) = first.value() else {
                    return Val::unknown();
                };
                rest = tail;
                match scope {
                    "var" => self.names.var(name.value().as_str()),
                    "local" => self.names.local(name.value().as_str()),
                    _ => return Val::unknown(),
                }
            }
            _ => self.eval(root),
        };
        let mut splat = false;
        for op in rest {
            if !cur.is_known() {
                return cur;
            }
            cur = match op.value() {
                TraversalOperator::AttrSplat(_) | TraversalOperator::FullSplat(_) => {
                    splat = true;
                    match cur.v {
                        V::List(_) => cur,
                        V::Null => Val::new(V::List(Vec::new())),
                        _ => Val::new(V::List(vec![cur])),
                    }
                }
                TraversalOperator::GetAttr(name) => {
                    let key = name.value().as_str();
                    if splat {
                        match cur.items() {
                            Some(items) => {
                                Val::new(V::List(items.iter().map(|i| get_key(i, key)).collect()))
                            }
                            None => Val::unknown(),
                        }
                    } else {
                        get_key(&cur, key)
                    }
                }
                TraversalOperator::Index(x) => {
                    let k = self.eval(x);
                    index(&cur, &k)
                }
                TraversalOperator::LegacyIndex(n) => {
                    index(&cur, &Val::new(V::Num(*n.value() as f64)))
                }
            };
        }
        cur
    }

    fn for_expr(&mut self, f: &hcl_edit::expr::ForExpr) -> Val {
        let coll = self.eval(&f.intro.collection_expr);
        let pairs: Vec<(Val, Val)> = match &coll.v {
            V::List(items) => {
                if items.iter().any(|i| !i.is_known()) {
                    return Val::unknown();
                }
                items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (Val::new(V::Num(i as f64)), v.clone()))
                    .collect()
            }
            V::Map(entries) => entries
                .iter()
                .map(|(k, v)| (Val::new(V::Str(k.clone())), v.clone()))
                .collect(),
            _ => return Val::unknown(),
        };
        if f.grouping {
            return Val::unknown();
        }
        let kname = f
            .intro
            .key_var
            .as_ref()
            .map(|k| k.value().as_str().to_string());
        let vname = f.intro.value_var.value().as_str().to_string();
        let saved: Vec<(String, Option<Val>)> = kname
            .iter()
            .chain(std::iter::once(&vname))
            .map(|n| (n.clone(), self.bound.get(n).cloned()))
            .collect();
        let mut list = Vec::new();
        let mut map = Vec::new();
        let mut failed = false;
        for (k, v) in pairs {
            if let Some(kn) = &kname {
                self.bound.insert(kn.clone(), k);
            }
            self.bound.insert(vname.clone(), v);
            if let Some(c) = &f.cond {
                match self.eval(&c.expr).as_bool() {
                    Some(true) => {}
                    Some(false) => continue,
                    None => {
                        failed = true;
                        break;
                    }
                }
            }
            let value = self.eval(&f.value_expr);
            match &f.key_expr {
                Some(ke) => match self.eval(ke).text() {
                    Some(key) => map.push((key, value)),
                    None => {
                        failed = true;
                        break;
                    }
                },
                None => list.push(value),
            }
        }
        for (n, old) in saved {
            match old {
                Some(v) => self.bound.insert(n, v),
                None => self.bound.remove(&n),
            };
        }
        if failed {
            Val::unknown()
        } else if f.key_expr.is_some() {
            Val::new(V::Map(map))
        } else {
            Val::new(V::List(list))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Empty;
    impl Lookup for Empty {
        fn var(&self, _: &str) -> Val {
            Val::new(V::List(vec![Val::new(V::Str("0.0.0.0/0".into()))]))
        }
        fn local(&self, _: &str) -> Val {
            Val::unknown()
        }
    }

    fn eval(src: &str) -> Val {
        let body = hcl_edit::parser::parse_body(&format!("x = {src}\n")).unwrap();
        let e = &body.get_attribute("x").unwrap().value;
        Scope::new(&Empty, None, None).eval(e)
    }

    fn text(src: &str) -> Option<String> {
        eval(src).text()
    }

    #[test]
    fn functions_and_templates() {
        assert_eq!(
            text(r#"join(",", concat(["a"], ["b"]))"#).as_deref(),
            Some("a,b")
        );
        assert_eq!(text(r#"format("%s:%d", "x", 5)"#).as_deref(), Some("x:5"));
        assert_eq!(
            text(r#"cidrsubnet("10.0.0.0/16", 8, 2)"#).as_deref(),
            Some("10.0.2.0/24")
        );
        assert_eq!(text(r#""${var.x[0]}-y""#).as_deref(), Some("0.0.0.0/0-y"));
        assert_eq!(text(r#"lookup({a = "1"}, "b", "2")"#).as_deref(), Some("2"));
        assert_eq!(text(r#"try(local.m.x, "fallback")"#), None);
        assert_eq!(text(r#"try({a = 1}.b, "fb")"#).as_deref(), Some("fb"));
        assert_eq!(text(r#"coalesce("", "z")"#).as_deref(), Some("z"));
        assert_eq!(
            text(r#"element(split(",", "a,b"), 3)"#).as_deref(),
            Some("b")
        );
        assert_eq!(
            text(r#"length(distinct(["a", "a", "b"]))"#).as_deref(),
            Some("2")
        );
        assert_eq!(text(r#"true ? "y" : "n""#).as_deref(), Some("y"));
        assert_eq!(
            text(r#"[for c in ["a", "b"] : upper(c)][1]"#).as_deref(),
            Some("B")
        );
        assert_eq!(
            text(r#"{for k, v in {a = 1} : v => k}["1"]"#).as_deref(),
            Some("a")
        );
        assert_eq!(text(r#"merge({a = 1}, {a = 2}).a"#).as_deref(), Some("2"));
        assert_eq!(text(r#"aws_vpc.x.cidr_block"#), None);
    }

    #[test]
    fn exponential_values_become_unknown() {
        let mut src = String::from("locals {\n  l0 = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n");
        for i in 1..12 {
            let p = i - 1;
            src.push_str(&format!("  l{i} = [local.l{p}, local.l{p}, local.l{p}, local.l{p}, local.l{p}, local.l{p}, local.l{p}, local.l{p}, local.l{p}, local.l{p}]\n"));
        }
        src.push_str("}\n");
        let body = hcl_edit::parser::parse_body(&src).unwrap();
        assert!(body.blocks().count() == 1);
        // Nesting beyond the node limit is refused rather than built.
        let big = Val::new(V::List(vec![Val::new(V::Num(1.0)); 200_000]));
        assert!(!big.bounded().is_known());
    }

    #[test]
    fn partly_known_lists_keep_known_items() {
        let v = eval(r#"concat(["0.0.0.0/0"], aws_vpc.x.cidrs)"#);
        let items = v.items().unwrap();
        assert_eq!(items[0].as_str(), Some("0.0.0.0/0"));
        assert!(!items[1].is_known());
        assert!(eval(r#"length(concat(["a"], data.x.y))"#)
            .as_num()
            .is_none());
    }
}
