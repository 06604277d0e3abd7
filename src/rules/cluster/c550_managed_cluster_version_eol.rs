//! C550: a managed cluster or node pool pins a Kubernetes minor that is past end of life.

use crate::facts::{ClusterSetting, FileFacts};
use crate::rules::managed::{minor, OLDEST_SUPPORTED_MINOR, SUPPORT_TABLE_DATE};
use crate::rules::{Cx, Rule};

pub struct ManagedClusterVersionEol;
pub static RULE: ManagedClusterVersionEol = ManagedClusterVersionEol;

const PATHS: &[&str] = &[
    "version",
    "min_master_version",
    "kubernetes_version",
    "orchestrator_version",
];

impl Rule for ManagedClusterVersionEol {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in &facts.managed_clusters {
            for path in PATHS {
                let ClusterSetting::Set(v, f) = c.setting(path) else {
                    continue;
                };
                let Some(m) = minor(v) else {
                    continue;
                };
                if m < OLDEST_SUPPORTED_MINOR {
                    crate::rules::managed::report_field(cx, f,
                        format!(
                            "{} runs Kubernetes {v} ({path}); 1.{m} is past end of life (supported minors on {SUPPORT_TABLE_DATE}: 1.{OLDEST_SUPPORTED_MINOR} and later)",
                            c.resource
                        ),
                    );
                }
            }
        }
    }
}
