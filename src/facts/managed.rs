//! Managed-cluster facts: EKS, GKE and AKS clusters and node pools, and node network settings.

use super::located::{located_fact, Located};
use super::network::Peer;
use crate::source::Span;
/// A network-exposure setting of a node resource (instance, launch template, NIC), as written:
/// `associate_public_ip_address = true`, `metadata_options.http_tokens = "optional"`, a GCE
/// `access_config` block (`value = "present"`).
#[derive(Clone, Debug)]
pub struct NodeSetting {
    pub resource: String,
    pub name: String,
    pub at: Located<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Provider {
    Eks,
    Gke,
    Aks,
}

impl Provider {
    pub fn name(self) -> &'static str {
        match self {
            Provider::Eks => "EKS",
            Provider::Gke => "GKE",
            Provider::Aks => "AKS",
        }
    }
}

/// One setting of a managed cluster or node pool, under its provider path
/// (`vpc_config.endpoint_public_access`). Absent settings are simply missing: rules apply the
/// provider's documented default.
#[derive(Clone, Debug)]
pub struct ClusterField {
    pub path: String,
    /// The items of a known list.
    pub list: Option<Vec<String>>,
    /// The items as CIDR peers, with their origins.
    pub peers: Vec<Peer>,
    /// The scalar as text (`"present"` for a block; `None` when the value is unknown), at the
    /// attribute, with the place it was written when that is elsewhere (a variable default,
    /// a tfvars entry).
    pub at: Located<Option<String>>,
}

located_fact!(NodeSetting => String, ClusterField => Option<String>);

/// A managed-cluster setting: absent (the provider default applies), set to a known value, or
/// set to a value only `terraform apply` knows.
pub enum ClusterSetting<'a> {
    Absent,
    Unknown,
    Set(&'a str, &'a ClusterField),
}

/// A managed cluster (`aws_eks_cluster`, `google_container_cluster`,
/// `azurerm_kubernetes_cluster`) or one of its node pools.
#[derive(Clone, Debug)]
pub struct ManagedCluster {
    pub provider: Provider,
    /// The resource type: tells a cluster from a node pool.
    pub kind: String,
    pub resource: String,
    /// The resource's type label, where findings about absent settings point.
    pub span: Span,
    pub fields: Vec<ClusterField>,
    /// Which configuration language wrote it, for the field names in messages.
    pub dialect: Dialect,
}

/// The configuration language of a managed cluster: messages name the user's own fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Terraform,
    /// eksctl `ClusterConfig` (`eksctl.io/v1alpha5`).
    Eksctl,
}

/// Provider paths (Terraform's) and the eksctl field that means the same.
const EKSCTL_NAMES: &[(&str, &str)] = &[
    (
        "vpc_config.endpoint_public_access",
        "vpc.clusterEndpoints.publicAccess",
    ),
    ("vpc_config.public_access_cidrs", "vpc.publicAccessCIDRs"),
    (
        "enabled_cluster_log_types",
        "cloudWatch.clusterLogging.enableTypes",
    ),
    ("encryption_config", "secretsEncryption.keyARN"),
    ("version", "metadata.version"),
    (
        "access_config.authentication_mode",
        "accessConfig.authenticationMode",
    ),
    ("upgrade_policy.support_type", "upgradePolicy.supportType"),
    ("remote_access.ec2_ssh_key", "ssh.publicKeyName"),
    (
        "remote_access.source_security_group_ids",
        "ssh.sourceSecurityGroupIds",
    ),
];

impl ManagedCluster {
    pub fn field(&self, path: &str) -> Option<&ClusterField> {
        self.fields.iter().find(|f| f.path == path)
    }

    /// A field as set, absent, or set to something unknown.
    pub fn setting(&self, path: &str) -> ClusterSetting<'_> {
        match self.field(path) {
            None => ClusterSetting::Absent,
            Some(f) => match f.value.as_deref() {
                Some(v) => ClusterSetting::Set(v, f),
                None => ClusterSetting::Unknown,
            },
        }
    }

    /// The user's name for a provider path: `terraform` (the words the Terraform message uses)
    /// for Terraform, the eksctl field for eksctl.
    pub fn term<'a>(&self, path: &str, terraform: &'a str) -> &'a str {
        match self.dialect {
            Dialect::Terraform => terraform,
            Dialect::Eksctl => EKSCTL_NAMES
                .iter()
                .find(|(p, _)| *p == path)
                .map_or(terraform, |(_, e)| e),
        }
    }

    pub fn is_node_pool(&self) -> bool {
        self.kind.contains("node_group") || self.kind.contains("node_pool")
    }
}
