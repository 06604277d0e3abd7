//! N201: a network policy lets pods reach the cloud metadata service.

use crate::facts::kube::NpPeer;
use crate::facts::{FileFacts, PortRange};
use crate::rules::{Cx, Rule};
use ipnet::IpNet;
use std::net::IpAddr;

pub struct NetpolEgressMetadata;
pub static RULE: NetpolEgressMetadata = NetpolEgressMetadata;

const METADATA: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(169, 254, 169, 254));

/// Whether `cidr` contains the metadata address and no `except` entry removes it.
fn reaches_metadata(cidr: &str, except: &[String]) -> bool {
    let contains = |c: &str| {
        c.trim()
            .parse::<IpNet>()
            .is_ok_and(|n| n.contains(&METADATA))
            || c.trim().parse::<IpAddr>().is_ok_and(|a| a == METADATA)
    };
    contains(cidr) && !except.iter().any(|e| contains(e))
}

/// Ports of a rule that include HTTP (80), the metadata service's port; no ports is all ports.
fn includes_http(ports: &[PortRange], has_ports: bool) -> bool {
    !has_ports
        || ports
            .iter()
            .any(|p| p.overlaps(PortRange { from: 80, to: 80 }))
}

const WHY: &str =
    "pods can fetch the node's cloud credentials from 169.254.169.254; add it to `except`";

impl Rule for NetpolEgressMetadata {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        let k = &facts.kube;
        for p in k.net_policies.iter().filter(|p| p.egress_type) {
            for r in p
                .egress
                .iter()
                .filter(|r| includes_http(&r.ports, r.has_ports))
            {
                for peer in &r.peers {
                    if let NpPeer::IpBlock { cidr, except } = peer {
                        if reaches_metadata(&cidr.value, except) {
                            cx.report(
                                cidr.span,
                                format!(
                                    "{} allows egress to {}: {WHY}",
                                    p.meta.display(),
                                    cidr.value
                                ),
                            );
                        }
                    }
                }
            }
        }
        for p in k.calico_policies.iter().filter(|p| p.egress_type) {
            for r in p.egress.iter().filter(|r| r.action == "Allow") {
                let d = &r.destination;
                if !includes_http(&d.ports, !d.ports.is_empty()) || d.selector.is_some() {
                    continue;
                }
                for net in d
                    .nets
                    .iter()
                    .filter(|n| reaches_metadata(&n.value, &d.not_nets))
                {
                    cx.report(
                        net.span,
                        format!(
                            "{} allows egress to {}: {WHY} (notNets)",
                            p.meta.display(),
                            net.value
                        ),
                    );
                }
            }
        }
        for p in &k.cilium_policies {
            for r in p
                .egress
                .iter()
                .filter(|r| includes_http(&r.ports, !r.ports.is_empty()))
            {
                let plain = r.cidrs.iter().map(|c| (c, &[][..]));
                let with = r.cidrs_with_except.iter().map(|(c, e)| (c, e.as_slice()));
                for (c, except) in plain.chain(with) {
                    if reaches_metadata(&c.value, except) {
                        cx.report(
                            c.span,
                            format!(
                                "{} allows egress to {}: {WHY} (toCIDRSet except)",
                                p.meta.display(),
                                c.value
                            ),
                        );
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn metadata() {
        assert!(super::reaches_metadata("0.0.0.0/0", &[]));
        assert!(super::reaches_metadata(
            "169.254.0.0/16",
            &["10.0.0.0/8".into()]
        ));
        assert!(!super::reaches_metadata(
            "0.0.0.0/0",
            &["169.254.169.254/32".into()]
        ));
        assert!(!super::reaches_metadata("10.0.0.0/8", &[]));
        assert!(!super::reaches_metadata("::/0", &[]));
    }
}
