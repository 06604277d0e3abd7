//! Terraform values as the evaluator sees them: three-valued (known, unknown, partly known),
//! each remembering where it was written.
//!
//! Values are known, unknown (`V::Unknown`: a reference to something only `terraform apply`
//! knows, a variable without value, a function we do not model), or partly known (a list
//! holding some `Unknown` elements: "at least these items"). Every value keeps where it was
//! written (a `facts::Place`), so a finding can point at the variable default or tfvars entry that made it
//! insecure.

use crate::facts::Place;

/// Values with more nodes than this are unknown.
const MAX_NODES: usize = 100_000;

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
    /// Where the value was written (`file: None`: the file being linted), with what the place
    /// is for related locations ("default of variable \"cidrs\"").
    pub at: Option<Place>,
}

impl Val {
    pub fn unknown() -> Val {
        Val {
            v: V::Unknown,
            at: None,
        }
    }

    pub fn error() -> Val {
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

    /// What building the value cost, in evaluator cost units (`budget.rs`): one per node and
    /// one per 64 bytes of string, counted up to `limit`.
    pub fn weight(&self, limit: u64) -> u64 {
        let mut n = 1;
        match &self.v {
            V::Str(s) => n += super::budget::bytes_cost(s.len()),
            V::List(items) => {
                for i in items {
                    if n > limit {
                        break;
                    }
                    n += i.weight(limit - n);
                }
            }
            V::Map(entries) => {
                for (k, v) in entries {
                    if n > limit {
                        break;
                    }
                    n += super::budget::bytes_cost(k.len()) + v.weight(limit - n);
                }
            }
            _ => {}
        }
        n
    }

    /// The value, or unknown when it is too big to be real configuration.
    pub fn bounded(self) -> Val {
        if self.size(MAX_NODES) >= MAX_NODES {
            Val::unknown()
        } else {
            self
        }
    }

    pub fn with_at(mut self, at: Option<Place>) -> Val {
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

/// Structural equality of two wholly known values (`==`, `distinct`, `contains`).
pub fn equal(l: &Val, r: &Val) -> bool {
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
