//! H150: managed node pools run a general-purpose OS image instead of a minimal, immutable,
//! container-optimised one (Bottlerocket, Container-Optimized OS).

use crate::facts::{ClusterSetting, FileFacts, Provider};
use crate::rules::{Cx, Rule};

pub struct ManagedNodeOsGeneralPurpose;
pub static RULE: ManagedNodeOsGeneralPurpose = ManagedNodeOsGeneralPurpose;

impl Rule for ManagedNodeOsGeneralPurpose {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in &facts.managed_clusters {
            let (path, ok): (&str, fn(&str) -> bool) = match c.provider {
                // CUSTOM images are decided by the launch template's AMI, not in view here.
                Provider::Eks => ("ami_type", |v| {
                    v.starts_with("BOTTLEROCKET") || v == "CUSTOM" || v.starts_with("WINDOWS")
                }),
                Provider::Gke => ("node_config.image_type", |v| {
                    v.to_ascii_uppercase().starts_with("COS")
                        || v.to_ascii_uppercase().starts_with("WINDOWS")
                }),
                Provider::Aks => continue,
            };
            if let ClusterSetting::Set(v, f) = c.setting(path) {
                if !ok(v) {
                    let prefer = match c.provider {
                        Provider::Eks => "BOTTLEROCKET_x86_64 or BOTTLEROCKET_ARM_64",
                        _ => "COS_CONTAINERD",
                    };
                    crate::rules::managed::report_field(cx, f,
                        format!(
                            "{} runs nodes on {v}, a general-purpose OS image with a package manager and a writable root; prefer {prefer}",
                            c.resource
                        ),
                    );
                }
            }
        }
    }
}
