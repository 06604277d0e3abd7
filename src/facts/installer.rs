//! Facts from distribution and installer configs (Talos machine configs, OpenShift
//! install-configs) that no shared fact family covers. Their component flags, firewall rules
//! and versions are lowered into the shared facts; only what is specific to them lives here.

use super::{Located, Place};
use crate::source::Span;

/// A credential or private key written in clear in a config (not SOPS-encrypted, not a
/// template placeholder). The value itself is never kept: messages must not echo it.
#[derive(Clone, Debug)]
pub struct InlineSecret {
    /// The distribution, for messages: "Talos", "OpenShift".
    pub source: &'static str,
    /// The user's field path (`cluster.ca.key`, `pullSecret`).
    pub field: String,
    /// What it grants, for messages ("the cluster CA private key").
    pub what: &'static str,
    /// The value's span.
    pub span: Span,
}

/// A Talos `v1alpha1` machine config (`version: v1alpha1` with `machine` and `cluster`).
#[derive(Clone, Debug)]
pub struct TalosMachine {
    /// The `version` key, where findings about absent settings point.
    pub anchor: Span,
    /// `machine.type` is `controlplane` or `init` (the API server runs here).
    pub control_plane: bool,
    /// `cluster.secretboxEncryptionSecret` or `cluster.aescbcEncryptionSecret` is set.
    pub encryption_secret: bool,
    /// The file is SOPS-encrypted (a top-level `sops:` key in one of its documents).
    pub sops: bool,
    /// `os:admin` in `machine.features.kubernetesTalosAPIAccess.allowedRoles` while the
    /// feature is enabled: the role item's span.
    pub api_access_admin: Option<Span>,
}

/// A Talos `NetworkDefaultActionConfig` document: its `ingress` value and span.
#[derive(Clone, Debug)]
pub struct TalosDefaultAction {
    pub ingress: String,
    pub span: Span,
}

/// An OpenShift `install-config.yaml`.
#[derive(Clone, Debug)]
pub struct InstallConfig {
    /// `metadata.name`'s value, for messages.
    pub name: String,
    /// The `baseDomain` key, where findings about absent settings point.
    pub anchor: Span,
    /// The platform key under `platform` (`aws`, `gcp`, `azure`, `baremetal`, `none`…).
    pub platform: Option<String>,
    /// `publish` as written, with the value's span.
    pub publish: Option<(String, Span)>,
    /// `credentialsMode` as written, with the value's span.
    pub credentials_mode: Option<(String, Span)>,
}

/// A kOps `Cluster`'s API allow-list (`spec.kubernetesApiAccess`, v1alpha3 `spec.api.access`).
#[derive(Clone, Debug)]
pub struct KopsCluster {
    pub name: String,
    /// The user's field name, for messages.
    pub field: &'static str,
    pub api_access: Vec<super::Peer>,
}

/// The pod network a distribution or installer config chooses (CIS Kubernetes 5.3.1), at the
/// setting that decides whether NetworkPolicy objects are enforced: k3s'
/// `disable-network-policy`, RKE2's `cni`, kubespray's `kube_network_plugin`, the kOps
/// `spec.networking` provider key; and, judged over the whole scan (`beside`), a raw CNI
/// manifest's image (flannel) or the EKS VPC CNI add-on's `enableNetworkPolicy`.
#[derive(Clone, Debug)]
pub struct PodNetwork {
    /// Who chooses, for messages: `k3s`, `RKE2`, `kubespray`, `kOps Cluster <name>`.
    pub distro: String,
    /// The user's own key (`disable-network-policy`, `kube_network_plugin`,
    /// `spec.networking.kubenet`).
    pub key: String,
    /// The value as written (for kOps the provider's name); its span is the setting's.
    pub value: Located<String>,
    /// Whether NetworkPolicy is enforced; `None` when the config leaves it to something not in
    /// view (a CNI the user brings, a templated value).
    pub enforces: Option<bool>,
    /// Why, for messages ("flannel has no network policy controller").
    pub why: String,
    /// Other settings of the file that take part (k3s `flannel-backend`), with what they say.
    pub related: Vec<Place>,
    /// A network that enforces nothing itself but that a policy engine installed beside it
    /// (Calico policy-only, Cilium chaining, kube-network-policies…) would complete: judged
    /// over the whole scan, and only when no [`PolicyEngine`] is in it.
    pub beside: bool,
}

/// Something that installs a NetworkPolicy engine (a calico-node or Cilium agent pod, a
/// tigera-operator `Installation`, a Helm release of such a chart), evidence for the whole scan
/// that NetworkPolicy objects are enforced whatever pod network runs beside it.
#[derive(Clone, Debug)]
pub struct PolicyEngine {
    /// What was seen, for messages and tests ("calico-node (calico/node:v3.28.0)").
    pub what: String,
    pub span: Span,
}

impl PodNetwork {
    /// The setting as the user wrote it: `key: value`, or the key alone when it names the
    /// value (`spec.networking.kubenet`).
    pub fn shown(&self) -> String {
        if self
            .key
            .rsplit_once('.')
            .is_some_and(|(_, last)| last == self.value.value)
        {
            self.key.clone()
        } else {
            format!("{}: {}", self.key, self.value.value)
        }
    }
}

/// Everything distribution and installer configs say beyond the shared facts.
#[derive(Clone, Debug, Default)]
pub struct InstallerFacts {
    pub secrets: Vec<InlineSecret>,
    pub talos: Vec<TalosMachine>,
    pub talos_default_actions: Vec<TalosDefaultAction>,
    pub install_configs: Vec<InstallConfig>,
    pub kops_clusters: Vec<KopsCluster>,
    pub pod_networks: Vec<PodNetwork>,
    pub policy_engines: Vec<PolicyEngine>,
}

impl InstallerFacts {
    pub(crate) fn append(&mut self, other: InstallerFacts) {
        let InstallerFacts {
            secrets,
            talos,
            talos_default_actions,
            install_configs,
            kops_clusters,
            pod_networks,
            policy_engines,
        } = other;
        self.secrets.extend(secrets);
        self.talos.extend(talos);
        self.talos_default_actions.extend(talos_default_actions);
        self.install_configs.extend(install_configs);
        self.kops_clusters.extend(kops_clusters);
        self.pod_networks.extend(pod_networks);
        self.policy_engines.extend(policy_engines);
    }
}
