//! N301: a firewall rule opens a Kubernetes control-plane or node port to the whole internet.

use crate::cidr::is_world_source;
use crate::facts::{Direction, FileFacts};
use crate::rules::firewall::{covers_all, exposures, is_tcp, report, rule_hits};
use crate::rules::{Cx, Rule};

pub use crate::rules::firewall::CONTROL_PLANE_PORTS;

pub struct ControlPlanePortOpenToWorld;
pub static RULE: ControlPlanePortOpenToWorld = ControlPlanePortOpenToWorld;

impl Rule for ControlPlanePortOpenToWorld {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        // All-port rules are N303's: one finding per source, not one per port.
        let found = exposures(
            facts,
            Direction::Ingress,
            |r| is_tcp(r) && !covers_all(r) && !rule_hits(cx, r, false).is_empty(),
            |p| is_world_source(&p.value),
        );
        for e in found {
            let hits = e.named_hits(cx, false);
            let message = format!(
                "{} allows {} from {} to {}, which includes {}",
                e.resource(),
                e.protocol(),
                e.peer.value,
                e.ports(),
                hits.join(", ")
            );
            report(cx, e.peer, message);
        }
    }
}
