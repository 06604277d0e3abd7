//! Normalised facts. Extractors lower every input format into these; rules read only these.
//! A fact never says which syntax it came from beyond `Origin`, which rules use for wording
//! and for source-specific defaults. One module per family; `defaults` is the table of what an
//! absent component setting means.

pub mod accounts;
pub mod admission;
pub mod audit;
pub mod component;
pub mod component_config;
pub mod defaults;
pub mod distro;
pub mod distro_defaults;
pub mod embedded;
pub mod gateway;
pub mod host;
pub mod installer;
pub mod kube;
pub mod kubeadm;
pub mod located;
pub mod managed;
pub mod network;
pub mod spans;

pub use component::*;
pub use component_config::*;
pub use distro::DistroConfig;
pub use embedded::{DocFormat, EmbeddedDoc, Want};
pub use host::*;
pub use installer::*;
pub use kubeadm::*;
pub use located::{Located, Place, Provenance, RelatedPlace};
pub use managed::*;
pub use network::*;

use crate::source::Span;

/// A Kubernetes object's extent and its `kube-harden.io/ignore` annotation, for suppression.
#[derive(Clone, Debug)]
pub struct ObjectScope {
    pub span: Span,
    pub ignore: Option<Located<String>>,
}

/// Everything one file says, in normalised form.
#[derive(Default, Debug)]
pub struct FileFacts {
    pub components: Vec<ComponentConfig>,
    pub firewall_rules: Vec<FirewallRule>,
    pub remote_resources: Vec<RemoteResource>,
    pub host_settings: Vec<HostSetting>,
    pub objects: Vec<ObjectScope>,
    /// kubeadm documents (stand-alone or embedded in Cluster API objects), beyond component flags.
    pub kubeadm: Vec<KubeadmFacts>,
    /// Kubernetes versions a file pins (kubeadm, control-plane images, managed clusters).
    pub kubernetes_versions: Vec<KubernetesVersion>,
    pub encryption_configs: Vec<EncryptionConfig>,
    /// `Secret`s of type `kubernetes.io/service-account-token` (the `type` value's span).
    pub legacy_token_secrets: Vec<Span>,
    /// API server `AuthenticationConfiguration` files (`--authentication-config`).
    pub authentication_configs: Vec<AuthenticationConfig>,
    /// API server audit policies (`audit.k8s.io` `Policy`, stand-alone or embedded).
    pub audit_policies: Vec<audit::AuditPolicy>,
    /// Kubernetes objects: RBAC, services, workloads, network policies.
    pub kube: kube::KubeFacts,
    /// What Ignition/Butane/Bottlerocket host configs say (files, units, users, kernel args).
    pub host: HostFacts,
    /// Terraform node settings (public IPs, IMDS) and managed clusters (EKS, GKE, AKS).
    pub node_settings: Vec<NodeSetting>,
    pub managed_clusters: Vec<ManagedCluster>,
    /// Documents embedded in this file's values, not read yet (empty once `extract` returns).
    pub embedded_docs: Vec<EmbeddedDoc>,
    /// Distribution and installer configs (Talos, OpenShift) beyond the shared facts.
    pub installer: InstallerFacts,
    /// Distribution config files (k3s/RKE2 `config.yaml`, kind `Cluster`) beyond their flags.
    pub distro: Vec<DistroConfig>,
}
