//! Command-line flags as Kubernetes components read them (spf13/pflag): `--name=value`,
//! `--name value` (two tokens) and a bare `--name` (boolean true). Single-dash long flags are
//! accepted by pflag too.

use nom::bytes::complete::{tag, take_till1, take_while1};
use nom::combinator::{opt, rest};
use nom::sequence::preceded;
use nom::{IResult, Parser};

/// A flag token split into its name and its `=value`, if any. Byte offsets are into the token.
#[derive(Debug, PartialEq, Eq)]
pub struct FlagToken<'a> {
    pub name: &'a str,
    pub value: Option<&'a str>,
    /// Offset of the value inside the token.
    pub value_offset: usize,
}

fn dashes(i: &str) -> IResult<&str, &str> {
    take_while1(|c| c == '-')(i)
}

fn flag(i: &str) -> IResult<&str, (&str, Option<&str>)> {
    let (i, _) = dashes(i)?;
    let (i, name) = take_till1(|c| c == '=')(i)?;
    let (i, value) = opt(preceded(tag("="), rest)).parse(i)?;
    Ok((i, (name, value)))
}

/// Parses one token; `None` when it is not a flag (a positional argument or a lone `--`).
pub fn parse_token(token: &str) -> Option<FlagToken<'_>> {
    if token.starts_with("---") || !token.starts_with('-') || token == "--" {
        return None;
    }
    let (_, (name, value)) = flag(token).ok()?;
    if name.is_empty() || name.contains(char::is_whitespace) {
        return None;
    }
    let value_offset = value.map(|v| token.len() - v.len()).unwrap_or(token.len());
    Some(FlagToken {
        name,
        value,
        value_offset,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_forms() {
        let t = parse_token("--anonymous-auth=false").unwrap();
        assert_eq!(
            (t.name, t.value, t.value_offset),
            ("anonymous-auth", Some("false"), 17)
        );
        let t = parse_token("--profiling").unwrap();
        assert_eq!((t.name, t.value), ("profiling", None));
        let t = parse_token("-v=2").unwrap();
        assert_eq!((t.name, t.value), ("v", Some("2")));
        let t = parse_token("--a=b=c").unwrap();
        assert_eq!(t.value, Some("b=c"));
        assert_eq!(parse_token("kube-apiserver"), None);
        assert_eq!(parse_token("--"), None);
        assert_eq!(parse_token("--=x"), None);
    }
}
