//! Ignition JSON (2.x and 3.x) and Butane YAML (fcos, flatcar, …) describe the same host
//! resources with different key spellings; both lower to the same facts.

use crate::facts::{FileFacts, RemoteResource};
use crate::parse::Node;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Ignition,
    Butane,
}

pub fn extract(root: &Node, dialect: Dialect, facts: &mut FileFacts) {
    let mut push = |what: String, node: &Node| {
        if let Some(r) = remote(what, node) {
            facts.remote_resources.push(r);
        }
    };
    if let Some(config) = root.path(&["ignition", "config"]) {
        // `merge` in Ignition 3 and Butane, `append` in Ignition 2.
        for key in ["merge", "append"] {
            for (i, item) in config
                .get(key)
                .map(Node::items)
                .unwrap_or(&[])
                .iter()
                .enumerate()
            {
                push(format!("ignition.config.{key}[{i}]"), item);
            }
        }
        if let Some(replace) = config.get("replace") {
            push("ignition.config.replace".into(), replace);
        }
    }
    let ca_key = match dialect {
        Dialect::Ignition => "certificateAuthorities",
        Dialect::Butane => "certificate_authorities",
    };
    if let Some(cas) = root.path(&["ignition", "security", "tls", ca_key]) {
        for (i, ca) in cas.items().iter().enumerate() {
            push(format!("ignition.security.tls.{ca_key}[{i}]"), ca);
        }
    }
    for file in root
        .path(&["storage", "files"])
        .map(Node::items)
        .unwrap_or(&[])
    {
        let path = file.get_str("path").unwrap_or("?");
        if let Some(contents) = file.get("contents") {
            push(format!("storage.files[\"{path}\"].contents"), contents);
        }
        for (i, part) in file
            .get("append")
            .map(Node::items)
            .unwrap_or(&[])
            .iter()
            .enumerate()
        {
            push(format!("storage.files[\"{path}\"].append[{i}]"), part);
        }
    }
}

fn remote(what: String, node: &Node) -> Option<RemoteResource> {
    let source = node.get("source")?;
    let url = source.as_str()?.to_string();
    let verified = node
        .path(&["verification", "hash"])
        .and_then(Node::as_str)
        .is_some_and(|h| !h.trim().is_empty());
    Some(RemoteResource {
        what,
        url,
        span: source.span,
        verified,
    })
}
