//! Text embedded in another file: a Butane `inline: |` block, a file's decoded `data:` URL, a
//! systemd unit body, a Terraform heredoc. An [`Embedded`] is the inner text with a map from
//! inner byte offsets to the outer file, so facts read from the inner text can be moved back
//! into the scanned file and rules and reports only ever see positions there.
//!
//! The map is per line: each inner line has the outer span it was written at, and a column in
//! the line keeps its distance from the line start (clamped to the outer line). That is exact
//! for literal blocks and heredocs; for decoded contents (`data:` URLs, base64, gzip) no finer
//! mapping exists, and every span becomes the whole value.

use super::{Node, Style};
use crate::source::Span;

/// Inner text and where it sits in the outer file.
#[derive(Clone, Debug)]
pub struct Embedded {
    pub text: String,
    /// The value that holds the text, where unmappable spans go.
    pub span: Span,
    /// The outer span of each inner line; empty when lines cannot be mapped.
    lines: Vec<Span>,
    /// Byte offset of each inner line start (0 and after every `\n`), when `lines` is not empty.
    starts: Vec<usize>,
}

/// Offsets of line starts: 0 and after every `\n` (a text ending in `\n` has an empty last line).
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
        .collect()
}

impl Embedded {
    /// Text with no finer mapping than the value that holds it (decoded contents).
    pub fn whole(text: String, span: Span) -> Embedded {
        Embedded {
            text,
            span,
            lines: Vec::new(),
            starts: Vec::new(),
        }
    }

    /// Text copied verbatim from the outer file at byte `start` (a heredoc body): every inner
    /// offset `i` is outer offset `start + i`.
    pub fn verbatim(text: String, start: usize) -> Embedded {
        let starts = line_starts(&text);
        let ends = starts[1..].iter().map(|s| s - 1).chain([text.len()]);
        let lines = starts
            .iter()
            .zip(ends)
            .map(|(s, e)| Span::new(start + s, start + e))
            .collect();
        Embedded {
            span: Span::new(start, start + text.len()),
            text,
            lines,
            starts,
        }
    }

    /// Text with the outer span of each of its lines (`lines` may be empty: then all of it maps
    /// to `span`).
    pub fn with_lines(text: String, span: Span, lines: Vec<Span>) -> Embedded {
        let starts = if lines.is_empty() {
            Vec::new()
        } else {
            line_starts(&text)
        };
        Embedded {
            text,
            span,
            lines,
            starts,
        }
    }

    /// A scalar of a YAML or JSON document in `outer`, mapped where that is exact: literal
    /// blocks (`|`) line by line, single-line scalars as a whole line (the value's span, quotes
    /// included), anything else (folded or multi-line flow text) as the whole value.
    pub fn scalar(node: &Node, outer: &str) -> Option<Embedded> {
        let scalar = node.as_scalar()?;
        let value = scalar.text.clone();
        let span = node.span;
        let mut lines = Vec::new();
        if !value.contains('\n') {
            lines.push(span);
        } else if scalar.style == Style::Block {
            lines = literal_lines(&value, outer, span.start).unwrap_or_default();
        }
        Some(Embedded::with_lines(value, span, lines))
    }

    /// Blanks Terraform `templatefile` directives on lines of their own (`%{ if x ~}`) in
    /// place; the text keeps its length, so the map is unchanged.
    pub fn mask_template_directives(&mut self) {
        let masked = super::template::blank_directive_lines(&self.text);
        debug_assert_eq!(masked.len(), self.text.len());
        self.text = masked;
    }

    /// The outer span of each inner line (empty when lines are not mapped).
    pub fn line_spans(&self) -> &[Span] {
        &self.lines
    }

    /// The text, the value that holds it, and the outer span of each of its lines.
    pub fn into_parts(self) -> (String, Span, Vec<Span>) {
        (self.text, self.span, self.lines)
    }

    /// Moves the outer spans (the text's place in the scanned file) by `f`, as facts move when
    /// the file holding this text is itself embedded.
    pub fn map_outer(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        self.span = f(self.span);
        for l in &mut self.lines {
            *l = f(*l);
        }
    }

    /// Where line `i` (0-based) of the inner text is, or the whole value when lines are not
    /// mapped.
    pub fn line_span(&self, i: usize) -> Span {
        self.lines.get(i).copied().unwrap_or(self.span)
    }

    /// An inner span in the outer file: exact when lines are mapped (each keeps its columns,
    /// clamped to its outer line; the end of the text is the end of the last mapped line), else
    /// the whole value.
    pub fn map(&self, s: Span) -> Span {
        if self.lines.is_empty() {
            return self.span;
        }
        let point = |o: usize| -> usize {
            // `starts[0] == 0`, so the line is the last start at or before `o`.
            let line = self.starts.partition_point(|&st| st <= o).saturating_sub(1);
            match self.lines.get(line) {
                Some(l) => (l.start + o - self.starts[line]).min(l.end),
                // Past the mapped lines (the end of a block's final newline): where they end.
                None => self.lines.last().map_or(self.span.end, |l| l.end),
            }
        };
        Span::new(point(s.start), point(s.end))
    }

    /// Columns `cols` of inner line `line`, in the outer file.
    pub fn map_in_line(&self, line: usize, cols: std::ops::Range<usize>) -> Span {
        match self.starts.get(line) {
            Some(&st) => self.map(Span::new(st + cols.start, st + cols.end)),
            None => self.span,
        }
    }
}

/// Spans of each line of a block scalar whose span starts at `start` (its `|` header or its
/// first content line); `None` when the source does not line up line for line (folded text),
/// and findings then fall back to the whole value.
fn literal_lines(value: &str, text: &str, start: usize) -> Option<Vec<Span>> {
    let mut pos = if text.get(start..)?.starts_with(['|', '>']) {
        start + text[start..].find('\n')? + 1
    } else {
        text.get(..start)?.rfind('\n').map_or(0, |i| i + 1)
    };
    let mut spans = Vec::new();
    for line in value.lines() {
        let rest = text.get(pos..)?;
        let len = rest.find('\n').unwrap_or(rest.len());
        let src = rest[..len].trim_end_matches('\r');
        if line.is_empty() {
            spans.push(Span::new(pos, pos + src.len()));
        } else if src.ends_with(line) {
            spans.push(Span::new(pos + src.len() - line.len(), pos + src.len()));
        } else {
            return None;
        }
        pos += len + 1;
    }
    Some(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_block_lines_map() {
        let text = "x: |\n  [Unit]\n\n  A=b\n";
        let (docs, _) = crate::parse::yaml::parse(text);
        let n = docs[0].root.get("x").unwrap();
        let e = Embedded::scalar(n, text).unwrap();
        let l = e.line_span(2);
        assert_eq!(&text[l.start..l.end], "A=b");
        let m = e.map(Span::new(e.text.find('=').unwrap(), e.text.len() - 1));
        assert_eq!(&text[m.start..m.end], "=b");
    }

    #[test]
    fn verbatim_text_maps_by_offset() {
        let outer = "head\n  a: 1\r\n  b: 2\n";
        let e = Embedded::verbatim(outer[5..].to_string(), 5);
        for (s, t) in [(0, 0), (2, 6), (9, 14), (15, 15), (7, 8)] {
            assert_eq!(e.map(Span::new(s, t)), Span::new(s + 5, t + 5));
        }
        let whole = Embedded::whole("a: 1\n".into(), Span::new(3, 9));
        assert_eq!(whole.map(Span::new(0, 2)), Span::new(3, 9));
        assert_eq!(whole.line_span(0), Span::new(3, 9));
    }
}
