//! String functions: `format`, `join`, `split`, `lower`, `upper`, `trimspace`.

use super::args::{arg, new};
use crate::extract::terraform::budget;
use crate::extract::terraform::value::{Val, V};

pub fn format(args: &[Val]) -> Val {
    new(match format_text(args) {
        Some(s) => V::Str(s),
        None => V::Unknown,
    })
}

/// `format` with the verbs configs use: `%s`, `%d`, `%v`, `%%`.
fn format_text(args: &[Val]) -> Option<String> {
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
            's' | 'd' | 'v' => {
                let s = rest.next()?.text()?;
                if !budget::fits_string(out.len() + s.len()) {
                    return None;
                }
                out.push_str(&s)
            }
            _ => return None,
        }
    }
    Some(out)
}

pub fn join(args: &[Val]) -> Val {
    let (sep, list) = (arg(args, 0), arg(args, 1));
    new(match (sep.text(), list.items()) {
        (Some(sep), Some(items)) => {
            let parts: Option<Vec<String>> = items.iter().map(Val::text).collect();
            match parts {
                // The length is checked before the string is built.
                Some(p)
                    if budget::fits_string(
                        p.iter()
                            .map(String::len)
                            .fold(0usize, usize::saturating_add)
                            .saturating_add(sep.len().saturating_mul(p.len().saturating_sub(1))),
                    ) =>
                {
                    V::Str(p.join(&sep))
                }
                _ => V::Unknown,
            }
        }
        _ => V::Unknown,
    })
}

/// The parts keep the place of the joined string (a CIDR list written as "a,b").
pub fn split(args: &[Val]) -> Val {
    let (sep, joined) = (arg(args, 0), arg(args, 1));
    new(match (sep.text(), joined.text()) {
        (Some(sep), Some(s)) if !sep.is_empty() => V::List(
            s.split(sep.as_str())
                .map(|p| Val {
                    v: V::Str(p.to_string()),
                    at: joined.at.clone(),
                })
                .collect(),
        ),
        _ => V::Unknown,
    })
}

fn map_str(args: &[Val], f: impl Fn(&str) -> String) -> Val {
    new(match arg(args, 0).as_str() {
        Some(s) => V::Str(f(s)),
        None => V::Unknown,
    })
}

pub fn lower(args: &[Val]) -> Val {
    map_str(args, str::to_lowercase)
}

pub fn upper(args: &[Val]) -> Val {
    map_str(args, str::to_uppercase)
}

pub fn trimspace(args: &[Val]) -> Val {
    map_str(args, |s| s.trim().to_string())
}
