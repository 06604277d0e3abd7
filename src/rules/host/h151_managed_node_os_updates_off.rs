//! H151: AKS node OS security updates are switched off (node_os_upgrade_channel None or
//! Unmanaged).

use crate::facts::{ClusterSetting, FileFacts, Provider};
use crate::rules::managed::report_field;
use crate::rules::{Cx, Rule};

pub struct ManagedNodeOsUpdatesOff;
pub static RULE: ManagedNodeOsUpdatesOff = ManagedNodeOsUpdatesOff;

impl Rule for ManagedNodeOsUpdatesOff {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in facts
            .managed_clusters
            .iter()
            .filter(|c| c.provider == Provider::Aks && !c.is_node_pool())
        {
            for path in ["node_os_upgrade_channel", "node_os_channel_upgrade"] {
                if let ClusterSetting::Set(v, f) = c.setting(path) {
                    if v.eq_ignore_ascii_case("none") || v.eq_ignore_ascii_case("unmanaged") {
                        report_field(
                            cx,
                            f,
                            format!(
                                "{} sets {path} = \"{v}\": node OS security patches are not applied by AKS",
                                c.resource
                            ),
                        );
                    }
                }
            }
        }
    }
}
