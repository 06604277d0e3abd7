//! HCL front end (Terraform): `hcl-edit` keeps byte spans on every block, attribute and
//! expression, so its body model is used as is.

use super::{ParseError, MAX_DEPTH};
use crate::source::Span;

pub use hcl_edit::structure::Body;

pub fn parse(text: &str) -> Result<Body, ParseError> {
    // hcl-edit's parser recurses per nesting level; refuse hostile depth before it can overflow.
    if let Some(at) = too_deep(text) {
        return Err(ParseError::new(
            format!("HCL nested deeper than {MAX_DEPTH} levels; refusing to read further"),
            Some(Span::new(at, at)),
        ));
    }
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
}
