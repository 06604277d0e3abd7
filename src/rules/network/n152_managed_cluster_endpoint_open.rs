//! N152: a managed cluster's API endpoint is public and open to every address.

use crate::cidr::is_world_source;
use crate::facts::{ClusterSetting, FileFacts, ManagedCluster, Provider};
use crate::rules::firewall::report;
use crate::rules::managed::{flag, is_unknown};
use crate::rules::{Cx, Rule};

pub struct ManagedClusterEndpointOpen;
pub static RULE: ManagedClusterEndpointOpen = ManagedClusterEndpointOpen;

/// Reports world entries of the allow-list fields, or the absence of any allow-list.
/// `absent: None` when an empty allow-list blocks everything (GKE).
fn allow_list(c: &ManagedCluster, paths: &[&str], absent: Option<String>, cx: &mut Cx) {
    if paths.iter().any(|p| is_unknown(c, p)) {
        return;
    }
    let fields: Vec<_> = c
        .fields
        .iter()
        .filter(|f| paths.contains(&f.path.as_str()))
        .collect();
    if fields.is_empty()
        || fields
            .iter()
            .all(|f| f.list.as_ref().is_some_and(|l| l.is_empty()))
    {
        if let Some(absent) = absent {
            cx.report(c.span, format!("{} {absent}", c.resource));
        }
        return;
    }
    for f in fields {
        if f.value.is_none() {
            return;
        }
        for p in f.peers.iter().filter(|p| is_world_source(&p.value)) {
            report(
                cx,
                p,
                format!(
                    "{} allows {} to reach the {} API endpoint: the whole internet can try to authenticate",
                    c.resource,
                    p.value,
                    c.provider.name()
                ),
            );
        }
    }
}

impl Rule for ManagedClusterEndpointOpen {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in facts.managed_clusters.iter().filter(|c| !c.is_node_pool()) {
            match c.provider {
                Provider::Eks => {
                    // endpoint_public_access defaults to true.
                    match c.setting("vpc_config.endpoint_public_access") {
                        ClusterSetting::Set(v, _) if v != "true" => continue,
                        ClusterSetting::Unknown => continue,
                        _ => {}
                    }
                    allow_list(
                        c,
                        &["vpc_config.public_access_cidrs"],
                        Some(format!(
                            "has a public API endpoint without {}, which defaults to 0.0.0.0/0",
                            c.term("vpc_config.public_access_cidrs", "public_access_cidrs")
                        )),
                        cx,
                    );
                }
                Provider::Gke => {
                    match c.setting("private_cluster_config.enable_private_endpoint") {
                        ClusterSetting::Set("true", _) => continue,
                        ClusterSetting::Unknown => continue,
                        _ => {}
                    }
                    if is_unknown(c, "master_authorized_networks_config") {
                        continue;
                    }
                    if matches!(
                        c.setting("master_authorized_networks_config"),
                        ClusterSetting::Absent
                    ) {
                        cx.report(
                            c.span,
                            format!(
                                "{} has a public control-plane endpoint and no master_authorized_networks_config: any address can reach it",
                                c.resource
                            ),
                        );
                        continue;
                    }
                    allow_list(
                        c,
                        &["master_authorized_networks_config.cidr_blocks.cidr_block"],
                        None,
                        cx,
                    );
                }
                Provider::Aks => {
                    if flag(c, "private_cluster_enabled") == Some(true)
                        || is_unknown(c, "private_cluster_enabled")
                        || is_unknown(c, "api_server_access_profile")
                    {
                        continue;
                    }
                    allow_list(
                        c,
                        &[
                            "api_server_access_profile.authorized_ip_ranges",
                            "api_server_authorized_ip_ranges",
                        ],
                        Some("has a public API server without authorized_ip_ranges and is not a private cluster: any address can reach it".to_string()),
                        cx,
                    );
                }
            }
        }
    }
}
