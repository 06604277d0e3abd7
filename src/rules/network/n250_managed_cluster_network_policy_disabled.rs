//! N250: a managed cluster cannot enforce NetworkPolicy (GKE without network policy or
//! Dataplane V2, AKS without a network policy engine).

use crate::facts::{ClusterSetting, FileFacts, Provider};
use crate::rules::managed::{flag, is_unknown};
use crate::rules::{Cx, Rule};

pub struct ManagedClusterNetworkPolicyDisabled;
pub static RULE: ManagedClusterNetworkPolicyDisabled = ManagedClusterNetworkPolicyDisabled;

impl Rule for ManagedClusterNetworkPolicyDisabled {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in facts.managed_clusters.iter().filter(|c| !c.is_node_pool()) {
            match c.provider {
                Provider::Gke => {
                    let paths = [
                        "enable_autopilot",
                        "datapath_provider",
                        "network_policy.enabled",
                    ];
                    if paths.iter().any(|p| is_unknown(c, p))
                        || flag(c, "enable_autopilot") == Some(true)
                        || flag(c, "network_policy.enabled") == Some(true)
                    {
                        continue;
                    }
                    if let ClusterSetting::Set(d, _) = c.setting("datapath_provider") {
                        if d == "ADVANCED_DATAPATH" {
                            continue;
                        }
                    }
                    let span = c.field("network_policy.enabled").map_or(c.span, |f| f.span);
                    cx.report(
                        span,
                        format!(
                            "{} enables neither network_policy nor Dataplane V2 (datapath_provider = \"ADVANCED_DATAPATH\"): NetworkPolicy objects are accepted but not enforced",
                            c.resource
                        ),
                    );
                }
                Provider::Aks => {
                    let paths = [
                        "network_profile",
                        "network_profile.network_policy",
                        "network_profile.network_data_plane",
                    ];
                    if paths.iter().any(|p| is_unknown(c, p)) {
                        continue;
                    }
                    match c.setting("network_profile.network_policy") {
                        ClusterSetting::Set(p, f)
                            if p.is_empty() || p.eq_ignore_ascii_case("none") =>
                        {
                            crate::rules::managed::report_field(cx, f,
                                format!("{} sets network_policy = \"{p}\": NetworkPolicy objects are not enforced", c.resource),
                            );
                        }
                        ClusterSetting::Set(..) => {}
                        _ => {
                            if let ClusterSetting::Set(d, _) =
                                c.setting("network_profile.network_data_plane")
                            {
                                if d.eq_ignore_ascii_case("cilium") {
                                    continue;
                                }
                            }
                            let span = c.field("network_profile").map_or(c.span, |f| f.span);
                            cx.report(
                                span,
                                format!(
                                    "{} sets no network_profile.network_policy (azure, calico or cilium): NetworkPolicy objects are not enforced",
                                    c.resource
                                ),
                            );
                        }
                    }
                }
                Provider::Eks => {}
            }
        }
    }
}
