//! Decides what a parsed document is. Classification looks only at identifying keys
//! (`apiVersion`/`kind`, Butane's `variant`, Ignition's `ignition.version`, Bottlerocket's
//! `settings` table); extraction then reads the document knowing its kind.

use crate::parse::Node;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KubeadmVersion {
    V1beta3,
    V1beta4,
    /// v1beta1/v1beta2: no longer read by supported kubeadm releases; treated like v1beta3's map form.
    Older,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocKind {
    /// kubeadm `InitConfiguration`, `ClusterConfiguration` or `JoinConfiguration`.
    Kubeadm {
        kind: String,
        version: KubeadmVersion,
    },
    KubeletConfiguration,
    /// Any other Kubernetes object (Pods are checked for control-plane binaries by extraction).
    Object {
        api_version: String,
        kind: String,
    },
    Butane,
    Ignition,
    Bottlerocket,
    Unknown,
}

/// Classifies a YAML or JSON document.
pub fn classify(root: &Node) -> DocKind {
    if !root.is_map() {
        return DocKind::Unknown;
    }
    if let (Some(api), Some(kind)) = (root.get_str("apiVersion"), root.get_str("kind")) {
        let group = api.split('/').next().unwrap_or("");
        if group == "kubeadm.k8s.io"
            && matches!(
                kind,
                "InitConfiguration" | "ClusterConfiguration" | "JoinConfiguration"
            )
        {
            let version = match api.rsplit('/').next() {
                Some("v1beta4") => KubeadmVersion::V1beta4,
                Some("v1beta3") => KubeadmVersion::V1beta3,
                _ => KubeadmVersion::Older,
            };
            return DocKind::Kubeadm {
                kind: kind.to_string(),
                version,
            };
        }
        if group == "kubelet.config.k8s.io" && kind == "KubeletConfiguration" {
            return DocKind::KubeletConfiguration;
        }
        return DocKind::Object {
            api_version: api.to_string(),
            kind: kind.to_string(),
        };
    }
    if root.get("variant").is_some() && root.get("version").is_some() {
        return DocKind::Butane;
    }
    if root
        .get("ignition")
        .and_then(|i| i.get("version"))
        .is_some()
    {
        return DocKind::Ignition;
    }
    DocKind::Unknown
}

/// Classifies a TOML document (only Bottlerocket user data is of interest).
pub fn classify_toml(root: &Node) -> DocKind {
    if root.get("settings").is_some_and(Node::is_map) {
        DocKind::Bottlerocket
    } else {
        DocKind::Unknown
    }
}
