//! C552: an EKS cluster opts into extended support, which keeps it on a Kubernetes minor past
//! its standard support instead of forcing the upgrade.

use crate::facts::{ClusterSetting, FileFacts, Provider};
use crate::rules::managed::report_field;
use crate::rules::{Cx, Rule};

pub struct EksExtendedSupport;
pub static RULE: EksExtendedSupport = EksExtendedSupport;

impl Rule for EksExtendedSupport {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in facts
            .managed_clusters
            .iter()
            .filter(|c| c.provider == Provider::Eks && !c.is_node_pool())
        {
            if let ClusterSetting::Set(v, f) = c.setting("upgrade_policy.support_type") {
                if v == "EXTENDED" {
                    report_field(
                        cx,
                        f,
                        format!(
                            "{} sets {} = \"EXTENDED\": when standard support ends the cluster stays on its old minor instead of being upgraded",
                            c.resource,
                            c.term("upgrade_policy.support_type", "upgrade_policy support_type")
                        ),
                    );
                }
            }
        }
    }
}
