//! C551: a managed cluster or node pool does not upgrade Kubernetes automatically (GKE without
//! a release channel or with node auto-upgrade off, AKS without an upgrade channel).

use crate::facts::{ClusterSetting, FileFacts, Provider};
use crate::rules::managed::{is_unknown, report_field};
use crate::rules::{Cx, Rule};

pub struct ManagedClusterAutoUpgradeOff;
pub static RULE: ManagedClusterAutoUpgradeOff = ManagedClusterAutoUpgradeOff;

impl Rule for ManagedClusterAutoUpgradeOff {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in &facts.managed_clusters {
            match (c.provider, c.kind.as_str()) {
                (Provider::Gke, "google_container_cluster") => {
                    if let ClusterSetting::Set("UNSPECIFIED", f) =
                        c.setting("release_channel.channel")
                    {
                        report_field(cx, f, format!("{} opts out of release channels (UNSPECIFIED): the control plane and nodes are not kept on a supported, patched version", c.resource));
                    }
                }
                (Provider::Gke, _) => {
                    if let ClusterSetting::Set("false", f) = c.setting("management.auto_upgrade") {
                        report_field(cx, f, format!("{} turns node auto-upgrade off: nodes keep old Kubernetes and OS images until someone upgrades them", c.resource));
                    }
                }
                (Provider::Aks, "azurerm_kubernetes_cluster") => {
                    let paths = ["automatic_upgrade_channel", "automatic_channel_upgrade"];
                    if paths.iter().any(|p| is_unknown(c, p)) {
                        continue;
                    }
                    let set = paths.iter().find_map(|p| match c.setting(p) {
                        ClusterSetting::Set(v, f) => Some((v, f)),
                        _ => None,
                    });
                    match set {
                        Some((v, f)) if v.eq_ignore_ascii_case("none") => report_field(
                            cx,
                            f,
                            format!("{} sets the upgrade channel to \"none\": Kubernetes is never upgraded automatically", c.resource),
                        ),
                        Some(_) => {}
                        None => cx.report(
                            c.span,
                            format!("{} sets no automatic_upgrade_channel, and AKS defaults to none: Kubernetes is never upgraded automatically", c.resource),
                        ),
                    }
                }
                _ => {}
            }
        }
    }
}
