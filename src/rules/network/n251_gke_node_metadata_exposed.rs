//! N251: GKE nodes expose the Compute Engine metadata server to pods.

use crate::facts::{Field, FileFacts, Provider};
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
                ("node_config.workload_metadata_config.node_metadata", "EXPOSE"),
                ("node_config.workload_metadata_config.node_metadata", "UNSPECIFIED"),
            ];
            for (path, bad) in exposed {
                if let Field::Set(v, f) = c.setting(path) {
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
