//! H303: a Calico or Cilium policy admits the whole internet to control-plane or SSH ports.

use crate::facts::kube::CalicoEnd;
use crate::facts::{FileFacts, PortRange};
use crate::rules::{Cx, Rule};

pub struct HostPolicyOpensControlPlane;
pub static RULE: HostPolicyOpensControlPlane = HostPolicyOpensControlPlane;

const PORTS: &[(u16, u16, &str)] = &[
    (22, 22, "SSH"),
    (2379, 2380, "etcd"),
    (6443, 6443, "kube-apiserver"),
    (10250, 10250, "kubelet API"),
    (10257, 10257, "kube-controller-manager"),
    (10259, 10259, "kube-scheduler"),
];

fn hits(ports: &[PortRange], extra: &[(PortRange, String)]) -> Vec<String> {
    PORTS
        .iter()
        .map(|(f, t, w)| (PortRange { from: *f, to: *t }, w.to_string()))
        .chain(extra.iter().cloned())
        .filter(|(r, _)| ports.iter().any(|p| p.overlaps(*r)))
        .map(|(r, w)| {
            if r.from == r.to {
                format!("{} ({w})", r.from)
            } else {
                format!("{}-{} ({w})", r.from, r.to)
            }
        })
        .collect()
}

/// A source that admits everyone: no constraint, or world nets only.
fn world_source(s: &CalicoEnd) -> Option<String> {
    if s.selector.is_some() || s.namespace_selector.is_some() || s.other {
        return None;
    }
    if s.nets.is_empty() {
        return Some("any source".into());
    }
    s.nets
        .iter()
        .find(|n| crate::cidr::is_world(&n.value))
        .map(|n| n.value.clone())
}

impl Rule for HostPolicyOpensControlPlane {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        let extra = &cx.settings.sensitive_ports;
        let mut out = Vec::new();
        // Only GlobalNetworkPolicies can select host endpoints.
        for p in facts
            .kube
            .calico_policies
            .iter()
            .filter(|p| p.global && p.ingress_type)
        {
            for r in p.ingress.iter().filter(|r| r.action == "Allow") {
                // Without ports the rule is allow-all, which N402 reports.
                if r.destination.ports.is_empty() || r.destination.selector.is_some() {
                    continue;
                }
                if matches!(r.protocol.as_deref(), Some(p) if p != "tcp" && p != "6") {
                    continue;
                }
                let Some(src) = world_source(&r.source) else {
                    continue;
                };
                let h = hits(&r.destination.ports, extra);
                if !h.is_empty() {
                    out.push((
                        r.span,
                        format!("{} allows {src} to {}", p.meta.display(), h.join(", ")),
                    ));
                }
            }
        }
        for p in facts
            .kube
            .cilium_policies
            .iter()
            .filter(|p| p.node_selector.is_some())
        {
            for r in &p.ingress {
                let world = r
                    .entities
                    .iter()
                    .find(|e| matches!(e.value.as_str(), "world" | "all"))
                    .or_else(|| r.cidrs.iter().find(|c| crate::cidr::is_world(&c.value)));
                // A rule with ports and no peers admits every source on those ports.
                let (span, from) = match world {
                    Some(w) => (w.span, w.value.clone()),
                    None if r.no_peers() && !r.ports.is_empty() => (r.span, "any source".into()),
                    None => continue,
                };
                let h = hits(&r.ports, extra);
                if !h.is_empty() {
                    out.push((
                        span,
                        format!(
                            "host policy {} allows {from} to {}",
                            p.meta.display(),
                            h.join(", ")
                        ),
                    ));
                }
            }
        }
        for (span, msg) in out {
            cx.report(span, msg);
        }
    }
}
