//! The PodSecurity admission plugin's configuration: `plugins[]` entries named `PodSecurity`
//! of an `AdmissionConfiguration` (inline `configuration`, or a `path` to another file), and
//! stand-alone `PodSecurityConfiguration` documents.

use super::fields::strings;
use crate::facts::admission::PodSecurityDefaults;
use crate::facts::kube::{KubeFacts, Meta, Spanned};
use crate::parse::Node;

/// An `AdmissionConfiguration`: its PodSecurity plugin entries.
pub fn admission_configuration(root: &Node, meta: &Meta, kube: &mut KubeFacts) {
    for plugin in root.get("plugins").map(Node::items).unwrap_or(&[]) {
        if plugin.get_str("name") != Some("PodSecurity") {
            continue;
        }
        match plugin.get("configuration").filter(|c| c.is_map()) {
            Some(c) => pod_security_configuration(c, meta, kube),
            None => kube.pod_security.push(PodSecurityDefaults {
                anchor: meta.kind_span,
                enforce: None,
                exempt_namespaces: Vec::new(),
                unknown: true,
            }),
        }
    }
}

/// A `PodSecurityConfiguration` (stand-alone or inline in an AdmissionConfiguration).
pub fn pod_security_configuration(root: &Node, meta: &Meta, kube: &mut KubeFacts) {
    let enforce_node = root.path(&["defaults", "enforce"]);
    let enforce = enforce_node.and_then(|n| Some(Spanned::at(n.as_str()?.to_string(), n.span)));
    let templated = |s: &str| s.contains("{{") || s.contains("${");
    let unknown = enforce_node.is_some_and(|n| n.as_str().is_none_or(templated))
        || root.get("defaults").is_some_and(|d| !d.is_map());
    kube.pod_security.push(PodSecurityDefaults {
        anchor: meta.kind_span,
        enforce,
        exempt_namespaces: strings(root.path(&["exemptions", "namespaces"]))
            .into_iter()
            .map(|s| s.value)
            .collect(),
        unknown,
    });
}
