//! H153: GKE nodes boot without Secure Boot.
//!
//! Provider default (terraform-provider-google `google/services/container/node_config.go`,
//! `shielded_instance_config.enable_secure_boot`: `Default: false`): a node configuration that
//! leaves it out boots without Secure Boot. Autopilot nodes always use it (no `node_config`).

use crate::facts::{ClusterSetting, FileFacts};
use crate::rules::managed::{flag, gke_node_configs, report_field};
use crate::rules::{Cx, Rule};

pub struct GkeSecureBootDisabled;
pub static RULE: GkeSecureBootDisabled = GkeSecureBootDisabled;

impl Rule for GkeSecureBootDisabled {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in &facts.managed_clusters {
            // Shielded nodes turned off cluster-wide is H152's finding.
            if c.kind == "google_container_cluster"
                && flag(c, "enable_shielded_nodes") == Some(false)
            {
                continue;
            }
            for n in gke_node_configs(c) {
                match c.setting(&n.path("shielded_instance_config.enable_secure_boot")) {
                    ClusterSetting::Set(v, f) if crate::facts::go_bool(v) == Some(false) => {
                        report_field(
                            cx,
                            f,
                            format!(
                                "{}{} sets {}.shielded_instance_config.enable_secure_boot = {v}: nodes boot without verifying the signatures of their boot components, so a bootkit or unsigned kernel module survives reboots unnoticed",
                                c.resource, n.what, n.field
                            ),
                        );
                    }
                    ClusterSetting::Absent => {
                        let at = n.nearest(c, &["shielded_instance_config"]);
                        cx.report(
                            at,
                            format!(
                                "{}{} sets no {}.shielded_instance_config.enable_secure_boot (the provider default is false): nodes boot without verifying the signatures of their boot components",
                                c.resource, n.what, n.field
                            ),
                        );
                    }
                    _ => {}
                }
            }
        }
    }
}
