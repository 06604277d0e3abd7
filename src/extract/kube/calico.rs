//! Calico resources (projectcalico.org/v3, and crd.projectcalico.org/v1 which has the same
//! spec): NetworkPolicy, GlobalNetworkPolicy, HostEndpoint, FelixConfiguration,
//! KubeControllersConfiguration.

use super::fields::{port_range, strings};
use crate::facts::kube::{
    CalicoEnd, CalicoPolicy, CalicoRule, FailsafePort, FelixConfig, HostEndpoint,
    KubeControllersConfig, KubeFacts, Meta, Spanned,
};
use crate::parse::Node;

pub fn extract(root: &Node, meta: Meta, kube: &mut KubeFacts) {
    let spec = root.get("spec");
    match meta.kind.as_str() {
        "NetworkPolicy" | "GlobalNetworkPolicy" => {
            if let Some(spec) = spec {
                policy(spec, meta, kube)
            }
        }
        "HostEndpoint" => kube.host_endpoints.push(HostEndpoint { meta }),
        "FelixConfiguration" => {
            let failsafe = spec.and_then(|s| s.get("failsafeInboundHostPorts"));
            kube.felix_configs.push(FelixConfig {
                failsafe_inbound: failsafe
                    .map(|f| f.items().iter().filter_map(failsafe_port).collect()),
                anchor: crate::extract::nodes::key_span(root, "spec").unwrap_or(meta.kind_span),
                meta,
            });
        }
        "KubeControllersConfiguration" => {
            let auto =
                spec.and_then(|s| s.path(&["controllers", "node", "hostEndpoint", "autoCreate"]));
            kube.kube_controllers.push(KubeControllersConfig {
                auto_create: auto.and_then(|a| Some(Spanned::at(a.as_str()?.to_string(), a.span))),
                meta,
            });
        }
        _ => {}
    }
}

fn failsafe_port(n: &Node) -> Option<FailsafePort> {
    let port = n.get("port")?;
    Some(FailsafePort {
        protocol: n.get_str("protocol").unwrap_or("tcp").to_ascii_lowercase(),
        port: u16::try_from(port.as_int()?).ok()?,
        net: n
            .get_str("net")
            .map(str::to_string)
            .filter(|s| !s.is_empty()),
        span: port.span,
    })
}

/// Calico's `types` default: Ingress when there are ingress rules or no rules at all, Egress
/// when there are egress rules.
fn policy(spec: &Node, meta: Meta, kube: &mut KubeFacts) {
    let ingress = rules(spec.get("ingress"));
    let egress = rules(spec.get("egress"));
    let types: Vec<&str> = spec
        .get("types")
        .map(Node::items)
        .unwrap_or(&[])
        .iter()
        .filter_map(Node::as_str)
        .collect();
    let (ingress_type, egress_type) = if types.is_empty() {
        (!ingress.is_empty() || egress.is_empty(), !egress.is_empty())
    } else {
        (types.contains(&"Ingress"), types.contains(&"Egress"))
    };
    let host_only = ["doNotTrack", "preDNAT", "applyOnForward"]
        .iter()
        .any(|k| spec.get(k).and_then(Node::as_bool) == Some(true));
    kube.calico_policies.push(CalicoPolicy {
        global: meta.kind == "GlobalNetworkPolicy",
        selector: spec
            .get("selector")
            .and_then(|s| Some(Spanned::at(s.as_str()?.trim().to_string(), s.span))),
        namespace_selector: spec
            .get_str("namespaceSelector")
            .map(|s| s.trim().to_string()),
        ingress_type,
        egress_type,
        ingress,
        egress,
        host_only,
        meta,
    });
}

fn rules(node: Option<&Node>) -> Vec<CalicoRule> {
    node.map(Node::items)
        .unwrap_or(&[])
        .iter()
        .map(|r| CalicoRule {
            action: r.get_str("action").unwrap_or("").to_string(),
            protocol: r
                .get("protocol")
                .and_then(|p| p.as_str().map(str::to_ascii_lowercase)),
            other: ["icmp", "notICMP", "http", "notProtocol"]
                .iter()
                .any(|k| r.get(k).is_some()),
            source: end(r.get("source")),
            destination: end(r.get("destination")),
            span: r.span,
        })
        .collect()
}

fn end(node: Option<&Node>) -> CalicoEnd {
    let Some(n) = node else {
        return CalicoEnd::default();
    };
    let ports = n
        .get("ports")
        .map(Node::items)
        .unwrap_or(&[])
        .iter()
        .filter_map(|p| port_range(p, None))
        .collect();
    let named_ports = n
        .get("ports")
        .map(Node::items)
        .unwrap_or(&[])
        .iter()
        .any(|p| port_range(p, None).is_none());
    CalicoEnd {
        nets: strings(n.get("nets")),
        not_nets: strings(n.get("notNets"))
            .into_iter()
            .map(|s| s.value)
            .collect(),
        selector: n.get_str("selector").map(|s| s.trim().to_string()),
        namespace_selector: n.get_str("namespaceSelector").map(|s| s.trim().to_string()),
        ports,
        other: named_ports
            || [
                "notNets",
                "notSelector",
                "notPorts",
                "serviceAccounts",
                "services",
                "domains",
            ]
            .iter()
            .any(|k| n.get(k).is_some()),
    }
}
