//! YAML 1.1 merge keys (`<<`), resolved while the tree is built, so every extractor sees the
//! merged mapping (Kubernetes' decoder, go-yaml, resolves them too).
//!
//! Per the merge-key spec (<https://yaml.org/type/merge.html>): the value of a plain `<<` key is a
//! mapping, or a sequence of mappings where earlier mappings win; the mapping's own keys win over
//! merged ones. Merged entries keep the spans of the key and value inside the merged mapping (the
//! anchor), and each merge is recorded ([`Merge`]) so a finding on a merged value can name the
//! merge site.
//!
//! Cost: an anchored mapping's entries are copied once (then shared through `Rc`), and every
//! merged entry counts against [`MAX_MERGED_ENTRIES`] per file: merge bombs stop with an error,
//! which leaves the file not fully scanned.

use super::{Kind, Merge, Node, ParseError, Style};
use crate::findings::{Finding, Related};
use crate::source::Source;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// Merged entries per file (all documents). Real configs merge a handful of small maps.
pub const MAX_MERGED_ENTRIES: usize = 100_000;

type Shared = Rc<Vec<(Node, Node)>>;

#[derive(Default)]
pub(super) struct Merger {
    /// An anchored mapping's entries as they are merged: key copies and values shared through
    /// `Rc` (keyed by the anchored node's address, kept alive by the `Rc` held beside it).
    cache: HashMap<*const Node, (Rc<Node>, Shared)>,
    spent: usize,
    pub merges: Vec<Merge>,
}

impl Merger {
    /// Forgets the anchors of a finished document (anchors never cross documents).
    pub fn next_document(&mut self) -> Vec<Merge> {
        self.cache.clear();
        std::mem::take(&mut self.merges)
    }

    /// Resolves the merge keys of a finished mapping's entries.
    pub fn resolve(&mut self, entries: Vec<(Node, Node)>) -> Result<Vec<(Node, Node)>, ParseError> {
        if !entries.iter().any(|(k, _)| is_merge_key(k)) {
            return Ok(entries);
        }
        let explicit: HashSet<String> = entries
            .iter()
            .filter(|(k, _)| !is_merge_key(k))
            .filter_map(|(k, _)| k.as_str().map(str::to_string))
            .collect();
        let mut seen = explicit;
        let mut out = Vec::with_capacity(entries.len());
        for (k, v) in entries {
            if !is_merge_key(&k) {
                out.push((k, v));
                continue;
            }
            let site_key = k.span;
            let sources: Vec<Node> = match v.kind {
                Kind::Seq(items) => items,
                _ => vec![v],
            };
            for source in sources {
                let site = if matches!(source.kind, Kind::Alias(_)) {
                    source.span
                } else {
                    site_key.cover(source.span)
                };
                for (mk, mv, shared) in self.entries_of(source)? {
                    self.spent += 1;
                    if self.spent > MAX_MERGED_ENTRIES {
                        return Err(ParseError::new(
                            format!("YAML merge keys (`<<`) expand to more than {MAX_MERGED_ENTRIES} entries; refusing to read further"),
                            Some(site),
                        ));
                    }
                    if let Some(name) = mk.as_str() {
                        if !seen.insert(name.to_string()) {
                            continue; // an explicit key or an earlier merged mapping wins
                        }
                    }
                    if shared {
                        self.merges.push(Merge {
                            entry: mk.span.cover(mv.span),
                            site,
                        });
                    }
                    out.push((mk, mv));
                }
            }
        }
        Ok(out)
    }

    /// The entries a merge source brings: an alias to a mapping (shared, `true`) or a mapping
    /// written in place (moved, `false`).
    fn entries_of(&mut self, source: Node) -> Result<Vec<(Node, Node, bool)>, ParseError> {
        let span = source.span;
        let not_a_map = || {
            ParseError::new(
                "invalid YAML: a merge key (`<<`) takes a mapping or a list of mappings",
                Some(span),
            )
        };
        match source.kind {
            Kind::Map(entries) => Ok(entries.into_iter().map(|(k, v)| (k, v, false)).collect()),
            Kind::Alias(target) => {
                let Kind::Map(entries) = &target.kind else {
                    return Err(not_a_map());
                };
                let ptr = Rc::as_ptr(&target);
                let shared = match self.cache.get(&ptr) {
                    Some((_, s)) => s.clone(),
                    None => {
                        let s: Shared =
                            Rc::new(entries.iter().map(|(k, v)| (k.clone(), share(v))).collect());
                        self.spent += entries.len();
                        self.cache.insert(ptr, (target.clone(), s.clone()));
                        s
                    }
                };
                Ok(shared
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone(), true))
                    .collect())
            }
            _ => Err(not_a_map()),
        }
    }
}

/// A plain `<<` key (a quoted `"<<"` is an ordinary key).
fn is_merge_key(k: &Node) -> bool {
    matches!(&k.kind, Kind::Scalar(s) if s.style == Style::Plain && s.text == "<<")
}

/// A value to share between merge sites: an alias node pointing at it, spanning the value
/// itself, so copies cost nothing and aliases never chain.
fn share(v: &Node) -> Node {
    let target = match &v.kind {
        Kind::Alias(t) => t.clone(),
        _ => Rc::new(v.clone()),
    };
    Node {
        span: v.span,
        kind: Kind::Alias(target),
    }
}

/// A finding on a value that a YAML merge key (`<<`) brought into a mapping points at the value
/// (inside the anchor) and names the merge site. A value merged at several sites names each.
pub fn name_merge_sites(file: &Source, merges: &[Merge], findings: &mut [Finding]) {
    if merges.is_empty() {
        return;
    }
    for f in findings.iter_mut() {
        for m in merges {
            let inside = m.entry.start <= f.span.start && f.span.end <= m.entry.end;
            if inside && !f.related.iter().any(|r| r.span == m.site) {
                let message = format!("merged here by `<<: {}`", file.slice(m.site));
                f.related.push(Related::at(file.clone(), m.site, message));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::parse::yaml::parse;

    #[test]
    fn a_mapping_or_a_list_where_earlier_wins_and_explicit_keys_win() {
        let text = "a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nc:\n  <<: [*b, *a]\n  z: 3\n";
        let (docs, err) = parse(text);
        assert!(err.is_none(), "{err:?}");
        let c = docs[0].root.get("c").unwrap();
        let keys: Vec<_> = c
            .entries()
            .iter()
            .map(|(k, _)| k.as_str().unwrap())
            .collect();
        assert_eq!(keys, ["y", "x", "z"]);
        assert_eq!(c.get_str("y"), Some("2"));
        assert_eq!(c.get_str("x"), Some("1"));
        assert_eq!(c.get_str("z"), Some("3"));
        // The merged value's span is inside the anchor; the merge is recorded.
        let y = c.get("y").unwrap();
        assert_eq!(&text[y.span.start..y.span.end], "2");
        assert_eq!(docs[0].merges.len(), 2);
        let m = docs[0].merges[0];
        assert_eq!(&text[m.entry.start..m.entry.end], "y: 2");
        assert_eq!(&text[m.site.start..m.site.end], "*b");
    }

    #[test]
    fn inline_and_nested_merges() {
        let text = "a: &a {x: 1}\nb: &b\n  <<: *a\n  y: 2\nc:\n  <<: *b\n  <<: {w: 0}\n";
        let (docs, err) = parse(text);
        assert!(err.is_none(), "{err:?}");
        let c = docs[0].root.get("c").unwrap();
        assert_eq!(c.get_str("x"), Some("1"));
        assert_eq!(c.get_str("y"), Some("2"));
        assert_eq!(c.get_str("w"), Some("0"));
        assert!(c.get_entry("<<").is_none());
        let quoted = parse("c:\n  \"<<\": {w: 0}\n").0;
        assert!(quoted[0].root.get("c").unwrap().get_entry("<<").is_some());
    }

    #[test]
    fn a_scalar_merge_is_an_error_and_a_merge_bomb_stops() {
        assert!(parse("a: 1\nb:\n  <<: x\n").1.is_some());
        let mut text = String::from("a: &a {");
        for i in 0..1000 {
            text.push_str(&format!("k{i}: {i}, "));
        }
        text.push_str("}\nl:\n");
        for _ in 0..200 {
            text.push_str("- <<: *a\n");
        }
        let (_, err) = parse(&text);
        assert!(err.unwrap().message.contains("merge keys"));
    }
}
