//! Type conversion functions: `tostring`, `tonumber`, `tomap`, `tolist`.

use super::args::{arg, new};
use crate::extract::terraform::value::{Val, V};

pub fn tostring(args: &[Val]) -> Val {
    let a = arg(args, 0);
    new(match a.text() {
        Some(s) => V::Str(s),
        None if matches!(a.v, V::Null) => V::Null,
        None => V::Unknown,
    })
}

pub fn tonumber(args: &[Val]) -> Val {
    new(match arg(args, 0).as_num() {
        Some(n) => V::Num(n),
        None => V::Unknown,
    })
}

/// A map stays itself (with its own place).
pub fn tomap(args: &[Val]) -> Val {
    let a = arg(args, 0);
    match &a.v {
        V::Map(_) => a,
        _ => Val::unknown(),
    }
}

pub fn tolist(args: &[Val]) -> Val {
    new(match &arg(args, 0).v {
        V::List(items) => V::List(items.clone()),
        _ => V::Unknown,
    })
}
