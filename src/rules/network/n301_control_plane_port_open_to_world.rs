//! N301: a firewall rule opens a Kubernetes control-plane port to the whole internet.

use crate::facts::{Direction, FileFacts, PortRange};
use crate::rules::{Cx, Rule};

pub struct ControlPlanePortOpenToWorld;
pub static RULE: ControlPlanePortOpenToWorld = ControlPlanePortOpenToWorld;

/// Kubernetes control-plane and node ports and what listens there.
pub const CONTROL_PLANE_PORTS: &[(u16, u16, &str)] = &[
    (6443, 6443, "kube-apiserver"),
    (2379, 2380, "etcd"),
    (10250, 10250, "kubelet API"),
    (10257, 10257, "kube-controller-manager"),
    (10259, 10259, "kube-scheduler"),
];

impl Rule for ControlPlanePortOpenToWorld {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        let extra = &cx.settings.sensitive_ports;
        for rule in &facts.firewall_rules {
            if rule.direction != Direction::Ingress || !matches!(rule.protocol.as_str(), "tcp" | "all") {
                continue;
            }
            let hit: Vec<String> = CONTROL_PLANE_PORTS
                .iter()
                .map(|(f, t, what)| (PortRange { from: *f, to: *t }, what.to_string()))
                .chain(extra.iter().map(|(r, what)| (*r, what.clone())))
                .filter(|(r, _)| r.overlaps(rule.ports))
                .map(|(r, what)| format!("{} ({what})", short(r)))
                .collect();
            if hit.is_empty() {
                continue;
            }
            for peer in rule.peers.iter().filter(|p| crate::cidr::is_world(&p.cidr)) {
                cx.report(
                    peer.span,
                    format!(
                        "{} allows {} from {} to {}, which includes {}",
                        rule.resource,
                        rule.protocol,
                        peer.cidr,
                        rule.ports,
                        hit.join(", ")
                    ),
                );
            }
        }
    }
}

fn short(r: PortRange) -> String {
    if r.from == r.to {
        r.from.to_string()
    } else {
        format!("{}-{}", r.from, r.to)
    }
}
