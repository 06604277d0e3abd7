//! N251: GKE nodes expose the Compute Engine metadata server to pods.

use crate::facts::{ClusterSetting, FileFacts, Provider};
use crate::rules::managed::report_field;
use crate::rules::{Cx, Rule};

pub struct GkeNodeMetadataExposed;
pub static RULE: GkeNodeMetadataExposed = GkeNodeMetadataExposed;

impl Rule for GkeNodeMetadataExposed {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in facts
            .managed_clusters
            .iter()
            .filter(|c| c.provider == Provider::Gke)
        {
            let exposed = [
                ("node_config.workload_metadata_config.mode", "GCE_METADATA"),
                (
                    "node_config.workload_metadata_config.node_metadata",
                    "EXPOSE",
                ),
                (
                    "node_config.workload_metadata_config.node_metadata",
                    "UNSPECIFIED",
                ),
            ];
            // Without Workload Identity, the default node pool's default mode is GCE_METADATA.
            let default_exposed = c.kind == "google_container_cluster"
                && ["enable_autopilot", "remove_default_node_pool"]
                    .iter()
                    .all(|p| {
                        matches!(
                            c.setting(p),
                            ClusterSetting::Absent | ClusterSetting::Set("false", _)
                        )
                    })
                && matches!(
                    c.setting("workload_identity_config.workload_pool"),
                    ClusterSetting::Absent
                )
                && exposed
                    .iter()
                    .all(|(p, _)| matches!(c.setting(p), ClusterSetting::Absent));
            if default_exposed {
                cx.report(
                    c.span,
                    format!(
                        "{} enables neither Workload Identity nor workload_metadata_config mode GKE_METADATA: the default node pool exposes the metadata server (the node's service-account token) to every pod",
                        c.resource
                    ),
                );
            }
            for (path, bad) in exposed {
                if let ClusterSetting::Set(v, f) = c.setting(path) {
                    if v == bad {
                        report_field(
                            cx,
                            f,
                            format!(
                                "{} sets {} = \"{v}\": every pod can read the node's service-account token and instance attributes from the metadata server",
                                c.resource,
                                path.rsplit('.').next().unwrap_or(path)
                            ),
                        );
                    }
                }
            }
        }
    }
}
