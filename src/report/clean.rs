//! Output hygiene: what of a path, message or snippet a terminal or log viewer could act on.

use std::borrow::Cow;

/// Characters a terminal or a log viewer could act on: C0 controls (with tab, CR and LF), DEL,
/// C1 controls, and the Unicode bidirectional controls that reorder what is shown (U+061C,
/// U+200E, U+200F, U+202A–U+202E, U+2066–U+2069).
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text from scanned files (paths, messages) made safe for a terminal or a CI log: unsafe
/// characters become visible escapes (`\n`, `\u{1b}`), so nothing can start a new line,
/// move the cursor or reorder the text.
pub fn clean(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_unsafe_char(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Source text for snippets: every unsafe character except line ends and tabs is replaced by
/// replacement characters of the same UTF-8 length, so byte offsets and columns stay valid.
pub fn clean_snippet(s: &str) -> Cow<'_, str> {
    let keep =
        |c: char, next: Option<char>| c == '\n' || c == '\t' || (c == '\r' && next == Some('\n'));
    let mut chars = s.chars().peekable();
    let mut dirty = false;
    while let Some(c) = chars.next() {
        if is_unsafe_char(c) && !keep(c, chars.peek().copied()) {
            dirty = true;
            break;
        }
    }
    if !dirty {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if is_unsafe_char(c) && !keep(c, chars.peek().copied()) {
            match c.len_utf8() {
                1 => out.push('?'),
                2 => out.push('\u{bf}'),   // ¿
                3 => out.push('\u{fffd}'), // �
                _ => out.push_str("????"),
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning() {
        assert_eq!(clean("a.yaml"), "a.yaml");
        assert_eq!(clean("a\n::error::x"), "a\\n::error::x");
        assert_eq!(clean("\u{1b}[31mred\u{202e}"), "\\u{1b}[31mred\\u{202e}");
        assert_eq!(clean("\u{85}"), "\\u{85}");
        let s = "k: v\u{1b}\u{202e}\u{85}\r\nx\ry\n";
        let c = clean_snippet(s);
        assert_eq!(c.len(), s.len());
        assert_eq!(c, "k: v?\u{fffd}\u{bf}\r\nx?y\n");
    }
}
