//! N306: egress to the whole internet on every port.

use crate::cidr::is_world_source;
use crate::facts::{Direction, FileFacts};
use crate::rules::firewall::{covers_all, exposures, report};
use crate::rules::{Cx, Rule};

pub struct UnrestrictedEgress;
pub static RULE: UnrestrictedEgress = UnrestrictedEgress;

impl Rule for UnrestrictedEgress {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        let found = exposures(facts, Direction::Egress, covers_all, |p| {
            is_world_source(&p.value)
        });
        for e in found {
            let what = e.all_ports();
            let message = format!(
                "{} allows egress on {what} to {}: a compromised node or pod can reach any host",
                e.resource(),
                e.peer.value
            );
            report(cx, e.peer, message);
        }
    }
}
