//! C550: a managed cluster or node pool pins a Kubernetes minor that is past end of life.

use crate::facts::{ClusterSetting, FileFacts};
use crate::k8s::{oldest_supported, TABLE_DATE};
use crate::rules::managed::minor;
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
        // The oldest supported minor: the configured floor, else the dated release table's.
        let Some(oldest) = cx.settings.min_kubernetes_minor.or_else(oldest_supported) else {
            return;
        };
        for c in &facts.managed_clusters {
            for path in PATHS {
                let ClusterSetting::Set(v, f) = c.setting(path) else {
                    continue;
                };
                let Some(m) = minor(v) else {
                    continue;
                };
                if m < oldest {
                    crate::rules::managed::report_field(cx, f,
                        format!(
                            "{} runs Kubernetes {v} ({}); 1.{m} is past end of life (supported minors on {TABLE_DATE}: 1.{oldest} and later)",
                            c.resource,
                            c.term(path, path)
                        ),
                    );
                }
            }
        }
    }
}
