//! kubeadm configurations embedded in Cluster API objects: `KubeadmControlPlane`
//! (`spec.kubeadmConfigSpec`), `KubeadmConfig` (`spec`) and `KubeadmConfigTemplate`
//! (`spec.template.spec`). Their `clusterConfiguration`, `initConfiguration` and
//! `joinConfiguration` go through the same kubeadm extractor. CAPI v1beta1 writes `extraArgs` as a
//! map and v1beta2 as a `{name, value}` list; the origin follows the form actually written.

use crate::facts::{FileFacts, KubernetesVersion, Origin};
use crate::parse::Node;

pub fn extract(root: &Node, kind: &str, facts: &mut FileFacts) {
    let spec = match kind {
        "KubeadmControlPlane" => root.path(&["spec", "kubeadmConfigSpec"]),
        "KubeadmConfig" => root.get("spec"),
        "KubeadmConfigTemplate" => root.path(&["spec", "template", "spec"]),
        _ => None,
    };
    if kind == "KubeadmControlPlane" {
        if let Some(v) = root
            .path(&["spec", "version"])
            .filter(|v| v.as_str().is_some())
        {
            facts.kubernetes_versions.push(KubernetesVersion {
                what: "KubeadmControlPlane spec.version".into(),
                version: v.as_str().unwrap_or_default().to_string(),
                span: v.span,
            });
        }
    }
    let Some(spec) = spec else { return };
    let origin = if uses_list_args(spec) {
        Origin::KubeadmV1beta4
    } else {
        Origin::KubeadmV1beta3
    };
    for (key, kubeadm_kind) in [
        ("clusterConfiguration", "ClusterConfiguration"),
        ("initConfiguration", "InitConfiguration"),
        ("joinConfiguration", "JoinConfiguration"),
    ] {
        if let Some((k, v)) = spec.get_entry(key).filter(|(_, v)| v.is_map()) {
            super::kubeadm::config(v, kubeadm_kind, origin, None, k.span, facts);
        }
    }
}

/// Whether any `extraArgs`/`kubeletExtraArgs` under the spec is written as a list.
fn uses_list_args(spec: &Node) -> bool {
    fn walk(n: &Node, depth: usize) -> bool {
        if depth > 6 {
            return false;
        }
        n.entries().iter().any(|(k, v)| {
            (matches!(k.as_str(), Some("extraArgs" | "kubeletExtraArgs")) && v.is_seq())
                || walk(v, depth + 1)
        })
    }
    walk(spec, 0)
}
