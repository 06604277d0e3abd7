//! Operators on values: attribute and index access (`a.b`, `a[k]`) and the binary operators.

use super::value::{equal, Val, V};
use hcl_edit::expr::BinaryOperator;

/// `v.key`: an error (what `try` skips) on a known value without that key.
pub fn get_key(v: &Val, key: &str) -> Val {
    match &v.v {
        V::Map(_) => v.get(key).cloned().unwrap_or_else(Val::error),
        V::Unknown => Val::unknown(),
        _ => Val::error(),
    }
}

/// `v[k]` on a list or map; unknown on a partly known list.
pub fn index(v: &Val, k: &Val) -> Val {
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

/// `l op r`; unknown unless both operands are wholly known.
pub fn binary(op: BinaryOperator, l: &Val, r: &Val) -> V {
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
