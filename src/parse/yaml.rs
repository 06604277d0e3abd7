//! YAML front end: our own span tree built from `saphyr-parser` events.
//!
//! Why not a ready-made loader: `serde_yaml` keeps no positions and is deprecated, and
//! `saphyr::MarkedYaml` aborts on duplicate keys, resolves scalars as YAML 1.2 and puts the end
//! of quoted scalars after trailing blanks. Here duplicates are kept, scalars stay raw, quoted
//! ends are recomputed, aliases are shared (never expanded) and nesting is capped.

use super::merge::Merger;
use super::{Document, Kind, Node, ParseError, Style, MAX_DEPTH};
use crate::source::Span;
use saphyr_parser::{Event, Parser, ScalarStyle};
use std::collections::HashMap;
use std::rc::Rc;

/// Parses every document of a stream. Documents before an error are kept, so one broken
/// document does not hide findings in the others.
pub fn parse(text: &str) -> (Vec<Document>, Option<ParseError>) {
    let mut b = Builder {
        text,
        offsets: CharOffsets::new(text),
        stack: Vec::new(),
        anchors: HashMap::new(),
        docs: Vec::new(),
        root: None,
        tags: HashMap::new(),
        merger: Merger::default(),
    };
    match b.run() {
        Ok(()) => (b.docs, None),
        Err(e) => (b.docs, Some(e)),
    }
}

enum Frame {
    Map {
        start: usize,
        anchor: usize,
        entries: Vec<(Node, Node)>,
        key: Option<Node>,
    },
    Seq {
        start: usize,
        anchor: usize,
        items: Vec<Node>,
    },
}

struct Builder<'t> {
    text: &'t str,
    offsets: CharOffsets<'t>,
    stack: Vec<Frame>,
    anchors: HashMap<usize, Rc<Node>>,
    docs: Vec<Document>,
    root: Option<Node>,
    /// Local tags of the current document (see `Document::tags`).
    tags: HashMap<usize, String>,
    merger: Merger,
}

impl Builder<'_> {
    fn run(&mut self) -> Result<(), ParseError> {
        let mut parser = Parser::new_from_str(self.text);
        for item in &mut parser {
            let (event, span) = item.map_err(|e| {
                let at = self.offsets.byte(e.marker().index());
                ParseError::new(
                    format!(
                        "invalid YAML: {} (line {}, column {})",
                        e.info(),
                        e.marker().line(),
                        e.marker().col() + 1
                    ),
                    Some(Span::new(at, at)),
                )
            })?;
            let start = self.offsets.byte(span.start.index());
            let end = self.offsets.byte(span.end.index());
            match event {
                Event::DocumentStart(_) => {
                    self.anchors.clear();
                    self.merger.next_document();
                    self.root = None;
                    self.tags.clear();
                }
                Event::DocumentEnd => {
                    let merges = self.merger.next_document();
                    if let Some(root) = self.root.take() {
                        let tags = std::mem::take(&mut self.tags);
                        self.docs.push(Document { root, tags, merges });
                    }
                }
                Event::Scalar(value, style, anchor, tag) => {
                    let node = self.scalar(value.into_owned(), style, start, end);
                    self.tag(tag.as_deref(), node.span.start);
                    self.complete(node, anchor)?;
                }
                Event::Alias(id) => {
                    let target = self.anchors.get(&id).cloned().ok_or_else(|| {
                        ParseError::new("invalid YAML: unknown alias", Some(Span::new(start, end)))
                    })?;
                    let node = Node {
                        span: Span::new(start, end),
                        kind: Kind::Alias(target),
                    };
                    self.complete(node, 0)?;
                }
                Event::MappingStart(anchor, tag) => {
                    self.tag(tag.as_deref(), start);
                    self.push(
                        Frame::Map {
                            start,
                            anchor,
                            entries: Vec::new(),
                            key: None,
                        },
                        start,
                    )?;
                }
                Event::SequenceStart(anchor, tag) => {
                    self.tag(tag.as_deref(), start);
                    self.push(
                        Frame::Seq {
                            start,
                            anchor,
                            items: Vec::new(),
                        },
                        start,
                    )?;
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    let (node, anchor) = match self.stack.pop() {
                        Some(Frame::Map {
                            start: s,
                            anchor,
                            entries,
                            ..
                        }) => {
                            let span = Span::new(s, collection_end(&entries, end, |(_, v)| v));
                            let entries = self.merger.resolve(entries)?;
                            (
                                Node {
                                    span,
                                    kind: Kind::Map(entries),
                                },
                                anchor,
                            )
                        }
                        Some(Frame::Seq {
                            start: s,
                            anchor,
                            items,
                        }) => (
                            Node {
                                span: Span::new(s, collection_end(&items, end, |n| n)),
                                kind: Kind::Seq(items),
                            },
                            anchor,
                        ),
                        None => continue,
                    };
                    self.complete(node, anchor)?;
                }
                Event::StreamEnd => break,
                Event::StreamStart | Event::Nothing => {}
            }
        }
        Ok(())
    }

    /// Records a local tag (`!Ref`) at the value it tags (also at the value after the tag, for
    /// collections whose event starts at the tag).
    fn tag(&mut self, tag: Option<&saphyr_parser::Tag>, start: usize) {
        let Some(t) = tag.filter(|t| t.handle == "!") else {
            return;
        };
        if self.tags.len() >= 100_000 {
            return;
        }
        let name = format!("!{}", t.suffix);
        let after = skip_properties(self.text, start, self.text.len());
        if after != start {
            self.tags.insert(after, name.clone());
        }
        self.tags.insert(start, name);
    }

    fn push(&mut self, frame: Frame, at: usize) -> Result<(), ParseError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(ParseError::new(
                format!("YAML nested deeper than {MAX_DEPTH} levels; refusing to read further"),
                Some(Span::new(at, at)),
            ));
        }
        self.stack.push(frame);
        Ok(())
    }

    fn complete(&mut self, node: Node, anchor: usize) -> Result<(), ParseError> {
        let node = if anchor > 0 {
            let shared = Rc::new(node);
            self.anchors.insert(anchor, shared.clone());
            Rc::unwrap_or_clone(shared.clone())
        } else {
            node
        };
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map { entries, key, .. }) => match key.take() {
                None => *key = Some(node),
                Some(k) => entries.push((k, node)),
            },
        }
        Ok(())
    }

    fn scalar(&mut self, value: String, style: ScalarStyle, start: usize, end: usize) -> Node {
        let start = skip_properties(self.text, start, end);
        let (style, end) = match style {
            ScalarStyle::Plain => (Style::Plain, end),
            ScalarStyle::SingleQuoted => (Style::Quoted, quoted_end(self.text, start, '\'', end)),
            ScalarStyle::DoubleQuoted => (Style::Quoted, quoted_end(self.text, start, '"', end)),
            _ => (Style::Block, end),
        };
        Node::scalar(value, style, Span::new(start, end))
    }
}

/// A collection ends where its last child ends (the parser's own end runs to the next token).
fn collection_end<T>(children: &[T], fallback: usize, last: impl Fn(&T) -> &Node) -> usize {
    children
        .last()
        .map(|c| last(c).span.end)
        .unwrap_or(fallback)
}

/// Skips `&anchor` and `!tag` properties so a value's span starts at the value itself.
fn skip_properties(text: &str, mut start: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    for _ in 0..2 {
        match bytes.get(start) {
            Some(b'&') | Some(b'!') if start < end => {
                while start < end && !bytes[start].is_ascii_whitespace() {
                    start += 1;
                }
                while start < end && bytes[start].is_ascii_whitespace() {
                    start += 1;
                }
            }
            _ => break,
        }
    }
    start
}

/// The end of a quoted scalar: just after its closing quote.
fn quoted_end(text: &str, start: usize, quote: char, fallback: usize) -> usize {
    let bytes = text.as_bytes();
    if bytes.get(start) != Some(&(quote as u8)) {
        return fallback;
    }
    let mut i = start + 1;
    while i < bytes.len() {
        let c = bytes[i];
        if quote == '"' && c == b'\\' {
            i += 2;
            continue;
        }
        if c == quote as u8 {
            if quote == '\'' && bytes.get(i + 1) == Some(&b'\'') {
                i += 2;
                continue;
            }
            return i + 1;
        }
        i += 1;
    }
    fallback
}

/// saphyr reports character indices; spans are bytes. Events arrive mostly in order, so a
/// cursor that walks forward (or back) converts in amortised constant time.
struct CharOffsets<'t> {
    text: &'t str,
    ascii: bool,
    char_pos: usize,
    byte_pos: usize,
}

impl<'t> CharOffsets<'t> {
    fn new(text: &'t str) -> Self {
        CharOffsets {
            text,
            ascii: text.is_ascii(),
            char_pos: 0,
            byte_pos: 0,
        }
    }

    fn byte(&mut self, char_index: usize) -> usize {
        if self.ascii {
            return char_index.min(self.text.len());
        }
        if char_index < self.char_pos / 2 {
            self.char_pos = 0;
            self.byte_pos = 0;
        }
        while self.char_pos < char_index && self.byte_pos < self.text.len() {
            let c = self.text[self.byte_pos..].chars().next().unwrap_or(' ');
            self.byte_pos += c.len_utf8();
            self.char_pos += 1;
        }
        while self.char_pos > char_index && self.byte_pos > 0 {
            let c = self.text[..self.byte_pos]
                .chars()
                .next_back()
                .unwrap_or(' ');
            self.byte_pos -= c.len_utf8();
            self.char_pos -= 1;
        }
        self.byte_pos
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Node {
        let (mut docs, err) = parse(text);
        assert!(err.is_none(), "{err:?}");
        docs.remove(0).root
    }

    #[test]
    fn spans_of_keys_and_values() {
        let text = "a:\n  b: \"x y\"   # c\n  c: [1, 'q']\n";
        let root = one(text);
        let (k, v) = root.get("a").unwrap().get_entry("b").unwrap();
        assert_eq!(&text[k.span.start..k.span.end], "b");
        assert_eq!(&text[v.span.start..v.span.end], "\"x y\"");
        let c = root.path(&["a", "c"]).unwrap();
        assert_eq!(&text[c.items()[1].span.start..c.items()[1].span.end], "'q'");
    }

    #[test]
    fn duplicates_are_kept_and_last_wins() {
        let root = one("k: 1\nk: 2\n");
        assert_eq!(root.entries().len(), 2);
        assert_eq!(root.get_str("k"), Some("2"));
    }

    #[test]
    fn aliases_share_and_anchored_values_start_at_the_value() {
        let text = "a: &x 1\nb: *x\n";
        let root = one(text);
        let a = root.get("a").unwrap();
        assert_eq!(&text[a.span.start..a.span.end], "1");
        assert_eq!(root.get_str("b"), Some("1"));
    }

    #[test]
    fn non_ascii_offsets_are_bytes() {
        let text = "é: ü\nk: v\n";
        let root = one(text);
        let (k, v) = root.get_entry("k").unwrap();
        assert_eq!(&text[k.span.start..k.span.end], "k");
        assert_eq!(&text[v.span.start..v.span.end], "v");
    }

    #[test]
    fn multi_document_keeps_docs_before_an_error() {
        let (docs, err) = parse("a: 1\n---\nb: [\n");
        assert_eq!(docs.len(), 1);
        assert!(err.is_some());
    }

    #[test]
    fn deep_nesting_is_refused() {
        let text = "[".repeat(100_000);
        let (_, err) = parse(&text);
        assert!(err.is_some());
        let mut block = String::new();
        for i in 0..1000 {
            block.push_str(&" ".repeat(i));
            block.push_str("k:\n");
        }
        let (_, err) = parse(&block);
        assert!(err.unwrap().message.contains("nested deeper"));
    }

    #[test]
    fn alias_bomb_is_cheap() {
        let mut text = String::from(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
        );
        let mut prev = 'a';
        for c in 'b'..='j' {
            text.push_str(&format!("{c}: &{c} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
            prev = c;
        }
        let root = one(&text);
        assert_eq!(root.entries().len(), 10);
    }
}
