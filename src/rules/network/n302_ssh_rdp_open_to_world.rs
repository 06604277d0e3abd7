//! N302: SSH or RDP open to the whole internet on a firewall rule.

use crate::cidr::is_world_source;
use crate::facts::{Direction, FileFacts, PortRange};
use crate::rules::firewall::{covers_all, exposures, is_tcp, report};
use crate::rules::{Cx, Rule};

pub struct SshRdpOpenToWorld;
pub static RULE: SshRdpOpenToWorld = SshRdpOpenToWorld;

const PORTS: &[(u16, &str)] = &[(22, "SSH"), (3389, "RDP")];

fn hits(r: PortRange) -> Vec<String> {
    PORTS
        .iter()
        .filter(|(p, _)| r.overlaps(PortRange { from: *p, to: *p }))
        .map(|(p, what)| format!("{p} ({what})"))
        .collect()
}

impl Rule for SshRdpOpenToWorld {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        let found = exposures(
            facts,
            Direction::Ingress,
            |r| is_tcp(r) && !covers_all(r) && !hits(r.ports).is_empty(),
            |p| is_world_source(&p.value),
        );
        for e in found {
            let mut all: Vec<String> = e.rules.iter().flat_map(|r| hits(r.ports)).collect();
            all.dedup();
            let message = format!(
                "{} allows {} from {} to {}, which includes {}",
                e.resource(),
                e.protocol(),
                e.peer.value,
                e.ports(),
                all.join(", ")
            );
            report(cx, e.peer, message);
        }
    }
}
