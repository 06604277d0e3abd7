//! A small, pure evaluator for Terraform expressions.
//!
//! Values are three-valued: known, unknown (`V::Unknown`: a reference to something only
//! `terraform apply` knows, a variable without value, a function we do not model), or partly
//! known (a list holding some `Unknown` elements: "at least these items"). Every value keeps
//! where it was written (`At`), so a finding can point at the variable default or tfvars entry
//! that made it insecure. Nothing here reads files or the network.

use crate::source::{Source, Span};
use hcl_edit::expr::{BinaryOperator, Expression, ObjectKey, TraversalOperator, UnaryOperator};
use hcl_edit::template::{Element, Template};
use std::collections::HashMap;
use std::sync::Arc;

/// Where a value was written. `file: None` is the file being linted.
#[derive(Clone, Debug)]
pub struct At {
    pub file: Option<Source>,
    pub span: Span,
    /// What the place is, for related locations ("default of variable \"cidrs\"").
    pub note: Option<Arc<str>>,
}

#[derive(Clone, Debug)]
pub enum V {
    Unknown,
    /// A failed lookup on a known value: what `try` skips. Otherwise treated as unknown.
    Error,
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    /// Lists, tuples and sets. `Unknown` items make the list partly known.
    List(Vec<Val>),
    /// Maps and objects, in source order.
    Map(Vec<(String, Val)>),
}

#[derive(Clone, Debug)]
pub struct Val {
    pub v: V,
    pub at: Option<At>,
}

impl Val {
    pub fn unknown() -> Val {
        Val {
            v: V::Unknown,
            at: None,
        }
    }

    fn error() -> Val {
        Val {
            v: V::Error,
            at: None,
        }
    }

    pub fn new(v: V) -> Val {
        Val { v, at: None }
    }

    pub fn is_known(&self) -> bool {
        !matches!(self.v, V::Unknown | V::Error)
    }

    /// Wholly known: no unknown anywhere inside.
    pub fn is_whole(&self) -> bool {
        match &self.v {
            V::Unknown | V::Error => false,
            V::List(items) => items.iter().all(Val::is_whole),
            V::Map(entries) => entries.iter().all(|(_, v)| v.is_whole()),
            _ => true,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.v {
            V::Str(s) => Some(s),
            _ => None,
        }
    }

    /// Strings, numbers and booleans as text (Terraform's automatic conversion).
    pub fn text(&self) -> Option<String> {
        match &self.v {
            V::Str(s) => Some(s.clone()),
            V::Num(n) => Some(num_text(*n)),
            V::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match &self.v {
            V::Bool(b) => Some(*b),
            V::Str(s) if s == "true" => Some(true),
            V::Str(s) if s == "false" => Some(false),
            _ => None,
        }
    }

    pub fn as_num(&self) -> Option<f64> {
        match &self.v {
            V::Num(n) => Some(*n),
            V::Str(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    pub fn items(&self) -> Option<&[Val]> {
        match &self.v {
            V::List(items) => Some(items),
            _ => None,
        }
    }

    pub fn get(&self, key: &str) -> Option<&Val> {
        match &self.v {
            V::Map(entries) => entries.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Nodes in the value, counted up to `limit` (hostile configs can nest references to
    /// build values exponentially large).
    pub fn size(&self, limit: usize) -> usize {
        let mut n = 1;
        match &self.v {
            V::List(items) => {
                for i in items {
                    n += i.size(limit - n.min(limit));
                    if n >= limit {
                        return n;
                    }
                }
            }
            V::Map(entries) => {
                for (_, v) in entries {
                    n += v.size(limit - n.min(limit));
                    if n >= limit {
                        return n;
                    }
                }
            }
            _ => {}
        }
        n
    }

    /// The value, or unknown when it is too big to be real configuration.
    fn bounded(self) -> Val {
        if self.size(MAX_NODES) >= MAX_NODES {
            Val::unknown()
        } else {
            self
        }
    }

    fn with_at(mut self, at: Option<At>) -> Val {
        if self.at.is_none() {
            self.at = at;
        }
        self
    }
}

pub fn num_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

/// What names mean while evaluating: the module's variables and locals, and iteration
/// variables (`each`, `count`, dynamic-block iterators, `for` variables).
pub trait Lookup {
    fn var(&self, name: &str) -> Val;
    fn local(&self, name: &str) -> Val;
}

/// The evaluation context: names in scope, and which file the expressions come from.
pub struct Cx<'a> {
    pub names: &'a dyn Lookup,
    pub bound: HashMap<String, Val>,
    pub file: Option<Source>,
    pub note: Option<Arc<str>>,
    depth: usize,
}

const MAX_DEPTH: usize = 64;
/// Collections bigger than this are not built (hostile input, never real config).
const MAX_ITEMS: usize = 10_000;
/// Values with more nodes than this are unknown.
const MAX_NODES: usize = 100_000;

impl<'a> Cx<'a> {
    pub fn new(names: &'a dyn Lookup, file: Option<Source>, note: Option<Arc<str>>) -> Cx<'a> {
        Cx {
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

    fn at(&self, x: &impl hcl_edit::Span) -> Option<At> {
        x.span().map(|r| At {
            file: self.file.clone(),
            span: Span::from(r),
            note: self.note.clone(),
        })
    }

    pub fn eval(&mut self, e: &Expression) -> Val {
        if self.depth > MAX_DEPTH {
            return Val::unknown();
        }
        self.depth += 1;
        let v = self.eval_inner(e);
        self.depth -= 1;
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
                return call(&name, args).with_at(at);
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
                Element::Literal(s) => out.push_str(s.value()),
                Element::Interpolation(i) => match self.eval(&i.expr).text() {
                    Some(s) => out.push_str(&s),
                    None => return Val::unknown(),
                },
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

fn get_key(v: &Val, key: &str) -> Val {
    match &v.v {
        V::Map(_) => v.get(key).cloned().unwrap_or_else(Val::error),
        V::Unknown => Val::unknown(),
        _ => Val::error(),
    }
}

fn index(v: &Val, k: &Val) -> Val {
    match &v.v {
        V::List(items) => {
            if items.iter().any(|i| !i.is_known()) {
                return Val::unknown();
            }
            match k.as_num() {
                Some(n) if n >= 0.0 && (n as usize) < items.len() => items[n as usize].clone(),
                Some(_) => Val::error(),
                None => Val::unknown(),
            }
        }
        V::Map(_) => match k.text() {
            Some(key) => get_key(v, &key),
            None => Val::unknown(),
        },
        V::Unknown => Val::unknown(),
        _ => Val::error(),
    }
}

fn binary(op: BinaryOperator, l: &Val, r: &Val) -> V {
    use BinaryOperator::*;
    if !l.is_whole() || !r.is_whole() {
        return V::Unknown;
    }
    match op {
        Eq => V::Bool(equal(l, r)),
        NotEq => V::Bool(!equal(l, r)),
        And | Or => match (l.as_bool(), r.as_bool()) {
            (Some(a), Some(b)) => V::Bool(if op == And { a && b } else { a || b }),
            _ => V::Unknown,
        },
        _ => {
            let (Some(a), Some(b)) = (l.as_num(), r.as_num()) else {
                return V::Unknown;
            };
            match op {
                Plus => V::Num(a + b),
                Minus => V::Num(a - b),
                Mul => V::Num(a * b),
                Div if b != 0.0 => V::Num(a / b),
                Mod if b != 0.0 => V::Num(a % b),
                Less => V::Bool(a < b),
                LessEq => V::Bool(a <= b),
                Greater => V::Bool(a > b),
                GreaterEq => V::Bool(a >= b),
                _ => V::Unknown,
            }
        }
    }
}

fn equal(l: &Val, r: &Val) -> bool {
    match (&l.v, &r.v) {
        (V::Null, V::Null) => true,
        (V::Bool(a), V::Bool(b)) => a == b,
        (V::Num(a), V::Num(b)) => a == b,
        (V::Str(a), V::Str(b)) => a == b,
        (V::List(a), V::List(b)) => a.len() == b.len() && a.iter().zip(b).all(|(x, y)| equal(x, y)),
        (V::Map(a), V::Map(b)) => {
            a.len() == b.len() && a.iter().all(|(k, v)| r.get(k).is_some_and(|w| equal(v, w)))
        }
        _ => false,
    }
}

/// Flattens nested lists (one or all levels), keeping unknown markers.
fn flatten_into(v: &Val, out: &mut Vec<Val>) {
    match &v.v {
        V::List(items) => items.iter().for_each(|i| flatten_into(i, out)),
        _ => out.push(v.clone()),
    }
}

fn unknown_list_marker() -> Val {
    Val::unknown()
}

/// Terraform's pure functions that configs use to build CIDR lists, ports and flags.
pub fn call(name: &str, args: Vec<Val>) -> Val {
    let arg = |i: usize| args.get(i).cloned().unwrap_or_else(Val::unknown);
    let v = match name {
        "concat" => {
            let mut out = Vec::new();
            for a in &args {
                match &a.v {
                    V::List(items) => out.extend(items.iter().cloned()),
                    // An unknown argument adds unknown items: the result is partly known.
                    V::Unknown => out.push(unknown_list_marker()),
                    _ => return Val::unknown(),
                }
            }
            V::List(out)
        }
        "flatten" => match &arg(0).v {
            V::List(_) => {
                let mut out = Vec::new();
                flatten_into(&arg(0), &mut out);
                V::List(out)
            }
            _ => V::Unknown,
        },
        "distinct" | "toset" | "tolist" => match &arg(0).v {
            V::List(items) => {
                if name == "tolist" {
                    V::List(items.clone())
                } else {
                    let mut out: Vec<Val> = Vec::new();
                    for i in items {
                        if !i.is_known() || !out.iter().any(|o| equal(o, i)) {
                            out.push(i.clone());
                        }
                    }
                    V::List(out)
                }
            }
            _ => V::Unknown,
        },
        "compact" => match &arg(0).v {
            V::List(items) => V::List(
                items
                    .iter()
                    .filter(|i| !matches!(&i.v, V::Null) && i.as_str() != Some(""))
                    .cloned()
                    .collect(),
            ),
            _ => V::Unknown,
        },
        "merge" => {
            let mut out: Vec<(String, Val)> = Vec::new();
            for a in &args {
                match &a.v {
                    V::Map(entries) => {
                        for (k, v) in entries {
                            out.retain(|(o, _)| o != k);
                            out.push((k.clone(), v.clone()));
                        }
                    }
                    V::Null => {}
                    _ => return Val::unknown(),
                }
            }
            V::Map(out)
        }
        "lookup" => {
            let m = arg(0);
            let Some(k) = arg(1).text() else {
                return Val::unknown();
            };
            match &m.v {
                V::Map(_) => match m.get(&k) {
                    Some(v) => return v.clone(),
                    None if args.len() > 2 => return arg(2),
                    None => V::Error,
                },
                _ => V::Unknown,
            }
        }
        "element" => {
            let l = arg(0);
            match (l.items(), arg(1).as_num()) {
                (Some(items), Some(n))
                    if !items.is_empty() && items.iter().all(Val::is_known) && n >= 0.0 =>
                {
                    return items[(n as usize) % items.len()].clone()
                }
                _ => V::Unknown,
            }
        }
        "tostring" => match arg(0).text() {
            Some(s) => V::Str(s),
            None if matches!(arg(0).v, V::Null) => V::Null,
            None => V::Unknown,
        },
        "tonumber" => match arg(0).as_num() {
            Some(n) => V::Num(n),
            None => V::Unknown,
        },
        "tomap" => match &arg(0).v {
            V::Map(_) => return arg(0),
            _ => V::Unknown,
        },
        "format" => match format(&args) {
            Some(s) => V::Str(s),
            None => V::Unknown,
        },
        "join" => match (arg(0).text(), arg(1).items()) {
            (Some(sep), Some(items)) => {
                let parts: Option<Vec<String>> = items.iter().map(Val::text).collect();
                match parts {
                    Some(p) => V::Str(p.join(&sep)),
                    None => V::Unknown,
                }
            }
            _ => V::Unknown,
        },
        "split" => match (arg(0).text(), arg(1).text()) {
            // The parts keep the place of the joined string (a CIDR list written as "a,b").
            (Some(sep), Some(s)) if !sep.is_empty() => V::List(
                s.split(sep.as_str())
                    .map(|p| Val {
                        v: V::Str(p.to_string()),
                        at: arg(1).at.clone(),
                    })
                    .collect(),
            ),
            _ => V::Unknown,
        },
        "coalesce" => {
            for a in &args {
                match &a.v {
                    V::Unknown | V::Error => return Val::unknown(),
                    V::Null => continue,
                    V::Str(s) if s.is_empty() => continue,
                    _ => return a.clone(),
                }
            }
            V::Unknown
        }
        "coalescelist" => {
            for a in &args {
                match &a.v {
                    V::List(items) if items.is_empty() => continue,
                    V::List(_) => return a.clone(),
                    _ => return Val::unknown(),
                }
            }
            V::Unknown
        }
        "length" => match &arg(0).v {
            V::List(items) if items.iter().all(Val::is_known) => V::Num(items.len() as f64),
            V::Map(entries) => V::Num(entries.len() as f64),
            V::Str(s) => V::Num(s.chars().count() as f64),
            _ => V::Unknown,
        },
        "keys" | "values" => match &arg(0).v {
            V::Map(entries) => {
                let mut e = entries.clone();
                e.sort_by(|a, b| a.0.cmp(&b.0));
                V::List(
                    e.into_iter()
                        .map(|(k, v)| {
                            if name == "keys" {
                                Val::new(V::Str(k))
                            } else {
                                v
                            }
                        })
                        .collect(),
                )
            }
            _ => V::Unknown,
        },
        "contains" => match arg(0).items() {
            Some(items) if items.iter().all(Val::is_whole) && arg(1).is_whole() => {
                V::Bool(items.iter().any(|i| equal(i, &arg(1))))
            }
            _ => V::Unknown,
        },
        "lower" | "upper" | "trimspace" => match arg(0).as_str() {
            Some(s) => V::Str(match name {
                "lower" => s.to_lowercase(),
                "upper" => s.to_uppercase(),
                _ => s.trim().to_string(),
            }),
            None => V::Unknown,
        },
        "cidrsubnet" => match (arg(0).as_str(), arg(1).as_num(), arg(2).as_num()) {
            (Some(p), Some(bits), Some(n)) => match cidrsubnet(p, bits, n) {
                Some(s) => V::Str(s),
                None => V::Unknown,
            },
            _ => V::Unknown,
        },
        "sort" => match arg(0).items() {
            Some(items) => {
                let texts: Option<Vec<String>> = items.iter().map(Val::text).collect();
                match texts {
                    Some(mut t) => {
                        t.sort();
                        V::List(t.into_iter().map(|s| Val::new(V::Str(s))).collect())
                    }
                    None => V::Unknown,
                }
            }
            None => V::Unknown,
        },
        "can" => V::Unknown,
        _ => V::Unknown,
    };
    Val::new(v)
}

/// `format` with the verbs configs use: `%s`, `%d`, `%v`, `%%`.
fn format(args: &[Val]) -> Option<String> {
    let spec = args.first()?.as_str()?.to_string();
    let mut out = String::new();
    let mut rest = args.iter().skip(1);
    let mut chars = spec.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            '%' => out.push('%'),
            's' | 'd' | 'v' => out.push_str(&rest.next()?.text()?),
            _ => return None,
        }
    }
    Some(out)
}

/// IPv4 `cidrsubnet(prefix, newbits, netnum)`.
fn cidrsubnet(prefix: &str, bits: f64, num: f64) -> Option<String> {
    let net: ipnet::Ipv4Net = prefix.trim().parse().ok()?;
    let new_len = net.prefix_len() as u32 + bits as u32;
    if new_len > 32 || num < 0.0 {
        return None;
    }
    let num = num as u64;
    if bits < 64.0 && num >= (1u64 << bits as u32) {
        return None;
    }
    let base = u32::from(net.network()) as u64;
    let addr = base | (num << (32 - new_len));
    let addr = std::net::Ipv4Addr::from(addr as u32);
    Some(format!("{addr}/{new_len}"))
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
        Cx::new(&Empty, None, None).eval(e)
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
