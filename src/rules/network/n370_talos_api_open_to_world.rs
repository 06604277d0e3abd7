//! N370: a Talos `NetworkRuleConfig` opens the Talos API (apid, 50000) or trustd (50001) to
//! the whole internet. Kubernetes ports opened the same way are N301's.

use crate::cidr::is_world_source;
use crate::facts::{Direction, FileFacts, PortRange};
use crate::rules::firewall::{exposures, is_tcp, report};
use crate::rules::{Cx, Rule};

pub struct TalosApiOpenToWorld;
pub static RULE: TalosApiOpenToWorld = TalosApiOpenToWorld;

/// Talos's own node services (siderolabs/talos pkg/machinery/constants: ApidPort, TrustdPort).
const TALOS_PORTS: &[(u16, &str)] = &[(50000, "Talos API (apid)"), (50001, "trustd")];

/// Firewall rules lowered from Talos `NetworkRuleConfig` documents carry this resource prefix
/// (`extract::distro::talos`).
const TALOS_RULE: &str = "NetworkRuleConfig ";

fn hits(ports: PortRange) -> Vec<String> {
    TALOS_PORTS
        .iter()
        .filter(|(p, _)| ports.overlaps(PortRange { from: *p, to: *p }))
        .map(|(p, what)| format!("{p} ({what})"))
        .collect()
}

impl Rule for TalosApiOpenToWorld {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        let found = exposures(
            facts,
            Direction::Ingress,
            |r| r.resource.starts_with(TALOS_RULE) && is_tcp(r) && !hits(r.ports).is_empty(),
            |p| is_world_source(&p.value),
        );
        for e in found {
            let mut named: Vec<String> = Vec::new();
            for r in &e.rules {
                for h in hits(r.ports) {
                    if !named.contains(&h) {
                        named.push(h);
                    }
                }
            }
            let message = format!(
                "{} opens {} to {}: anyone on the internet can reach the node's management API and try its client certificates or vulnerabilities",
                e.resource(),
                named.join(", "),
                e.peer.value
            );
            report(cx, e.peer, message);
        }
    }
}
