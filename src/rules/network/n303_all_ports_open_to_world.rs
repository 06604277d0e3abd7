//! N303: a firewall rule opens every port (or every protocol) to the whole internet.

use crate::cidr::is_world_source;
use crate::facts::{Direction, FileFacts};
use crate::rules::firewall::{covers_all, exposures, named_hits, report};
use crate::rules::{Cx, Rule};

pub struct AllPortsOpenToWorld;
pub static RULE: AllPortsOpenToWorld = AllPortsOpenToWorld;

impl Rule for AllPortsOpenToWorld {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        let found = exposures(facts, Direction::Ingress, covers_all, |p| {
            is_world_source(&p.value)
        });
        for e in found {
            let what = e.all_ports();
            let k8s = named_hits(cx, crate::facts::PortRange::ALL, false);
            let message = format!(
                "{} allows {what} from {}, including the Kubernetes ports {}",
                e.resource(),
                e.peer.value,
                k8s.join(", ")
            );
            report(cx, e.peer, message);
        }
    }
}
