//! Kubernetes object scopes, for the `kube-harden.io/ignore` annotation.

use crate::facts::{FileFacts, ObjectScope};
use crate::parse::Node;

pub const IGNORE_ANNOTATION: &str = "kube-harden.io/ignore";

pub fn scope(root: &Node, facts: &mut FileFacts) {
    let ignore = root
        .path(&["metadata", "annotations"])
        .and_then(|a| a.get(IGNORE_ANNOTATION))
        .and_then(|v| {
            v.as_str()
                .map(|s| crate::facts::Located::at(s.to_string(), v.span))
        });
    facts.objects.push(ObjectScope {
        span: root.span,
        ignore,
    });
}
