//! Fields shared by Kubernetes objects: metadata, label selectors, string lists, port ranges.

use crate::extract::nodes::kind_span;
use crate::facts::kube::{LabelSelector, Meta, SelectorExpr, Spanned};
use crate::facts::PortRange;
use crate::parse::Node;

/// Reads `metadata` into a [`Meta`].
pub fn meta(root: &Node, api_version: &str, kind: &str) -> Meta {
    let md = root.get("metadata");
    let kind_span = kind_span(root);
    let name_node = md.and_then(|m| m.get("name"));
    let ns_node = md.and_then(|m| m.get("namespace"));
    Meta {
        api_version: api_version.to_string(),
        kind: kind.to_string(),
        name: name_node
            .and_then(Node::as_str)
            .or_else(|| md.and_then(|m| m.get_str("generateName")))
            .unwrap_or("")
            .to_string(),
        namespace: ns_node.and_then(Node::as_str).map(str::to_string),
        labels: string_map(md.and_then(|m| m.get("labels"))),
        annotations: string_map(md.and_then(|m| m.get("annotations"))),
        span: root.span,
        kind_span,
        name_span: name_node.map(|n| n.span).unwrap_or(kind_span),
        namespace_span: ns_node.map(|n| n.span),
    }
}

/// A map of scalars (labels, annotations, ConfigMap data) as text pairs.
pub fn string_map(node: Option<&Node>) -> Vec<(String, String)> {
    node.map(Node::entries)
        .unwrap_or(&[])
        .iter()
        .filter_map(|(k, v)| Some((k.as_str()?.to_string(), v.as_str()?.to_string())))
        .collect()
}

/// A list of scalars with their spans (a lone scalar counts as a one-item list).
pub fn strings(node: Option<&Node>) -> Vec<Spanned> {
    let Some(node) = node else { return Vec::new() };
    let one = |n: &Node| n.as_str().map(|s| Spanned::at(s.to_string(), n.span));
    if node.is_seq() {
        node.items().iter().filter_map(one).collect()
    } else {
        one(node).into_iter().collect()
    }
}

/// A Kubernetes label selector; `None` when the key is absent (or null).
pub fn label_selector(node: Option<&Node>) -> Option<LabelSelector> {
    let node = node?;
    let expressions = node
        .get("matchExpressions")
        .map(Node::items)
        .unwrap_or(&[])
        .iter()
        .map(|e| SelectorExpr {
            key: e.get_str("key").unwrap_or("").to_string(),
            operator: e.get_str("operator").unwrap_or("").to_string(),
            values: strings(e.get("values"))
                .into_iter()
                .map(|s| s.value)
                .collect(),
        })
        .collect();
    Some(LabelSelector {
        match_labels: string_map(node.get("matchLabels")),
        expressions,
        span: node.span,
        unknown: node
            .entries()
            .iter()
            .any(|(k, _)| !matches!(k.as_str(), Some("matchLabels" | "matchExpressions"))),
    })
}

/// A port, or a port range written `from:to` / `from-to`; `None` for a named port.
pub fn port_range(node: &Node, end: Option<&Node>) -> Option<PortRange> {
    let from = node
        .as_int()
        .and_then(|p| u16::try_from(p).ok())
        .or_else(|| parse_range(node.as_str()?).map(|r| r.from))?;
    if let Some(r) = node.as_str().and_then(parse_range) {
        if end.is_none() {
            return Some(r);
        }
    }
    let to = end
        .and_then(|e| e.as_int().or_else(|| e.as_str()?.parse().ok()))
        .and_then(|p| u16::try_from(p).ok())
        .unwrap_or(from);
    Some(PortRange {
        from,
        to: to.max(from),
    })
}

fn parse_range(s: &str) -> Option<PortRange> {
    let s = s.trim();
    if let Some((a, b)) = s.split_once([':', '-']) {
        let (from, to) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
        return (from <= to).then_some(PortRange { from, to });
    }
    let p = s.parse().ok()?;
    Some(PortRange { from: p, to: p })
}
