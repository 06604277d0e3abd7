//! Kubernetes NetworkPolicies, with `policyTypes` defaulted exactly as the API server does:
//! when `policyTypes` is absent or empty, it is `[Ingress]`, plus `Egress` when `egress` has at
//! least one rule.

use super::fields::{label_selector, port_range};
use crate::facts::kube::{KubeFacts, Meta, NetPolicy, NpPeer, NpRule, Spanned};
use crate::parse::Node;

pub fn network_policy(root: &Node, meta: Meta, kube: &mut KubeFacts) {
    let Some(spec) = root.get("spec") else { return };
    // An absent podSelector decodes as the empty selector, which selects every pod.
    let pod_selector = label_selector(spec.get("podSelector")).unwrap_or_default();
    let ingress = rules(spec.get("ingress"), "from");
    let egress = rules(spec.get("egress"), "to");
    let types: Vec<&str> = spec
        .get("policyTypes")
        .map(Node::items)
        .unwrap_or(&[])
        .iter()
        .filter_map(Node::as_str)
        .collect();
    let (ingress_type, egress_type) = if types.is_empty() {
        (true, !egress.is_empty())
    } else {
        (types.contains(&"Ingress"), types.contains(&"Egress"))
    };
    kube.net_policies.push(NetPolicy {
        meta,
        pod_selector,
        ingress_type,
        egress_type,
        ingress,
        egress,
    });
}

fn rules(node: Option<&Node>, peers_key: &str) -> Vec<NpRule> {
    node.map(Node::items)
        .unwrap_or(&[])
        .iter()
        .map(|r| {
            let ports_node = r.get("ports").map(Node::items).unwrap_or(&[]);
            NpRule {
                span: r.span,
                peers: r
                    .get(peers_key)
                    .map(Node::items)
                    .unwrap_or(&[])
                    .iter()
                    .filter_map(peer)
                    .collect(),
                ports: ports_node
                    .iter()
                    .filter_map(|p| port_range(p.get("port")?, p.get("endPort")))
                    .collect(),
                has_ports: !ports_node.is_empty(),
            }
        })
        .collect()
}

fn peer(p: &Node) -> Option<NpPeer> {
    if let Some(block) = p.get("ipBlock") {
        let cidr = block.get("cidr")?;
        return Some(NpPeer::IpBlock {
            cidr: Spanned::at(cidr.as_str()?.to_string(), cidr.span),
            except: super::fields::strings(block.get("except"))
                .into_iter()
                .map(|s| s.value)
                .collect(),
        });
    }
    Some(NpPeer::Selectors {
        pod: label_selector(p.get("podSelector")),
        namespace: label_selector(p.get("namespaceSelector")),
        span: p.span,
    })
}
