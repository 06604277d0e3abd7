//! N305: a control-plane port is open to a whole private address space (10.0.0.0/8 and the
//! like) rather than to the cluster's own security groups or subnets.

use crate::cidr::{is_trusted, is_wide_private};
use crate::facts::{Direction, FileFacts};
use crate::rules::firewall::{covers_all, exposures, is_tcp, report, rule_hits};
use crate::rules::{Cx, Rule};

pub struct ControlPlanePortOpenToWidePrivateRange;
pub static RULE: ControlPlanePortOpenToWidePrivateRange = ControlPlanePortOpenToWidePrivateRange;

/// Prefixes shorter than this are "wide": more than a typical VPC (/16).
const WIDE: u8 = 16;

impl Rule for ControlPlanePortOpenToWidePrivateRange {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        let trusted = cx.settings.trusted_cidrs.clone();
        // etcd from any CIDR is C150's; all-port rules are too broad to say "control plane".
        let found = exposures(
            facts,
            Direction::Ingress,
            |r| is_tcp(r) && !covers_all(r) && !rule_hits(cx, r, true).is_empty(),
            |p| is_wide_private(&p.value, WIDE) && !is_trusted(&p.value, &trusted),
        );
        for e in found {
            let hits = e.named_hits(cx, true);
            let message = format!(
                "{} allows {} from the wide private range {} to {}, which includes {}",
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
