//! HCL front end (Terraform): `hcl-edit` keeps byte spans on every block, attribute and
//! expression, so its body model is used as is.

use super::{ParseError, MAX_DEPTH};
use crate::source::Span;

pub use hcl_edit::structure::Body;

/// How long one file may take to parse. hcl-edit backtracks super-linearly on some malformed
/// single-line expressions (found by fuzzing: 720 bytes took seconds); past this budget the file
/// is reported and the scan goes on.
pub const PARSE_BUDGET: std::time::Duration = std::time::Duration::from_secs(3);

pub fn parse(text: &str) -> Result<Body, ParseError> {
    parse_within(text, PARSE_BUDGET)
}

pub fn parse_within(text: &str, budget: std::time::Duration) -> Result<Body, ParseError> {
    // hcl-edit's parser recurses per nesting level; refuse hostile depth before it can overflow.
    if let Some(at) = too_deep(text) {
        return Err(ParseError::new(
            format!("HCL nested deeper than {MAX_DEPTH} levels; refusing to read further"),
            Some(Span::new(at, at)),
        ));
    }
    // Parse on a watchdog thread: a runaway parse is abandoned (it ends with the process)
    // instead of hanging the scan.
    let owned = text.to_string();
    let (tx, rx) = std::sync::mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("hcl-parse".into())
        .stack_size(32 * 1024 * 1024)
        .spawn(move || {
            let _ = tx.send(parse_now(&owned));
        });
    if spawned.is_err() {
        return parse_now(text);
    }
    match rx.recv_timeout(budget) {
        Ok(result) => result,
        Err(_) => Err(ParseError::new(
            format!(
                "HCL parser gave up after {:.1} s on this file (pathological expression); not scanned",
                budget.as_secs_f64()
            ),
            None,
        )),
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
    fn a_parse_over_budget_is_abandoned() {
        let big = "resource \"a\" \"b\" {\n  x = [1, 2, 3]\n}\n".repeat(50_000);
        let err = parse_within(&big, std::time::Duration::from_millis(1)).unwrap_err();
        assert!(err.message.contains("gave up"), "{}", err.message);
    }

    #[test]
    fn nesting_just_over_the_limit_is_refused() {
        let deep = format!("x = {}", "[".repeat(300));
        assert!(parse(&deep).unwrap_err().message.contains("deeper"));
    }
}
