//! HCL front end (Terraform): `hcl-edit` keeps byte spans on every block, attribute and
//! expression, so its body model is used as is.

use super::{ParseError, MAX_DEPTH};
use crate::source::Span;

pub use hcl_edit::structure::Body;

/// Unclosed brackets past which hcl-edit is not asked to parse: its backtracking doubles the
/// work for every bracket left open after an operator (`a*b + (` repeated: 14 levels took 30 ms,
/// the fuzzer's 720-byte input seconds), so such a file gets our own error instead. Real files
/// are balanced and always reach hcl-edit.
pub const MAX_UNCLOSED: usize = 8;

/// Parses a file. Deterministic: hostile depth and unbalanced brackets are refused by a linear
/// pre-check (never a timeout), so the outcome does not depend on load or thread count.
pub fn parse(text: &str) -> Result<Body, ParseError> {
    // hcl-edit's parser recurses per nesting level; refuse hostile depth before it can overflow.
    if let Some(at) = too_deep(text) {
        return Err(ParseError::new(
            format!("HCL nested deeper than {MAX_DEPTH} levels; refusing to read further"),
            Some(Span::new(at, at)),
        ));
    }
    match balance(text) {
        Balance::Unclosed { count, at } if count > MAX_UNCLOSED => Err(ParseError::new(
            format!("invalid HCL: {count} brackets are never closed (the first one here)"),
            Some(Span::new(at, at)),
        )),
        Balance::Mismatch { count, at } if count > MAX_UNCLOSED => Err(ParseError::new(
            format!("invalid HCL: closing bracket does not match (with {count} brackets open)"),
            Some(Span::new(at, at)),
        )),
        _ => parse_now(text),
    }
}

/// Repeated keys in one object literal are renamed away at most this many times.
const MAX_REPEATED_KEYS: usize = 32;

/// Parses, accepting object literals with a repeated key as Terraform does (the last one
/// wins): hcl-edit rejects them, so the earlier occurrence is renamed in a same-length copy of
/// the text (spans stay exact) and the parse is retried.
fn parse_now(text: &str) -> Result<Body, ParseError> {
    let mut first = match parse_once(text) {
        Ok(body) => return Ok(body),
        Err(e) => e,
    };
    let mut copy = text.to_string();
    for _ in 0..MAX_REPEATED_KEYS {
        let Some(at) = first
            .1
            .filter(|_| first.0.message.contains("redefined object key"))
        else {
            break;
        };
        if !rename_earlier_key(&mut copy, at) {
            break;
        }
        match parse_once(&copy) {
            Ok(body) => return Ok(body),
            Err(e) => first = e,
        }
    }
    parse_once(text).map_err(|e| e.0)
}

/// Renames the earlier occurrence of the object key at `at` (the repeated one) in the same
/// object, keeping the text's length: `min_size` becomes `_in_size`. `false` when there is none.
fn rename_earlier_key(text: &mut String, at: usize) -> bool {
    let bytes = text.as_bytes();
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c == b'-';
    let quoted = bytes.get(at) == Some(&b'"');
    let start = if quoted { at + 1 } else { at };
    let mut end = start;
    while end < bytes.len() && ident(bytes[end]) {
        end += 1;
    }
    if end == start {
        return false;
    }
    let key = &text[start..end];
    // Walk back to the object's opening brace, looking for the key at the same depth.
    let mut depth = 0usize;
    let mut i = at;
    while i > 0 {
        i -= 1;
        match bytes[i] {
            b'}' | b']' | b')' => depth += 1,
            b'{' | b'[' | b'(' => {
                if depth == 0 {
                    return false;
                }
                depth -= 1;
            }
            _ if depth == 0 && bytes[i..].starts_with(key.as_bytes()) => {
                let before_ok = i == 0 || !ident(bytes[i - 1]);
                let after = &bytes[i + key.len()..];
                let after = after.strip_prefix(b"\"").unwrap_or(after);
                let after_ok = after
                    .iter()
                    .find(|c| !matches!(c, b' ' | b'\t'))
                    .is_some_and(|c| matches!(c, b'=' | b':'));
                if before_ok && after_ok {
                    let c = if bytes[i] == b'_' { "z" } else { "_" };
                    text.replace_range(i..i + 1, c);
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

fn parse_once(text: &str) -> Result<Body, (ParseError, Option<usize>)> {
    hcl_edit::parser::parse_body(text).map_err(|e| {
        let loc = e.location();
        let at = loc.offset().min(text.len());
        let err = ParseError::new(
            format!(
                "invalid HCL: {} (line {}, column {})",
                e.message(),
                loc.line(),
                loc.column()
            ),
            Some(Span::new(at, at)),
        );
        (err, Some(at))
    })
}

/// Bracket depth, counted outside string literals and comments; returns where it got too deep.
pub fn too_deep(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if in_string {
            match c {
                b'\\' => i += 1,
                b'"' | b'\n' => in_string = false,
                _ => {}
            }
        } else {
            match c {
                b'"' => in_string = true,
                b'#' => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                b'[' | b'{' | b'(' => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Some(i);
                    }
                }
                b']' | b'}' | b')' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        i += 1;
    }
    None
}

/// Whether the brackets of a file balance, and if not how many were open.
#[derive(Debug, PartialEq, Eq)]
pub enum Balance {
    Balanced,
    /// `count` brackets still open at the end; `at`: the outermost of them.
    Unclosed {
        count: usize,
        at: usize,
    },
    /// A closing bracket at `at` that closes nothing open, with `count` open.
    Mismatch {
        count: usize,
        at: usize,
    },
}

enum Frame {
    /// `(`, `[` or `{` in an expression, with the byte that closes it and where it opened.
    Open(u8, usize),
    /// A template interpolation or directive (`${`, `%{`) in a string or heredoc.
    Interp(usize),
    Str,
    /// A heredoc body, ended by a line holding only the marker.
    Heredoc(String),
}

/// HCL's brackets, counted by a small linear lexer that knows strings, template
/// interpolations (which nest expressions and strings), heredocs and comments.
pub fn balance(text: &str) -> Balance {
    let b = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    let open_count = |stack: &[Frame]| {
        stack
            .iter()
            .filter(|f| matches!(f, Frame::Open(..) | Frame::Interp(_)))
            .count()
    };
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        match stack.last() {
            Some(Frame::Str) => match c {
                b'\\' => i += 1,
                b'$' | b'%' if next == Some(c) && b.get(i + 2) == Some(&b'{') => i += 2,
                b'$' | b'%' if next == Some(b'{') => {
                    stack.push(Frame::Interp(i));
                    i += 1;
                }
                b'"' | b'\n' => {
                    stack.pop();
                }
                _ => {}
            },
            Some(Frame::Heredoc(marker)) => {
                let line_start = i == 0 || b[i - 1] == b'\n';
                if line_start {
                    let end = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |n| i + n);
                    if text[i..end].trim() == marker {
                        stack.pop();
                        i = end;
                        continue;
                    }
                }
                match c {
                    b'$' | b'%' if next == Some(c) && b.get(i + 2) == Some(&b'{') => i += 2,
                    b'$' | b'%' if next == Some(b'{') => {
                        stack.push(Frame::Interp(i));
                        i += 1;
                    }
                    _ => {}
                }
            }
            _ => match c {
                b'"' => stack.push(Frame::Str),
                b'#' => i = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |n| i + n),
                b'/' if next == Some(b'/') => {
                    i = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |n| i + n)
                }
                b'/' if next == Some(b'*') => {
                    i = memchr::memmem::find(&b[i + 2..], b"*/").map_or(b.len(), |n| i + 2 + n + 1)
                }
                b'<' if next == Some(b'<') => {
                    let mut j = i + 2;
                    if b.get(j) == Some(&b'-') {
                        j += 1;
                    }
                    let start = j;
                    while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'_') {
                        j += 1;
                    }
                    if j > start {
                        let marker = text[start..j].to_string();
                        // The body starts on the next line.
                        i = memchr::memchr(b'\n', &b[j..]).map_or(b.len(), |n| j + n);
                        stack.push(Frame::Heredoc(marker));
                    }
                }
                b'(' => stack.push(Frame::Open(b')', i)),
                b'[' => stack.push(Frame::Open(b']', i)),
                b'{' => stack.push(Frame::Open(b'}', i)),
                b')' | b']' | b'}' => match stack.last() {
                    Some(Frame::Open(close, _)) if *close == c => {
                        stack.pop();
                    }
                    Some(Frame::Interp(_)) if c == b'}' => {
                        stack.pop();
                    }
                    _ => {
                        return Balance::Mismatch {
                            count: open_count(&stack),
                            at: i,
                        }
                    }
                },
                _ => {}
            },
        }
        i += 1;
    }
    let count = open_count(&stack);
    let first = stack.iter().find_map(|f| match f {
        Frame::Open(_, at) | Frame::Interp(at) => Some(*at),
        _ => None,
    });
    match first {
        Some(at) => Balance::Unclosed { count, at },
        None => Balance::Balanced,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_object_keys_are_accepted_last_wins() {
        let text = "x = {\n  a = 1\n  b = { c = 1, c = 2 }\n  a = 3\n}\n";
        let body = parse(text).expect("a repeated key does not lose the file");
        let shown = body.get_attribute("x").unwrap().value.to_string();
        // The earlier occurrences are renamed in place (same length); the last ones remain.
        assert!(
            shown.contains("_ = 1") && shown.contains("a = 3"),
            "{shown}"
        );
        assert!(shown.contains("_ = 1, c = 2"), "{shown}");
        assert!(parse("x = { a = 1 a }").is_err());
    }

    #[test]
    fn parses_and_refuses_depth() {
        assert!(parse("resource \"a\" \"b\" {\n  x = [1]\n}\n").is_ok());
        assert!(parse("x = [").is_err());
        let deep = format!("x = {}", "[".repeat(200_000));
        assert!(parse(&deep).unwrap_err().message.contains("deeper"));
    }

    #[test]
    fn brackets_are_counted_outside_strings_comments_and_heredocs() {
        let ok = "x = \"${f(\"(\")}$${ %%{ [\" # (\n// {\n/* [ */ y = <<-EOT\n  ${a[0]} ( [\n  EOT\nz = {a = [1]}\n";
        assert_eq!(balance(ok), Balance::Balanced);
        assert!(parse(ok).is_ok());
        assert_eq!(
            balance("x = (a + [1\n"),
            Balance::Unclosed { count: 2, at: 4 }
        );
        assert_eq!(balance("x = (]"), Balance::Mismatch { count: 1, at: 5 });
    }

    #[test]
    fn backtracking_inputs_are_refused_at_once() {
        let slow = format!("x = {}", "a*b + ( ".repeat(40));
        let err = parse(&slow).unwrap_err();
        assert!(err.message.contains("never closed"), "{}", err.message);
        let fuzz = include_str!("../../fuzz/regressions/hcl/slow-expression");
        assert!(parse(fuzz).is_err());
        // A few open brackets still get hcl-edit's own message.
        let err = parse("x = (a + [1\n").unwrap_err();
        assert!(!err.message.contains("never closed"), "{}", err.message);
    }

    #[test]
    fn nesting_just_over_the_limit_is_refused() {
        let deep = format!("x = {}", "[".repeat(300));
        assert!(parse(&deep).unwrap_err().message.contains("deeper"));
    }
}
