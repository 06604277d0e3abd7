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
    /// A Talos `v1alpha1` machine config (`version: v1alpha1`, `machine`, `cluster`).
    TalosMachineConfig,
    /// An OpenShift/OKD `install-config.yaml` (`apiVersion: v1`, no kind, `baseDomain`).
    OpenShiftInstallConfig,
    Unknown,
}

/// Top-level keys of a Talos machine config (`pkg/machinery/config/types/v1alpha1`
/// `Config`), plus SOPS's metadata.
const TALOS_KEYS: &[&str] = &["version", "debug", "persist", "machine", "cluster", "sops"];

/// A Talos machine config: `version: v1alpha1`, `machine` and `cluster` maps, and no key Talos
/// does not know (so a random file with those three keys is not taken for one).
fn is_talos_machine_config(root: &Node) -> bool {
    root.get_str("version") == Some("v1alpha1")
        && root.get("machine").is_some_and(Node::is_map)
        && root.get("cluster").is_some_and(Node::is_map)
        && root
            .entries()
            .iter()
            .all(|(k, _)| k.as_str().is_some_and(|k| TALOS_KEYS.contains(&k)))
}

/// An OpenShift install-config: `apiVersion: v1` without `kind`, a `baseDomain` scalar, a
/// `metadata.name`, and a `platform` map or a `pullSecret` (`openshift/installer`
/// pkg/types/installconfig.go).
fn is_install_config(root: &Node) -> bool {
    root.get_str("apiVersion") == Some("v1")
        && root.get("kind").is_none()
        && root.get("baseDomain").and_then(Node::as_str).is_some()
        && root.path(&["metadata", "name"]).is_some()
        && (root.get("platform").is_some_and(Node::is_map) || root.get("pullSecret").is_some())
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
    if is_install_config(root) {
        return DocKind::OpenShiftInstallConfig;
    }
    if is_talos_machine_config(root) {
        return DocKind::TalosMachineConfig;
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
