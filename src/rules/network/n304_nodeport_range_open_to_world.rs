//! N304: the Kubernetes NodePort range is open to the whole internet.

use crate::cidr::is_world_source;
use crate::facts::{Direction, FileFacts};
use crate::rules::firewall::{covers_all, exposures, report, NODEPORTS};
use crate::rules::{Cx, Rule};

pub struct NodeportRangeOpenToWorld;
pub static RULE: NodeportRangeOpenToWorld = NodeportRangeOpenToWorld;

impl Rule for NodeportRangeOpenToWorld {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        let found = exposures(
            facts,
            Direction::Ingress,
            |r| {
                matches!(r.protocol.as_str(), "tcp" | "udp" | "all")
                    && !covers_all(r)
                    && r.ports.overlaps(NODEPORTS)
            },
            |p| is_world_source(&p.value),
        );
        for e in found {
            let message = format!(
                "{} allows {} from {} to {}, inside the NodePort range 30000-32767: every NodePort Service becomes reachable from the internet",
                e.resource(),
                e.protocol(),
                e.peer.value,
                e.ports()
            );
            report(cx, e.peer, message);
        }
    }
}
