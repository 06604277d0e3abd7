//! Extraction: classified documents in, normalised facts out. One module per input kind.

pub mod bottlerocket;
pub mod defaults;
pub mod flags;
pub mod ignition;
pub mod kubeadm;
pub mod kubelet;
pub mod objects;
pub mod static_pod;
pub mod terraform;

use crate::classify::{classify, classify_toml, DocKind};
use crate::facts::FileFacts;
use crate::parse::{hcl::Body, Document, Node};
use crate::source::Span;

/// Lowers one YAML or JSON document into facts.
pub fn document(doc: &Document, text: &str, facts: &mut FileFacts) {
    let root = &doc.root;
    if terraform::plan::is_plan(root) {
        terraform::plan::extract(root, facts);
        return;
    }
    match classify(root) {
        DocKind::Kubeadm { kind, version } => kubeadm::extract(root, &kind, version, text, facts),
        DocKind::KubeletConfiguration => kubelet::extract_config(root, facts),
        DocKind::Object { kind, .. } => {
            objects::scope(root, facts);
            if kind == "Pod" {
                static_pod::extract(root, text, facts);
            }
        }
        DocKind::Butane => ignition::extract(root, ignition::Dialect::Butane, facts),
        DocKind::Ignition => ignition::extract(root, ignition::Dialect::Ignition, facts),
        DocKind::Bottlerocket | DocKind::Unknown => {}
    }
}

/// Lowers a TOML document into facts.
pub fn toml_document(doc: &Document, facts: &mut FileFacts) {
    if classify_toml(&doc.root) == DocKind::Bottlerocket {
        bottlerocket::extract(&doc.root, facts);
    }
}

/// Lowers a Terraform file into facts.
pub fn terraform(body: &Body, text: &str, facts: &mut FileFacts) {
    terraform::extract(body, text, facts);
}

/// Lowers a Terraform file into facts, resolving variables and locals from the other files of
/// its directory (its module).
pub fn terraform_module(
    body: &Body,
    text: &str,
    path: &std::path::Path,
    shown: &str,
    facts: &mut FileFacts,
) {
    terraform::extract_in_module(body, text, path, shown, facts);
}

/// The span of a map key, for anchoring findings about its section.
pub fn key_span(map: &Node, key: &str) -> Option<Span> {
    map.get_entry(key).map(|(k, _)| k.span)
}

/// The span of the `kind` value: the fallback anchor for a whole document.
pub fn kind_span(root: &Node) -> Span {
    root.get("kind").map(|n| n.span).unwrap_or(root.span)
}
