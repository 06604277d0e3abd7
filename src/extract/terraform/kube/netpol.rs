//! `kubernetes_network_policy(_v1)`: `spec { pod_selector {}, policy_types, ingress { from {
//! ip_block { cidr, except } namespace_selector {} pod_selector {} } ports { port, end_port } }
//! egress { to { ... } ports { ... } } }`. The provider requires `policy_types`, so the API
//! server's defaulting never applies; a policy whose types are not known is left out. A peer
//! that is not known becomes an opaque peer (it admits some sources, never everyone), and
//! ports that are not known count as ports written.

use super::read::{block, scalar, selector, strings, unknown_dynamic};
use crate::extract::terraform::resource::{Obj, Res};
use crate::facts::kube::{KubeFacts, LabelSelector, Meta, NetPolicy, NpPeer, NpRule};
use crate::facts::PortRange;
use crate::source::Span;

pub fn network_policy(res: &mut Res, meta: Meta, kube: &mut KubeFacts) {
    let Some((spec, spec_span)) = block(res.root(), "spec") else {
        return;
    };
    let Some(types) = strings(res, spec, "policy_types") else {
        return;
    };
    let pod_selector = match block(spec, "pod_selector") {
        Some((s, span)) => selector(res, s, span),
        // Required by the provider; without it nothing is known about what is selected.
        None => opaque_selector(spec_span),
    };
    let ingress = rules(res, spec, "ingress", "from");
    let egress = rules(res, spec, "egress", "to");
    let has = |t: &str| types.iter().any(|x| x.value == t);
    kube.net_policies.push(NetPolicy {
        ingress_type: has("Ingress"),
        egress_type: has("Egress"),
        meta,
        pod_selector,
        ingress,
        egress,
    });
}

fn opaque_selector(span: Span) -> LabelSelector {
    LabelSelector {
        span,
        unknown: true,
        ..LabelSelector::default()
    }
}

fn opaque(span: Span) -> NpPeer {
    NpPeer::Selectors {
        pod: Some(opaque_selector(span)),
        namespace: None,
        span,
    }
}

fn rules(res: &mut Res, spec: Obj, ident: &str, peers_key: &str) -> Vec<NpRule> {
    let mut out = Vec::new();
    res.blocks(spec, ident, |res, r, _, span| {
        let mut peers = Vec::new();
        if unknown_dynamic(res, r, peers_key) {
            peers.push(opaque(span));
        }
        res.blocks(r, peers_key, |res, p, _, pspan| {
            peers.push(peer(res, p, pspan));
        });
        let mut ports = Vec::new();
        let mut has_ports = unknown_dynamic(res, r, "ports");
        res.blocks(r, "ports", |res, p, _, _| {
            has_ports = true;
            let from = res.val(p, "port").and_then(|(v, _)| v.as_num());
            let to = res.val(p, "end_port").and_then(|(v, _)| v.as_num());
            if let Some(from) = from.filter(|n| (0.0..=65535.0).contains(n)) {
                let to = to.filter(|n| (0.0..=65535.0).contains(n)).unwrap_or(from);
                ports.push(PortRange {
                    from: from as u16,
                    to: to.max(from) as u16,
                });
            }
        });
        out.push(NpRule {
            span,
            peers,
            ports,
            has_ports,
        });
    });
    out
}

fn peer(res: &mut Res, p: Obj, span: Span) -> NpPeer {
    if let Some((ip, ip_span)) = block(p, "ip_block") {
        let cidr = scalar(res, ip, "cidr");
        let except = strings(res, ip, "except");
        return match (cidr, except) {
            (Some(cidr), Some(except)) => NpPeer::IpBlock {
                cidr,
                except: except.into_iter().map(|e| e.value).collect(),
            },
            _ => opaque(ip_span),
        };
    }
    let pod = block(p, "pod_selector").map(|(s, sp)| selector(res, s, sp));
    let namespace = block(p, "namespace_selector").map(|(s, sp)| selector(res, s, sp));
    if pod.is_none() && namespace.is_none() {
        // A `dynamic` selector or an empty peer: not something we can judge.
        return opaque(span);
    }
    NpPeer::Selectors {
        pod,
        namespace,
        span,
    }
}
