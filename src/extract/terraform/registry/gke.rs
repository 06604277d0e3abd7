//! `terraform-google-modules/kubernetes-engine/google` (the root module, a public cluster),
//! majors 30 to 44, as the `google_container_cluster` it creates. Only the settings below are
//! modelled; every other setting the GKE rules read is unknown, so it never yields a finding.
//!
//! From the module at v30.3.0 and v44.2.0 (`variables.tf`, `cluster.tf`, `main.tf`):
//! - `master_authorized_networks` (default `[]`): a `master_authorized_networks_config` block
//!   with one `cidr_blocks` entry per item, none when the list is empty (and, from v35,
//!   `gcp_public_cidrs_access_enabled` unset);
//! - `network_policy` (default false) → `network_policy.enabled`; `datapath_provider` (default
//!   `DATAPATH_PROVIDER_UNSPECIFIED`);
//! - the root module writes no `private_cluster_config` (a public endpoint, nodes with external
//!   IPs, unless `node_pools` items set `enable_private_nodes`: then unknown) and no
//!   `enable_autopilot` (the `private-cluster` and autopilot submodules are not modelled).

use super::Call;
use crate::facts::{FileFacts, ManagedCluster, Provider};

/// Settings of `google_container_cluster` the rules read and this model does not decide.
const UNKNOWN: &[&str] = &[
    "min_master_version",
    "release_channel.channel",
    "enable_legacy_abac",
    "master_auth.client_certificate_config.issue_client_certificate",
    "master_auth.username",
    "database_encryption.state",
    "node_config.image_type",
    "node_config.workload_metadata_config.mode",
    "node_config.workload_metadata_config.node_metadata",
    "workload_identity_config.workload_pool",
    "remove_default_node_pool",
    "enable_shielded_nodes",
    // Node service accounts and Secure Boot (`create_service_account`, `service_account`,
    // `node_pools[*]`) are not modelled: the module creates its own service account by
    // default, and its pools' settings are per item.
    "node_config.service_account",
    "node_config.shielded_instance_config.enable_secure_boot",
    "node_pool",
];

pub fn lower(call: &mut Call, facts: &mut FileFacts) {
    if !(30..=44).contains(&call.major) {
        return;
    }
    let label = call.label;
    let mut fields: Vec<_> = UNKNOWN
        .iter()
        .map(|p| call.unknown_field(p, label))
        .collect();

    // Node pools may make their own nodes private (`node_pools[*].enable_private_nodes`,
    // `network_config` in cluster.tf): then whether nodes are public is not decided here.
    let pools_private = match call.input("node_pools") {
        None => false,
        Some((v, _)) => {
            !v.is_whole()
                || v.items()
                    .unwrap_or_default()
                    .iter()
                    .any(|p| p.get("enable_private_nodes").is_some())
        }
    };
    if pools_private {
        fields.push(call.unknown_field("private_cluster_config.enable_private_nodes", label));
    }
    let public_cidrs = call.major >= 35
        && call
            .block
            .body
            .get_attribute("gcp_public_cidrs_access_enabled")
            .is_some();
    match call.input("master_authorized_networks") {
        _ if public_cidrs => {
            fields.push(call.unknown_field("master_authorized_networks_config", label));
        }
        None => {}
        Some((v, span)) => match v.items() {
            Some(items) if v.is_whole() => {
                if !items.is_empty() {
                    let mut present = call.field("master_authorized_networks_config", &v, span);
                    present.at.value = Some("present".into());
                    present.list = None;
                    present.peers = Vec::new();
                    fields.push(present);
                    for item in items {
                        if let Some(c) = item.get("cidr_block") {
                            fields.push(call.field(
                                "master_authorized_networks_config.cidr_blocks.cidr_block",
                                c,
                                span,
                            ));
                        }
                    }
                }
            }
            _ => fields.push(call.unknown_field("master_authorized_networks_config", span)),
        },
    }

    fields.push(match call.input("network_policy") {
        Some((v, span)) => call.field("network_policy.enabled", &v, span),
        None => call.default_field(
            "network_policy.enabled",
            "network_policy",
            "false",
            None,
            label,
        ),
    });
    fields.push(match call.input("datapath_provider") {
        Some((v, span)) => call.field("datapath_provider", &v, span),
        None => call.default_field(
            "datapath_provider",
            "datapath_provider",
            "DATAPATH_PROVIDER_UNSPECIFIED",
            None,
            label,
        ),
    });

    facts.managed_clusters.push(ManagedCluster {
        dialect: crate::facts::Dialect::Terraform,
        provider: Provider::Gke,
        kind: "google_container_cluster".into(),
        resource: call.address.clone(),
        span: label,
        fields,
    });
}
