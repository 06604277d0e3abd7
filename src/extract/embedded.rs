//! Configs embedded in other files: a Butane `inline: |` block, a file's decoded `data:` URL,
//! a systemd unit body, a Terraform heredoc. An [`Embedded`] is the inner text with a map from
//! inner byte offsets to the outer file; [`Embedded::lint`] parses the inner text as one format,
//! extracts its facts and moves every span of them into the outer file
//! (`FileFacts::map_spans`), so rules and reports only ever see positions in the scanned file.
//!
//! The map is per line: each inner line has the outer span it was written at, and a column in
//! the line keeps its distance from the line start (clamped to the outer line). That is exact
//! for literal blocks and heredocs; for decoded contents (`data:` URLs, base64, gzip) no finer
//! mapping exists, and every span becomes the whole value.

use crate::classify::{classify, classify_toml, DocKind};
use crate::extract::hostconf::{self, Line};
use crate::facts::{is_templated, FileFacts, HostConfigKind, HostEntry, HostText};
use crate::parse::{Node, Style};
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

/// How to read inner text.
#[derive(Clone, Copy, Debug)]
pub enum Format<'a> {
    Yaml,
    Json,
    Toml,
    /// A host configuration file or systemd unit, by the line grammar of its kind (`source`:
    /// the path or unit name the entries are reported under).
    Host {
        kind: HostConfigKind,
        source: &'a str,
    },
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

    /// Facts of the inner text read as `format`, with spans in the outer file. YAML, JSON and
    /// TOML documents are extracted when `wanted` accepts their kind; host configuration lines
    /// (`Format::Host`) become entries at their lines' outer spans, interpolated ones left out
    /// (unknown), and `wanted` is not asked.
    pub fn lint(&self, format: Format, wanted: &dyn Fn(&DocKind) -> bool) -> FileFacts {
        let mut facts = FileFacts::default();
        let text = self.text.as_str();
        match format {
            Format::Yaml => {
                // Text that does not parse to the end (a template) keeps what did.
                for doc in &crate::parse::yaml::parse(text).0 {
                    if wanted(&classify(&doc.root)) {
                        super::document(doc, text, &mut facts);
                    }
                }
            }
            Format::Json => {
                if let Ok(Some(doc)) = crate::parse::json::parse(text) {
                    if wanted(&classify(&doc.root)) {
                        super::document(&doc, text, &mut facts);
                    }
                }
            }
            Format::Toml => {
                if let Ok(doc) = crate::parse::toml::parse(text) {
                    if wanted(&classify_toml(&doc.root)) {
                        super::toml_document(&doc, &mut facts);
                    }
                }
            }
            Format::Host { kind, source } => {
                self.host_lines(kind, source, host_grammar(kind, text), &mut facts);
                return facts;
            }
        }
        facts.map_spans(&mut |s| self.map(s));
        facts
    }

    /// Lines a host-config grammar read from the inner text, as entries at their outer lines.
    fn host_lines(&self, kind: HostConfigKind, source: &str, lines: Vec<Line>, f: &mut FileFacts) {
        for l in lines {
            // An interpolated value is unknown: never a finding.
            if is_templated(&l.value) || is_templated(&l.key) {
                continue;
            }
            f.host.entries.push(HostEntry {
                kind,
                source: source.to_string(),
                section: l.section,
                key: l.key,
                value: l.value,
                span: self.line_span(l.line),
            });
        }
    }

    /// The text as a host fact (a written file's contents, a unit body).
    pub fn into_host_text(self) -> HostText {
        HostText {
            text: self.text,
            span: self.span,
            line_spans: self.lines,
        }
    }
}

/// The line grammar of a kind of host configuration.
fn host_grammar(kind: HostConfigKind, text: &str) -> Vec<Line> {
    use HostConfigKind::*;
    match kind {
        SystemdUnit => hostconf::systemd(text),
        Sshd => hostconf::sshd(text),
        Sudoers => hostconf::sudoers(text),
        DockerDaemon => hostconf::docker_hosts(text),
        Sysctl | FlatcarUpdate | Zincati | Selinux | Containerd => hostconf::key_values(text),
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
    use crate::facts::Component;

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

    /// kind's `kubeadmConfigPatches`: kubeadm YAML in a literal block scalar of YAML.
    #[test]
    fn kubeadm_in_a_yaml_block_scalar() {
        let outer = "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nkubeadmConfigPatches:\n  - |\n    apiVersion: kubeadm.k8s.io/v1beta3\n    kind: ClusterConfiguration\n    apiServer:\n      extraArgs:\n        anonymous-auth: \"true\"\n        profiling: \"false\"\n";
        let (docs, _) = crate::parse::yaml::parse(outer);
        let patch = &docs[0].root.get("kubeadmConfigPatches").unwrap().items()[0];
        let e = Embedded::scalar(patch, outer).unwrap();
        let facts = e.lint(Format::Yaml, &|k| matches!(k, DocKind::Kubeadm { .. }));
        let api = facts
            .components
            .iter()
            .find(|c| c.component == Component::ApiServer)
            .unwrap();
        let at = |s: Span| &outer[s.start..s.end];
        let anon = api.get("anonymous-auth").unwrap();
        assert_eq!(at(anon.span), "anonymous-auth: \"true\"");
        assert_eq!(at(anon.value_span), "\"true\"");
        assert_eq!(at(api.get("profiling").unwrap().value_span), "\"false\"");
        assert_eq!(at(api.anchor), "apiServer");
        // The kubeadm document's own facts moved too.
        let k = &facts.kubeadm[0];
        assert_eq!(at(k.anchor), "ClusterConfiguration");
        assert!(outer[k.span.start..].starts_with("apiVersion: kubeadm"));
        // The document still holds its components (rules match them by containment).
        assert!(k.span.start <= api.anchor.start && api.anchor.end <= k.span.end);
        assert!(outer[..k.span.end].ends_with("\"false\""));
    }

    #[test]
    fn host_lines_keep_their_lines() {
        let text = "f:\n  inline: |\n    PermitRootLogin yes\n    X ${y}\n";
        let (docs, _) = crate::parse::yaml::parse(text);
        let e =
            Embedded::scalar(docs[0].root.get("f").unwrap().get("inline").unwrap(), text).unwrap();
        let kind = HostConfigKind::Sshd;
        let facts = e.lint(Format::Host { kind, source: "s" }, &|_| true);
        assert_eq!(facts.host.entries.len(), 1);
        let s = facts.host.entries[0].span;
        assert_eq!(&text[s.start..s.end], "PermitRootLogin yes");
    }
}
