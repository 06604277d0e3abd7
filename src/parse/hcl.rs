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

fn parse_now(text: &str) -> Result<Body, ParseError> {
    hcl_edit::parser::parse_body(text).map_err(|e| {
        let loc = e.location();
        let at = loc.offset().min(text.len());
        ParseError::new(
            format!(
                "invalid HCL: {} (line {}, column {})",
                e.message(),
                loc.line(),
                loc.column()
            ),
            Some(Span::new(at, at)),
        )
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
