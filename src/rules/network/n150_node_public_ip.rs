//! N150: cluster nodes get public IP addresses.

use crate::facts::{ClusterSetting, FileFacts};
use crate::rules::{Cx, Rule};

pub struct NodePublicIp;
pub static RULE: NodePublicIp = NodePublicIp;

const AKS_PATHS: &[&str] = &[
    "default_node_pool.node_public_ip_enabled",
    "default_node_pool.enable_node_public_ip",
    "node_public_ip_enabled",
    "enable_node_public_ip",
];

/// Hosts whose job is to be reachable (bastions, NAT and VPN instances) are not nodes.
fn is_gateway(resource: &str) -> bool {
    let r = resource.to_ascii_lowercase();
    [
        "bastion",
        "jumphost",
        "jump-host",
        "jump_host",
        "nat",
        "vpn",
    ]
    .iter()
    .any(|w| {
        r.split(|c: char| !c.is_ascii_alphanumeric())
            .any(|part| part == *w || (w.len() > 4 && part.contains(w)))
    })
}

impl Rule for NodePublicIp {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for s in facts
            .node_settings
            .iter()
            .filter(|s| !is_gateway(&s.resource))
        {
            let public = match s.name.as_str() {
                "associate_public_ip_address" | "associatePublicIp" => s.value == "true",
                "network_interface.access_config" | "ip_configuration.public_ip_address_id" => {
                    s.value == "present"
                }
                "subnet_ids.map_public_ip_on_launch" => true,
                _ => false,
            };
            if public {
                let subnet;
                let what = match s.name.as_str() {
                    "associate_public_ip_address" => "associate_public_ip_address = true",
                    "associatePublicIp" => "associatePublicIp: true",
                    "subnet_ids.map_public_ip_on_launch" => {
                        subnet = format!(
                            "its subnet_ids include {}, which sets map_public_ip_on_launch = true",
                            s.value
                        );
                        subnet.as_str()
                    }
                    "network_interface.access_config" => "an access_config block (an external IP)",
                    _ => "a public IP address on its NIC",
                };
                cx.report(
                    s.span,
                    format!(
                        "{} gives the host a public IP address ({what}): its kubelet and every host port are one firewall mistake away from the internet",
                        s.resource
                    ),
                );
            }
        }
        for c in &facts.managed_clusters {
            // GKE nodes get external IPs unless the cluster makes them private.
            if c.kind == "google_container_cluster" {
                match c.setting("private_cluster_config.enable_private_nodes") {
                    ClusterSetting::Absent => cx.report(
                        c.span,
                        format!(
                            "{} does not set private_cluster_config.enable_private_nodes = true: every node gets an external IP address",
                            c.resource
                        ),
                    ),
                    ClusterSetting::Set("false", f) => crate::rules::managed::report_field(
                        cx,
                        f,
                        format!(
                            "{} sets enable_private_nodes = false: every node gets an external IP address",
                            c.resource
                        ),
                    ),
                    _ => {}
                }
            }
            for path in AKS_PATHS {
                if let ClusterSetting::Set("true", f) = c.setting(path) {
                    crate::rules::managed::report_field(
                        cx,
                        f,
                        format!(
                            "{} gives every node of the pool a public IP address ({path} = true)",
                            c.resource
                        ),
                    );
                }
            }
        }
    }
}
