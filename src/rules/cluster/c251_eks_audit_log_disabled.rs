//! C251: an EKS cluster does not send its API audit log to CloudWatch.

use crate::facts::{ClusterSetting, FileFacts, Provider};
use crate::rules::{Cx, Rule};

pub struct EksAuditLogDisabled;
pub static RULE: EksAuditLogDisabled = EksAuditLogDisabled;

impl Rule for EksAuditLogDisabled {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in facts
            .managed_clusters
            .iter()
            .filter(|c| c.provider == Provider::Eks && !c.is_node_pool())
        {
            match c.setting("enabled_cluster_log_types") {
                // No control-plane log is exported by default.
                ClusterSetting::Absent => cx.report(
                    c.span,
                    format!(
                        "{} sets no {}: the Kubernetes audit log (who did what with which credentials) is not kept",
                        c.resource,
                        c.term("enabled_cluster_log_types", "enabled_cluster_log_types")
                    ),
                ),
                ClusterSetting::Set(_, f) => {
                    if let Some(list) = &f.list {
                        if !list.iter().any(|t| t == "audit") {
                            crate::rules::managed::report_field(
                                cx,
                                f,
                                format!(
                                    "{} exports the control-plane logs [{}] but not \"audit\": API requests are not recorded",
                                    c.resource,
                                    list.join(", ")
                                ),
                            );
                        }
                    }
                }
                ClusterSetting::Unknown => {}
            }
        }
    }
}
