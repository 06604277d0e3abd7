//! `Azure/aks/azurerm`, majors 9 to 11, as the `azurerm_kubernetes_cluster` it creates. Only
//! the settings below are modelled; every other setting the AKS rules read is unknown.
//!
//! From the module at 9.4.1, 10.2.0 and 11.5.0 (`variables.tf`, `main.tf`):
//! - `private_cluster_enabled` (default false);
//! - `api_server_authorized_ip_ranges` (default null) → an `api_server_access_profile` block
//!   with `authorized_ip_ranges` when set; `api_server_subnet_id` (9, 10) or
//!   `api_server_vnet_integration_enabled` (11) also create the block (then unknown here);
//! - `network_profile` is always written: `network_plugin` (default `kubenet`),
//!   `network_policy` (default null), `ebpf_data_plane` (default null; written as
//!   `ebpf_data_plane` up to 10, `network_data_plane` in 11);
//! - `kms_enabled` (default false) → a `key_management_service` block;
//! - `kubernetes_version` (default null: AKS picks).

use super::Call;
use crate::facts::{FileFacts, Located, ManagedCluster, Provider};

/// Settings of `azurerm_kubernetes_cluster` the rules read and this model does not decide.
const UNKNOWN: &[&str] = &[
    "local_account_disabled",
    "role_based_access_control_enabled",
    "azure_active_directory_role_based_access_control",
    "automatic_upgrade_channel",
    "automatic_channel_upgrade",
    "node_os_upgrade_channel",
    "node_os_channel_upgrade",
    "default_node_pool.os_sku",
    "default_node_pool.node_public_ip_enabled",
    "default_node_pool.enable_node_public_ip",
];

pub fn lower(call: &mut Call, facts: &mut FileFacts) {
    if !(9..=11).contains(&call.major) {
        return;
    }
    let label = call.label;
    let mut fields: Vec<_> = UNKNOWN
        .iter()
        .map(|p| call.unknown_field(p, label))
        .collect();
    if let Some((v, span)) = call.input("kubernetes_version") {
        fields.push(call.field("kubernetes_version", &v, span));
    }
    fields.push(match call.input("private_cluster_enabled") {
        Some((v, span)) => call.field("private_cluster_enabled", &v, span),
        None => call.default_field(
            "private_cluster_enabled",
            "private_cluster_enabled",
            "false",
            None,
            label,
        ),
    });
    let integration = if call.major >= 11 {
        "api_server_vnet_integration_enabled"
    } else {
        "api_server_subnet_id"
    };
    if call.input(integration).is_some() {
        fields.push(call.unknown_field("api_server_access_profile", label));
    } else if let Some((v, span)) = call.input("api_server_authorized_ip_ranges") {
        if v.is_whole() {
            let mut block = call.unknown_field("api_server_access_profile", span);
            block.at = Located::at(Some("present".into()), span);
            fields.push(block);
            fields.push(call.field("api_server_access_profile.authorized_ip_ranges", &v, span));
        } else {
            fields.push(call.unknown_field("api_server_access_profile", span));
        }
    }
    let mut profile = call.unknown_field("network_profile", label);
    profile.at = Located::at(Some("present".into()), label);
    fields.push(profile);
    fields.push(match call.input("network_plugin") {
        Some((v, span)) => call.field("network_profile.network_plugin", &v, span),
        None => call.default_field(
            "network_profile.network_plugin",
            "network_plugin",
            "kubenet",
            None,
            label,
        ),
    });
    if let Some((v, span)) = call.input("network_policy") {
        fields.push(call.field("network_profile.network_policy", &v, span));
    }
    if let Some((v, span)) = call.input("ebpf_data_plane") {
        let path = if call.major >= 11 {
            "network_profile.network_data_plane"
        } else {
            "network_profile.ebpf_data_plane"
        };
        fields.push(call.field(path, &v, span));
    }
    match call.input("kms_enabled") {
        None => {}
        Some((v, span)) => match v.as_bool() {
            Some(true) => {
                let mut kms = call.unknown_field("key_management_service", span);
                kms.at = Located::at(Some("present".into()), span);
                fields.push(kms);
            }
            Some(false) => {}
            None => fields.push(call.unknown_field("key_management_service", span)),
        },
    }
    facts.managed_clusters.push(ManagedCluster {
        dialect: crate::facts::Dialect::Terraform,
        provider: Provider::Aks,
        kind: "azurerm_kubernetes_cluster".into(),
        resource: call.address.clone(),
        span: label,
        fields,
    });
}
