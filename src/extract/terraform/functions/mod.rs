//! Terraform's built-in functions that configs use to build CIDR lists, ports and flags: a
//! table from name to implementation, one file per family. Anything not listed is unknown.

mod args;
mod collections;
mod conversion;
mod ipnet;
mod strings;

use super::value::Val;

/// A function over evaluated arguments. A result without a place of its own takes the place
/// of the call.
type Function = fn(&[Val]) -> Val;

const FUNCTIONS: &[(&str, Function)] = &[
    ("concat", collections::concat),
    ("flatten", collections::flatten),
    ("distinct", collections::distinct),
    ("toset", collections::distinct),
    ("tolist", conversion::tolist),
    ("compact", collections::compact),
    ("merge", collections::merge),
    ("lookup", collections::lookup),
    ("element", collections::element),
    ("coalesce", collections::coalesce),
    ("coalescelist", collections::coalescelist),
    ("length", collections::length),
    ("keys", collections::keys),
    ("values", collections::values),
    ("contains", collections::contains),
    ("sort", collections::sort),
    ("tostring", conversion::tostring),
    ("tonumber", conversion::tonumber),
    ("tomap", conversion::tomap),
    ("format", strings::format),
    ("join", strings::join),
    ("split", strings::split),
    ("lower", strings::lower),
    ("upper", strings::upper),
    ("trimspace", strings::trimspace),
    ("cidrsubnet", ipnet::cidrsubnet),
];

/// Calls the function `name`; unknown for functions not modelled (`can`, provider functions,
/// anything impure).
pub fn call(name: &str, args: &[Val]) -> Val {
    match FUNCTIONS.iter().find(|(n, _)| *n == name) {
        Some((_, f)) => f(args),
        None => Val::unknown(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::terraform::value::V;

    #[test]
    fn table_names_are_unique_and_unlisted_functions_unknown() {
        for (i, (name, _)) in FUNCTIONS.iter().enumerate() {
            assert!(FUNCTIONS[i + 1..].iter().all(|(n, _)| n != name), "{name}");
        }
        let s = Val::new(V::Str("x".into()));
        assert!(!call("can", std::slice::from_ref(&s)).is_known());
        assert!(!call("timestamp", &[]).is_known());
        assert_eq!(call("upper", &[s]).as_str(), Some("X"));
    }
}
