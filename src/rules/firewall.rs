//! Shared logic of the firewall rules (N3, C150): which rules expose which ports to whom,
//! grouped so one source CIDR gets one finding per rule however many port entries hit it.

use crate::facts::{Direction, FileFacts, FirewallRule, Peer, PortRange};
use crate::rules::Cx;

/// Kubernetes control-plane and node ports and what listens there.
pub const CONTROL_PLANE_PORTS: &[(u16, u16, &str)] = &[
    (6443, 6443, "kube-apiserver"),
    (2379, 2380, "etcd"),
    (10250, 10250, "kubelet API"),
    (10255, 10255, "kubelet read-only API"),
    (10257, 10257, "kube-controller-manager"),
    (10259, 10259, "kube-scheduler"),
];

pub const ETCD: PortRange = PortRange {
    from: 2379,
    to: 2380,
};
pub const NODEPORTS: PortRange = PortRange {
    from: 30000,
    to: 32767,
};

/// Protocols that carry the Kubernetes ports.
pub fn is_tcp(rule: &FirewallRule) -> bool {
    matches!(rule.protocol.as_str(), "tcp" | "all")
}

/// A rule that opens every port (protocol all, or a TCP/UDP range over (nearly) all ports):
/// reported once by N303/N306 instead of once per sensitive port.
pub fn covers_all(rule: &FirewallRule) -> bool {
    match rule.protocol.as_str() {
        "all" => true,
        // Port-less protocols (ICMP, GRE, ESP, ...) reach no TCP or UDP port.
        "tcp" | "udp" | "sctp" => rule.ports.from <= 1 && rule.ports.to == 65535,
        _ => false,
    }
}

/// The named sensitive ports a range overlaps, as `6443 (kube-apiserver)`.
/// [`named_hits`] of a rule, plus the Kubernetes API on the rule's own API port (kOps: 443).
pub fn rule_hits(cx: &Cx, rule: &FirewallRule, skip_etcd: bool) -> Vec<String> {
    let mut hits = named_hits(cx, rule.ports, skip_etcd);
    if let Some(p) = rule
        .api_port
        .filter(|p| rule.ports.from <= *p && *p <= rule.ports.to)
    {
        let hit = format!("{p} (kube-apiserver)");
        if !hits.contains(&hit) {
            hits.insert(0, hit);
        }
    }
    hits
}

pub fn named_hits(cx: &Cx, ports: PortRange, skip_etcd: bool) -> Vec<String> {
    CONTROL_PLANE_PORTS
        .iter()
        .map(|(f, t, what)| (PortRange { from: *f, to: *t }, what.to_string()))
        .chain(
            cx.settings
                .sensitive_ports
                .iter()
                .map(|(r, w)| (*r, w.clone())),
        )
        .filter(|(r, _)| r.overlaps(ports) && !(skip_etcd && *r == ETCD))
        .map(|(r, what)| format!("{} ({what})", short(r)))
        .collect()
}

pub fn short(r: PortRange) -> String {
    if r.from == r.to {
        r.from.to_string()
    } else {
        format!("{}-{}", r.from, r.to)
    }
}

/// One source of one resource, with every rule entry that lets it in.
pub struct Exposure<'a> {
    pub peer: &'a Peer,
    pub rules: Vec<&'a FirewallRule>,
}

impl Exposure<'_> {
    pub fn resource(&self) -> &str {
        self.rules
            .first()
            .map(|r| r.resource.as_str())
            .unwrap_or("")
    }

    pub fn protocol(&self) -> &str {
        self.rules
            .first()
            .map(|r| r.protocol.as_str())
            .unwrap_or("")
    }

    /// The named sensitive ports its rules open, each once, in rule order.
    pub fn named_hits(&self, cx: &Cx, skip_etcd: bool) -> Vec<String> {
        let mut hits: Vec<String> = Vec::new();
        for r in &self.rules {
            for h in rule_hits(cx, r, skip_etcd) {
                if !hits.contains(&h) {
                    hits.push(h);
                }
            }
        }
        hits
    }

    /// What an every-port rule opens, for messages: `every protocol and port`, or `tcp ports 0-65535`.
    pub fn all_ports(&self) -> String {
        if self.protocol() == "all" {
            "every protocol and port".to_string()
        } else {
            format!("{} {}", self.protocol(), self.ports())
        }
    }

    /// The opened ports, joined for messages (`port 6443, ports 2379-2380`).
    pub fn ports(&self) -> String {
        let mut seen: Vec<String> = Vec::new();
        for r in &self.rules {
            let s = r.ports.to_string();
            if !seen.contains(&s) {
                seen.push(s);
            }
        }
        seen.join(", ")
    }
}

/// Rules in `direction` whose peer satisfies `peer_ok` and which satisfy `rule_ok`, grouped
/// by (resource, peer place, peer text).
pub fn exposures<'a>(
    facts: &'a FileFacts,
    direction: Direction,
    rule_ok: impl Fn(&FirewallRule) -> bool,
    peer_ok: impl Fn(&Peer) -> bool,
) -> Vec<Exposure<'a>> {
    let mut out: Vec<Exposure<'a>> = Vec::new();
    for rule in facts
        .firewall_rules
        .iter()
        .filter(|r| r.direction == direction && rule_ok(r))
    {
        for peer in rule.peers.iter().filter(|p| peer_ok(p)) {
            match out.iter_mut().find(|e| {
                e.peer.span == peer.span
                    && e.peer.value == peer.value
                    && e.resource() == rule.resource
            }) {
                Some(e) => e.rules.push(rule),
                None => out.push(Exposure {
                    peer,
                    rules: vec![rule],
                }),
            }
        }
    }
    out
}

/// Reports at the peer, with the place the value came from as related location.
pub fn report(cx: &mut Cx, peer: &Peer, message: String) {
    let related = peer
        .origin()
        .iter()
        .map(|o| o.related(&peer.value))
        .collect();
    cx.report_related(peer.span, message, related);
}
