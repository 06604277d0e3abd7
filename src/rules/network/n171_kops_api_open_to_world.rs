//! N171: a kOps cluster lets the whole internet reach its Kubernetes API
//! (`kubernetesApiAccess` or `api.access` lists 0.0.0.0/0 or ::/0).

use crate::cidr::is_world_source;
use crate::facts::FileFacts;
use crate::rules::firewall::report;
use crate::rules::{Cx, Rule};

pub struct KopsApiOpenToWorld;
pub static RULE: KopsApiOpenToWorld = KopsApiOpenToWorld;

impl Rule for KopsApiOpenToWorld {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in &facts.installer.kops_clusters {
            for p in c.api_access.iter().filter(|p| is_world_source(&p.value)) {
                report(
                    cx,
                    p,
                    format!(
                        "kOps Cluster {} lists {} in {}: the Kubernetes API (its load balancer or the control-plane nodes) is reachable from the whole internet",
                        c.name, p.value, c.field
                    ),
                );
            }
        }
    }
}
