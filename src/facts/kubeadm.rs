//! Cluster configuration facts beyond component flags: kubeadm documents, pinned Kubernetes
//! versions, encryption at rest and authentication configuration.

use crate::source::Span;
/// What an `AuthenticationConfiguration` says about anonymous access and JWT issuers.
#[derive(Clone, Debug)]
pub struct AuthenticationConfig {
    /// The `kind` value.
    pub anchor: Span,
    /// `anonymous.enabled`.
    pub anonymous_enabled: Option<Field>,
    /// `anonymous.conditions[].path`; `None` when the key is absent.
    pub anonymous_paths: Option<Vec<Field>>,
    /// `jwt[].issuer.url`.
    pub jwt_issuers: Vec<Field>,
}

/// A scalar as written: the key..value span and the value's own span.
pub type Field = super::located::Located<String>;

/// What a kubeadm Init/Cluster/JoinConfiguration says besides component flags.
#[derive(Clone, Debug, Default)]
pub struct KubeadmFacts {
    /// `InitConfiguration`, `ClusterConfiguration` or `JoinConfiguration`.
    pub kind: String,
    /// The `apiVersion` field; `None` when embedded in a Cluster API object (which has its own).
    pub api_version: Option<Field>,
    /// The document's `kind` value, or the embedding key in a Cluster API object.
    pub anchor: Span,
    pub bootstrap_tokens: Vec<BootstrapToken>,
    pub certificate_validity_period: Option<Field>,
    pub ca_certificate_validity_period: Option<Field>,
    /// `certificateKey` (Init: `certificateKey`; Join: `controlPlane.certificateKey`).
    pub certificate_key: Option<Field>,
    pub discovery: Option<Discovery>,
    pub external_etcd: Option<ExternalEtcd>,
    /// The whole kubeadm document (or embedded section), to match it with its components.
    pub span: Span,
    /// `apiServer.extraVolumes[].mountPath` values.
    pub apiserver_mounts: Vec<Field>,
}

#[derive(Clone, Debug)]
pub struct BootstrapToken {
    /// The list item.
    pub span: Span,
    pub token: Option<Field>,
    pub ttl: Option<Field>,
}

/// `JoinConfiguration.discovery`.
#[derive(Clone, Debug)]
pub struct Discovery {
    /// The `discovery` key.
    pub anchor: Span,
    /// The `bootstrapToken` key, when token discovery is used.
    pub bootstrap_token: Option<Span>,
    pub token: Option<Field>,
    pub unsafe_skip_ca_verification: Option<Field>,
    /// `caCertHashes` entries; `None` when the key is absent.
    pub ca_cert_hashes: Option<Vec<Field>>,
    pub tls_bootstrap_token: Option<Field>,
}

/// `ClusterConfiguration.etcd.external`.
#[derive(Clone, Debug)]
pub struct ExternalEtcd {
    /// The `external` key.
    pub anchor: Span,
    pub endpoints: Vec<Field>,
    pub ca_file: Option<Field>,
    pub cert_file: Option<Field>,
    pub key_file: Option<Field>,
}

/// A Kubernetes version a file pins.
#[derive(Clone, Debug)]
pub struct KubernetesVersion {
    /// What pins it, for messages: "kubeadm kubernetesVersion", "kube-apiserver image".
    pub what: String,
    /// As written (`v1.35.2`, `1.34`, `v1.37.0-rc.1`).
    pub version: String,
    pub span: Span,
}

/// An `EncryptionConfiguration`.
#[derive(Clone, Debug)]
pub struct EncryptionConfig {
    /// The `kind` value.
    pub anchor: Span,
    pub resources: Vec<EncryptionRule>,
}

/// One `resources[]` entry: the resources it covers and its ordered providers.
#[derive(Clone, Debug)]
pub struct EncryptionRule {
    /// The list item.
    pub span: Span,
    pub resources: Vec<Field>,
    pub providers: Vec<EncryptionProvider>,
}

#[derive(Clone, Debug)]
pub struct EncryptionProvider {
    /// `identity`, `aescbc`, `aesgcm`, `secretbox`, `kms`.
    pub kind: String,
    /// The provider key (`aescbc:`).
    pub span: Span,
    /// `kms` only: `apiVersion` (`v2`; absent means v1).
    pub kms_api_version: Option<String>,
    pub keys: Vec<EncryptionKey>,
}

#[derive(Clone, Debug)]
pub struct EncryptionKey {
    pub name: Option<String>,
    /// The `secret` value as written and its span.
    pub secret: Field,
    /// Decoded length in bytes; `None` when the secret is not base64 (a placeholder).
    pub decoded_len: Option<usize>,
}
