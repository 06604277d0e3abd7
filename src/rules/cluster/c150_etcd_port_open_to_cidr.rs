//! C150: etcd's ports accept connections from a CIDR range instead of only the control plane
//! (`self` or the control-plane security group).

use crate::cidr::is_world_source;
use crate::facts::{Direction, FileFacts};
use crate::rules::firewall::{covers_all, exposures, is_tcp, report, ETCD};
use crate::rules::{Cx, Rule};

pub struct EtcdPortOpenToCidr;
pub static RULE: EtcdPortOpenToCidr = EtcdPortOpenToCidr;

/// A rule wider than this many ports is not about etcd (an "all from the VPC" rule).
const TARGETED: u32 = 1024;

/// Private sources narrower than a /16 may be a control-plane-only subnet (Azure NSGs and GCP
/// firewalls cannot say "self"); a /16 or wider is the whole VPC or more. Public ranges are
/// never the control plane's.
fn beyond_control_plane(cidr: &str) -> bool {
    let Ok(net) = cidr.trim().parse::<ipnet::IpNet>() else {
        return false;
    };
    let private = [
        "10.0.0.0/8",
        "172.16.0.0/12",
        "192.168.0.0/16",
        "100.64.0.0/10",
        "fc00::/7",
    ]
    .iter()
    .filter_map(|p| p.parse::<ipnet::IpNet>().ok())
    .any(|p| p.contains(&net));
    let wide = match net {
        ipnet::IpNet::V4(n) => n.prefix_len() <= 16,
        ipnet::IpNet::V6(n) => n.prefix_len() <= 48,
    };
    !private || wide
}

impl Rule for EtcdPortOpenToCidr {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        // World sources are N301/N303's; here: any other CIDR.
        let found = exposures(
            facts,
            Direction::Ingress,
            |r| {
                is_tcp(r)
                    && !covers_all(r)
                    && r.ports.overlaps(ETCD)
                    && (r.ports.to as u32 - r.ports.from as u32) < TARGETED
            },
            |p| !is_world_source(&p.value) && beyond_control_plane(&p.value),
        );
        for e in found {
            let message = format!(
                "{} allows {} from {} to {}, which includes etcd (2379-2380): etcd should accept only the control-plane nodes (self or their security group)",
                e.resource(),
                e.protocol(),
                e.peer.value,
                e.ports()
            );
            report(cx, e.peer, message);
        }
    }
}
