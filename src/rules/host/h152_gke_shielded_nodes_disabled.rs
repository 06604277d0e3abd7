//! H152: a GKE cluster turns Shielded GKE Nodes off.

use crate::facts::{ClusterSetting, FileFacts, Provider};
use crate::rules::managed::report_field;
use crate::rules::{Cx, Rule};

pub struct GkeShieldedNodesDisabled;
pub static RULE: GkeShieldedNodesDisabled = GkeShieldedNodesDisabled;

impl Rule for GkeShieldedNodesDisabled {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in facts
            .managed_clusters
            .iter()
            .filter(|c| c.provider == Provider::Gke && !c.is_node_pool())
        {
            if let ClusterSetting::Set("false", f) = c.setting("enable_shielded_nodes") {
                report_field(
                    cx,
                    f,
                    format!(
                        "{} sets enable_shielded_nodes = false: nodes boot without verified boot and node identity attestation, so a stolen node credential can impersonate any node",
                        c.resource
                    ),
                );
            }
        }
    }
}
