//! A loaded file: its display path, its text and a line index that turns byte offsets into
//! 1-based lines and columns. Everything inside the pipeline works with byte spans; only the
//! reporters ask for lines and columns.

use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A byte range inside one source file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// A 1-based position. `column` counts UTF-16 code units (what SARIF and editors expect);
/// for ASCII text it equals the character column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

#[derive(Debug)]
pub struct SourceFile {
    /// The path as shown to users: relative to the working directory when below it, with `/`.
    pub path: String,
    pub text: String,
    line_starts: Vec<usize>,
}

pub type Source = Arc<SourceFile>;

/// Where a file's text was read and what it was, so that it can be read again and checked:
/// reports without snippets let the project stage's facts drop their file's text, and only
/// the files project rules report on are read back (see `project_stage.rs`).
#[derive(Clone, Debug)]
pub struct TextOrigin {
    pub path: PathBuf,
    len: usize,
    digest: u64,
}

impl TextOrigin {
    pub fn of(path: &Path, text: &str) -> TextOrigin {
        TextOrigin {
            path: path.to_path_buf(),
            len: text.len(),
            digest: digest(text),
        }
    }

    /// Whether `text` is the text this origin was taken from.
    pub fn matches(&self, text: &str) -> bool {
        text.len() == self.len && digest(text) == self.digest
    }
}

/// Compared within one run only, so any fixed-key hash does.
fn digest(text: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    h.write(text.as_bytes());
    h.finish()
}

impl SourceFile {
    pub fn new(path: String, text: String) -> SourceFile {
        // Sized exactly: files with project facts keep their table until the end of the scan.
        let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count();
        let mut line_starts = Vec::with_capacity(lines + 1);
        line_starts.push(0);
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        SourceFile {
            path,
            text,
            line_starts,
        }
    }

    /// The same path without text or line index: what a finding keeps of its file once its
    /// positions are computed, for reports that show no snippets.
    pub fn without_text(&self) -> SourceFile {
        SourceFile {
            path: self.path.clone(),
            text: String::new(),
            line_starts: vec![0],
        }
    }

    /// 1-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset).max(1)
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len())
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The text of a 1-based line without its line break.
    pub fn line_text(&self, line: usize) -> &str {
        let start = self.line_start(line);
        let end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        self.text
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }

    pub fn position(&self, offset: usize) -> Position {
        let offset = self.floor_char_boundary(offset.min(self.text.len()));
        let line = self.line_of(offset);
        let start = self.line_start(line);
        let column = self.text[start..offset]
            .chars()
            .map(char::len_utf16)
            .sum::<usize>()
            + 1;
        Position { line, column }
    }

    /// Line and 1-based column in UTF-8 bytes (what reviewdog's rdjson counts).
    pub fn byte_position(&self, offset: usize) -> Position {
        let offset = self.floor_char_boundary(offset.min(self.text.len()));
        let line = self.line_of(offset);
        Position {
            line,
            column: offset - self.line_start(line) + 1,
        }
    }

    /// Start and (exclusive) end positions of a span, as SARIF regions want them.
    pub fn range(&self, span: Span) -> (Position, Position) {
        (self.position(span.start), self.position(span.end))
    }

    pub fn slice(&self, span: Span) -> &str {
        let s = self.floor_char_boundary(span.start.min(self.text.len()));
        let e = self.floor_char_boundary(span.end.min(self.text.len()));
        &self.text[s..e.max(s)]
    }

    fn floor_char_boundary(&self, mut i: usize) -> usize {
        while i > 0 && !self.text.is_char_boundary(i) {
            i -= 1;
        }
        i
    }
}

/// A path as shown in reports: relative to the working directory when below it, `/`-separated.
/// A path as the user would type it from the working directory, also when it lies above it
/// (`../.kube-harden.toml`), so messages never carry a machine's absolute paths.
pub fn display_path_relative(path: &Path) -> String {
    let (Ok(cwd), Ok(abs)) = (
        std::env::current_dir().and_then(|c| c.canonicalize()),
        path.canonicalize(),
    ) else {
        return display_path(path);
    };
    let common = cwd
        .components()
        .zip(abs.components())
        .take_while(|(a, b)| a == b)
        .count();
    if common == 0 {
        return display_path(path);
    }
    let mut rel = std::path::PathBuf::new();
    for _ in cwd.components().skip(common) {
        rel.push("..");
    }
    for c in abs.components().skip(common) {
        rel.push(c);
    }
    display_path(&rel)
}

pub fn display_path(path: &Path) -> String {
    let rel = std::env::current_dir()
        .ok()
        .and_then(|cwd| {
            let abs = if path.is_absolute() {
                path.to_path_buf()
            } else {
                cwd.join(path)
            };
            abs.strip_prefix(&cwd).ok().map(Path::to_path_buf)
        })
        .unwrap_or_else(|| path.to_path_buf());
    let s = rel.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_utf16() {
        let f = SourceFile::new("a".into(), "ab\nxé😀z\n".into());
        assert_eq!(f.position(0), Position { line: 1, column: 1 });
        assert_eq!(f.position(3), Position { line: 2, column: 1 });
        // 'z' comes after x (1), é (1 UTF-16 unit), 😀 (2 units)
        let z = f.text.find('z').unwrap();
        assert_eq!(f.position(z), Position { line: 2, column: 5 });
        assert_eq!(f.line_text(2), "xé😀z");
    }
}
