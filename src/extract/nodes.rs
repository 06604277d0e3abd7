//! Small helpers over parsed nodes that every extractor uses: where a key or a document's kind is.

use crate::parse::Node;
use crate::source::Span;

/// The span of a map key, for anchoring findings about its section.
pub fn key_span(map: &Node, key: &str) -> Option<Span> {
    map.get_entry(key).map(|(k, _)| k.span)
}

/// The span of the `kind` value: the fallback anchor for a whole document.
pub fn kind_span(root: &Node) -> Span {
    root.get("kind").map(|n| n.span).unwrap_or(root.span)
}
