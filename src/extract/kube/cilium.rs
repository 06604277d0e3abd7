//! Cilium policies (`CiliumNetworkPolicy`, `CiliumClusterwideNetworkPolicy`, each `spec` and
//! `specs[]` entry) and the agent's `cilium-config` ConfigMap.

use super::fields::{label_selector, port_range, strings};
use crate::facts::kube::{CiliumConfig, CiliumPolicy, CiliumRule, KubeFacts, Meta, Spanned};
use crate::parse::Node;

pub fn extract(root: &Node, meta: Meta, kube: &mut KubeFacts) {
    let clusterwide = match meta.kind.as_str() {
        "CiliumNetworkPolicy" => false,
        "CiliumClusterwideNetworkPolicy" => true,
        _ => return,
    };
    let specs = root
        .get("spec")
        .into_iter()
        .chain(root.get("specs").map(Node::items).unwrap_or(&[]));
    for spec in specs {
        let section = |a: &str, b: &str| spec.get(a).is_some() || spec.get(b).is_some();
        let dd = |k: &str| spec.path(&["enableDefaultDeny", k]).and_then(Node::as_bool);
        let mut ingress = rules(spec.get("ingress"), "from");
        ingress.extend(
            rules(spec.get("ingressDeny"), "from")
                .into_iter()
                .map(|mut r| {
                    // Deny rules allow nothing: keep them only as evidence of the section.
                    r.entities.clear();
                    r.cidrs.clear();
                    r.cidrs_with_except.clear();
                    r.other_peers = true;
                    r
                }),
        );
        let egress = rules(spec.get("egress"), "to");
        kube.cilium_policies.push(CiliumPolicy {
            meta: meta.clone(),
            clusterwide,
            endpoint_selector: label_selector(spec.get("endpointSelector")),
            node_selector: label_selector(spec.get("nodeSelector")),
            has_ingress: section("ingress", "ingressDeny"),
            has_egress: section("egress", "egressDeny"),
            default_deny_ingress: dd("ingress"),
            default_deny_egress: dd("egress"),
            ingress,
            egress,
        });
    }
}

fn rules(node: Option<&Node>, dir: &str) -> Vec<CiliumRule> {
    let key = |s: &str| format!("{dir}{s}");
    node.map(Node::items)
        .unwrap_or(&[])
        .iter()
        .map(|r| {
            let mut rule = CiliumRule {
                span: r.span,
                entities: strings(r.get(&key("Entities"))),
                cidrs: strings(r.get(&key("CIDR"))),
                ..CiliumRule::default()
            };
            for set in r.get(&key("CIDRSet")).map(Node::items).unwrap_or(&[]) {
                let Some(c) = set.get("cidr") else {
                    rule.other_peers = true;
                    continue;
                };
                let Some(value) = c.as_str() else { continue };
                let cidr = Spanned::at(value.to_string(), c.span);
                let except: Vec<String> = strings(set.get("except"))
                    .into_iter()
                    .map(|s| s.value)
                    .collect();
                if except.is_empty() {
                    rule.cidrs.push(cidr);
                } else {
                    rule.cidrs_with_except.push((cidr, except));
                }
            }
            rule.other_peers |= [
                "Endpoints",
                "Requires",
                "Services",
                "FQDNs",
                "Groups",
                "Nodes",
            ]
            .iter()
            .any(|s| r.get(&key(s)).is_some());
            for tp in r.get("toPorts").map(Node::items).unwrap_or(&[]) {
                for p in tp.get("ports").map(Node::items).unwrap_or(&[]) {
                    if let Some(range) = p.get("port").and_then(|n| port_range(n, p.get("endPort")))
                    {
                        rule.ports.push(range);
                    }
                }
            }
            rule
        })
        .collect()
}

pub fn config(root: &Node, meta: Meta, kube: &mut KubeFacts) {
    let data = root.get("data");
    let get = |k: &str| {
        data.and_then(|d| d.get(k))
            .and_then(|v| Some(Spanned::at(v.as_str()?.trim().to_string(), v.span)))
    };
    kube.cilium_configs.push(CiliumConfig {
        host_firewall: get("enable-host-firewall"),
        enable_policy: get("enable-policy"),
        policy_audit_mode: get("policy-audit-mode"),
        meta,
    });
}
