//! Managed clusters and node pools: EKS, GKE, AKS. Settings are recorded under their provider
//! path; rules apply the provider defaults for absent ones. HCL only (plan JSON is not read
//! for clusters).

use super::peers::{origin_of, peers};
use super::resource::{elements, Res};
use super::syntax::{label, span_of};
use super::value::{Val, V};
use crate::facts::Located;
use crate::facts::{ClusterField, FileFacts, ManagedCluster, Provider};
use hcl_edit::structure::Body;

/// The settings read per resource type: dotted paths through nested blocks to an attribute or
/// a block (recorded as `"present"`).
fn spec(rtype: &str) -> Option<(Provider, &'static [&'static str])> {
    Some(match rtype {
        "aws_eks_cluster" => (
            Provider::Eks,
            &[
                "version",
                "vpc_config.endpoint_public_access",
                "vpc_config.endpoint_private_access",
                "vpc_config.public_access_cidrs",
                "encryption_config",
                "enabled_cluster_log_types",
                "access_config.authentication_mode",
                "upgrade_policy.support_type",
            ],
        ),
        "aws_eks_node_group" => (
            Provider::Eks,
            &[
                "ami_type",
                "version",
                "remote_access",
                "remote_access.ec2_ssh_key",
                "remote_access.source_security_group_ids",
                "launch_template",
            ],
        ),
        "google_container_cluster" => (
            Provider::Gke,
            &[
                "min_master_version",
                "enable_autopilot",
                "release_channel.channel",
                "private_cluster_config.enable_private_endpoint",
                "private_cluster_config.enable_private_nodes",
                "master_authorized_networks_config",
                "master_authorized_networks_config.cidr_blocks.cidr_block",
                "enable_legacy_abac",
                "master_auth.client_certificate_config.issue_client_certificate",
                "master_auth.username",
                "network_policy.enabled",
                "datapath_provider",
                "database_encryption.state",
                "node_config.image_type",
                "node_config.workload_metadata_config.mode",
                "node_config.workload_metadata_config.node_metadata",
                "workload_identity_config.workload_pool",
                "remove_default_node_pool",
                "enable_shielded_nodes",
                "node_config",
                "node_config.service_account",
                "node_config.oauth_scopes",
                "node_config.shielded_instance_config",
                "node_config.shielded_instance_config.enable_secure_boot",
                "node_pool",
                "cluster_autoscaling.auto_provisioning_defaults.service_account",
            ],
        ),
        "google_container_node_pool" => (
            Provider::Gke,
            &[
                "version",
                "node_config.image_type",
                "management.auto_upgrade",
                "node_config",
                "node_config.service_account",
                "node_config.oauth_scopes",
                "node_config.shielded_instance_config",
                "node_config.shielded_instance_config.enable_secure_boot",
            ],
        ),
        "azurerm_kubernetes_cluster" => (
            Provider::Aks,
            &[
                "kubernetes_version",
                "private_cluster_enabled",
                "api_server_access_profile",
                "api_server_access_profile.authorized_ip_ranges",
                "api_server_authorized_ip_ranges",
                "local_account_disabled",
                "role_based_access_control_enabled",
                "azure_active_directory_role_based_access_control",
                "network_profile",
                "network_profile.network_plugin",
                "network_profile.network_policy",
                "network_profile.network_data_plane",
                "network_profile.ebpf_data_plane",
                "key_management_service",
                "automatic_upgrade_channel",
                "automatic_channel_upgrade",
                "node_os_upgrade_channel",
                "node_os_channel_upgrade",
                "default_node_pool.os_sku",
                "default_node_pool.node_public_ip_enabled",
                "default_node_pool.enable_node_public_ip",
                "http_application_routing_enabled",
                "addon_profile.http_application_routing.enabled",
            ],
        ),
        "azurerm_kubernetes_cluster_node_pool" => (
            Provider::Aks,
            &[
                "orchestrator_version",
                "os_sku",
                "os_type",
                "node_public_ip_enabled",
                "enable_node_public_ip",
            ],
        ),
        _ => return None,
    })
}

pub fn resource(res: &mut Res, facts: &mut FileFacts) {
    let Some((provider, paths)) = spec(res.rtype) else {
        return;
    };
    let Some(block) = res.block() else {
        return;
    };
    let mut fields = Vec::new();
    for path in paths {
        let segs: Vec<&str> = path.split('.').collect();
        walk(res, &block.body, &segs, path, &mut fields);
    }
    if res.rtype == "google_container_cluster" {
        inline_node_pools(res, &block.body, &mut fields);
    }
    facts.managed_clusters.push(ManagedCluster {
        provider,
        kind: res.rtype.to_string(),
        resource: res.address.clone(),
        span: res.header(),
        fields,
        dialect: crate::facts::Dialect::Terraform,
    });
}

/// The node settings of a GKE cluster's inline `node_pool` blocks, each under its own index
/// (`node_pool[1]` for the block, `node_pool[1].node_config.service_account`), so a rule can
/// tell a pool that leaves a setting out from one that sets it. A `dynamic` block whose
/// `for_each` is not known gives no pool (the `node_pool` field then says "unknown").
fn inline_node_pools(res: &mut Res, body: &Body, fields: &mut Vec<ClusterField>) {
    const POOL: &[&str] = &[
        "node_config",
        "node_config.service_account",
        "node_config.oauth_scopes",
        "node_config.shielded_instance_config",
        "node_config.shielded_instance_config.enable_secure_boot",
    ];
    let mut i = 0;
    res.blocks(body, "node_pool", |res, pool, _, span| {
        let super::resource::Obj::Hcl(pool) = pool else {
            return;
        };
        let prefix = format!("node_pool[{i}]");
        i += 1;
        fields.push(ClusterField {
            path: prefix.clone(),
            list: None,
            peers: Vec::new(),
            at: Located::at(Some("present".into()), span).with_origin(None),
        });
        for path in POOL {
            let segs: Vec<&str> = path.split('.').collect();
            walk(res, pool, &segs, &format!("{prefix}.{path}"), fields);
        }
    });
}

/// Follows `segs` through the first matching block at each level. A `dynamic` block on the
/// way makes the setting unknown (present, value not known).
fn walk(res: &mut Res, body: &Body, segs: &[&str], path: &str, out: &mut Vec<ClusterField>) {
    let Some((first, rest)) = segs.split_first() else {
        return;
    };
    if rest.is_empty() {
        if let Some((v, span)) = res.val(body, first) {
            // `attr = null` is the same as leaving it out: the provider default applies.
            if matches!(v.v, V::Null) {
                return;
            }
            let list = v
                .items()
                .and_then(|items| items.iter().map(|i| i.text()).collect::<Option<Vec<_>>>());
            out.push(ClusterField {
                path: path.to_string(),
                list,
                peers: peers(&v, span),
                at: Located::at(
                    v.text().or_else(|| v.items().map(|_| "list".to_string())),
                    span,
                )
                .with_origin(origin_of(&v, span)),
            });
            return;
        }
    }
    if let Some(b) = body.get_blocks(first).next() {
        if rest.is_empty() {
            out.push(ClusterField {
                path: path.to_string(),
                list: None,
                peers: Vec::new(),
                at: Located::at(Some("present".into()), span_of(&b.ident)).with_origin(None),
            });
        } else if rest.len() == 1 && body.get_blocks(first).nth(1).is_some() {
            // Repeated blocks (`cidr_blocks { cidr_block = ... }`): collect every value.
            let mut found = Vec::new();
            for b in body.get_blocks(first) {
                walk(res, &b.body, rest, path, &mut found);
            }
            for f in found {
                out.push(f);
            }
        } else {
            walk(res, &b.body, rest, path, out);
        }
        return;
    }
    if let Some(d) = body
        .get_blocks("dynamic")
        .find(|d| label(d, 0) == Some(first))
    {
        // A known, empty `for_each` makes no block; a known element makes one, read with the
        // iterator bound; anything else is unknown.
        let coll = res.val(&d.body, "for_each").map(|(v, _)| v);
        let content = d.body.get_blocks("content").next();
        let iterator = match d.body.get_attribute("iterator").map(|a| &a.value) {
            Some(hcl_edit::expr::Expression::Variable(v)) => v.value().as_str().to_string(),
            _ => first.to_string(),
        };
        match (coll, content) {
            (Some(c), Some(content)) if c.is_whole() => {
                let Some((k, v)) = elements(&c).into_iter().next() else {
                    return;
                };
                if rest.is_empty() {
                    out.push(ClusterField {
                        path: path.to_string(),
                        list: None,
                        peers: Vec::new(),
                        at: Located::at(Some("present".into()), span_of(&d.ident))
                            .with_origin(None),
                    });
                    return;
                }
                let it = Val::new(V::Map(vec![("key".into(), k), ("value".into(), v)]));
                res.with_bound(&iterator, it, |res| {
                    walk(res, &content.body, rest, path, out)
                });
            }
            _ => out.push(ClusterField {
                path: path.to_string(),
                list: None,
                peers: Vec::new(),
                at: Located::at(None, span_of(&d.ident)).with_origin(None),
            }),
        }
    }
}
