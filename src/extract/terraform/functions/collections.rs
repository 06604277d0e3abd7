//! Collection functions: `concat`, `flatten`, `distinct`/`toset`, `compact`, `merge`,
//! `lookup`, `element`, `coalesce`, `coalescelist`, `length`, `keys`, `values`, `contains`,
//! `sort`. Unknown items keep a list partly known where Terraform would.

use super::args::{arg, new};
use crate::extract::terraform::budget;
use crate::extract::terraform::value::{equal, Val, V};

/// An unknown argument adds unknown items: the result is partly known.
pub fn concat(args: &[Val]) -> Val {
    let mut out = Vec::new();
    for a in args {
        match &a.v {
            V::List(items) => out.extend(items.iter().cloned()),
            V::Unknown => out.push(Val::unknown()),
            _ => return Val::unknown(),
        }
    }
    new(V::List(out))
}

/// Flattens nested lists (all levels), keeping unknown markers.
pub fn flatten(args: &[Val]) -> Val {
    let a = arg(args, 0);
    new(match &a.v {
        V::List(_) => {
            let mut out = Vec::new();
            flatten_into(&a, &mut out);
            V::List(out)
        }
        _ => V::Unknown,
    })
}

fn flatten_into(v: &Val, out: &mut Vec<Val>) {
    match &v.v {
        V::List(items) => items.iter().for_each(|i| flatten_into(i, out)),
        _ => out.push(v.clone()),
    }
}

/// `distinct` and `toset`: repeated known items dropped, unknown ones kept.
pub fn distinct(args: &[Val]) -> Val {
    new(match &arg(args, 0).v {
        V::List(items) => {
            let mut out: Vec<Val> = Vec::new();
            for i in items {
                // Quadratic: each comparison is paid for.
                if !budget::spend(out.len() as u64) {
                    return Val::unknown();
                }
                if !i.is_known() || !out.iter().any(|o| equal(o, i)) {
                    out.push(i.clone());
                }
            }
            V::List(out)
        }
        _ => V::Unknown,
    })
}

pub fn compact(args: &[Val]) -> Val {
    new(match &arg(args, 0).v {
        V::List(items) => V::List(
            items
                .iter()
                .filter(|i| !matches!(&i.v, V::Null) && i.as_str() != Some(""))
                .cloned()
                .collect(),
        ),
        _ => V::Unknown,
    })
}

pub fn merge(args: &[Val]) -> Val {
    let mut out: Vec<(String, Val)> = Vec::new();
    for a in args {
        match &a.v {
            V::Map(entries) => {
                for (k, v) in entries {
                    if !budget::spend(out.len() as u64) {
                        return Val::unknown();
                    }
                    out.retain(|(o, _)| o != k);
                    out.push((k.clone(), v.clone()));
                }
            }
            V::Null => {}
            _ => return Val::unknown(),
        }
    }
    new(V::Map(out))
}

/// The value found (or the default) keeps its own place.
pub fn lookup(args: &[Val]) -> Val {
    let m = arg(args, 0);
    let Some(k) = arg(args, 1).text() else {
        return Val::unknown();
    };
    match &m.v {
        V::Map(_) => match m.get(&k) {
            Some(v) => v.clone(),
            None if args.len() > 2 => arg(args, 2),
            None => new(V::Error),
        },
        _ => new(V::Unknown),
    }
}

pub fn element(args: &[Val]) -> Val {
    let l = arg(args, 0);
    match (l.items(), arg(args, 1).as_num()) {
        (Some(items), Some(n))
            if !items.is_empty() && items.iter().all(Val::is_known) && n >= 0.0 =>
        {
            items[(n as usize) % items.len()].clone()
        }
        _ => new(V::Unknown),
    }
}

pub fn coalesce(args: &[Val]) -> Val {
    for a in args {
        match &a.v {
            V::Unknown | V::Error => return Val::unknown(),
            V::Null => continue,
            V::Str(s) if s.is_empty() => continue,
            _ => return a.clone(),
        }
    }
    new(V::Unknown)
}

pub fn coalescelist(args: &[Val]) -> Val {
    for a in args {
        match &a.v {
            V::List(items) if items.is_empty() => continue,
            V::List(_) => return a.clone(),
            _ => return Val::unknown(),
        }
    }
    new(V::Unknown)
}

pub fn length(args: &[Val]) -> Val {
    new(match &arg(args, 0).v {
        V::List(items) if items.iter().all(Val::is_known) => V::Num(items.len() as f64),
        V::Map(entries) => V::Num(entries.len() as f64),
        V::Str(s) => V::Num(s.chars().count() as f64),
        _ => V::Unknown,
    })
}

/// A map's entries sorted by key.
fn sorted_entries(args: &[Val]) -> Option<Vec<(String, Val)>> {
    match &arg(args, 0).v {
        V::Map(entries) => {
            let mut e = entries.clone();
            e.sort_by(|a, b| a.0.cmp(&b.0));
            Some(e)
        }
        _ => None,
    }
}

pub fn keys(args: &[Val]) -> Val {
    new(match sorted_entries(args) {
        Some(e) => V::List(e.into_iter().map(|(k, _)| Val::new(V::Str(k))).collect()),
        None => V::Unknown,
    })
}

pub fn values(args: &[Val]) -> Val {
    new(match sorted_entries(args) {
        Some(e) => V::List(e.into_iter().map(|(_, v)| v).collect()),
        None => V::Unknown,
    })
}

pub fn contains(args: &[Val]) -> Val {
    let (list, x) = (arg(args, 0), arg(args, 1));
    new(match list.items() {
        Some(items) if items.iter().all(Val::is_whole) && x.is_whole() => {
            V::Bool(items.iter().any(|i| equal(i, &x)))
        }
        _ => V::Unknown,
    })
}

pub fn sort(args: &[Val]) -> Val {
    new(match arg(args, 0).items() {
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
    })
}
