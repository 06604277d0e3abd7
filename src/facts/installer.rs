//! Facts from distribution and installer configs (Talos machine configs, OpenShift
//! install-configs) that no shared fact family covers. Their component flags, firewall rules
//! and versions are lowered into the shared facts; only what is specific to them lives here.

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

/// Everything distribution and installer configs say beyond the shared facts.
#[derive(Clone, Debug, Default)]
pub struct InstallerFacts {
    pub secrets: Vec<InlineSecret>,
    pub talos: Vec<TalosMachine>,
    pub talos_default_actions: Vec<TalosDefaultAction>,
    pub install_configs: Vec<InstallConfig>,
    pub kops_clusters: Vec<KopsCluster>,
}

impl InstallerFacts {
    pub(crate) fn append(&mut self, other: InstallerFacts) {
        let InstallerFacts {
            secrets,
            talos,
            talos_default_actions,
            install_configs,
            kops_clusters,
        } = other;
        self.secrets.extend(secrets);
        self.talos.extend(talos);
        self.talos_default_actions.extend(talos_default_actions);
        self.install_configs.extend(install_configs);
        self.kops_clusters.extend(kops_clusters);
    }
}
