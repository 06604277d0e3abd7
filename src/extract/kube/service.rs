//! Services and Ingresses: how workloads are exposed.

use super::fields::strings;
use crate::facts::kube::{Ingress, KubeFacts, Meta, Service, Spanned};
use crate::parse::Node;

pub fn service(root: &Node, meta: Meta, kube: &mut KubeFacts) {
    let spec = root.get("spec");
    let get = |k: &str| spec.and_then(|s| s.get(k));
    let mut node_ports = Vec::new();
    let mut ports = Vec::new();
    for p in get("ports").map(Node::items).unwrap_or(&[]) {
        if let Some(n) = p.get("nodePort") {
            if let Some(v) = n.as_int().and_then(|v| u16::try_from(v).ok()) {
                node_ports.push(crate::facts::Located::at(v, n.span));
            }
        }
        if let Some(port) = p.get("port").and_then(Node::as_str) {
            ports.push(format!("{port}/{}", p.get_str("protocol").unwrap_or("TCP")));
        }
    }
    kube.services.push(Service {
        service_type: get("type").and_then(|t| Some(Spanned::at(t.as_str()?.to_string(), t.span))),
        source_ranges: strings(get("loadBalancerSourceRanges")),
        external_ips: strings(get("externalIPs")),
        node_ports,
        ports,
        meta,
    });
}

pub fn ingress(root: &Node, meta: Meta, kube: &mut KubeFacts) {
    let spec = root.get("spec");
    let has_tls = spec
        .and_then(|s| s.get("tls"))
        .is_some_and(|t| !t.items().is_empty());
    let anchor = spec
        .and_then(|s| crate::extract::nodes::key_span(s, "rules"))
        .or_else(|| crate::extract::nodes::key_span(root, "spec"))
        .unwrap_or(meta.kind_span);
    let hosts = spec
        .and_then(|s| s.get("rules"))
        .map(Node::items)
        .unwrap_or(&[])
        .iter()
        .filter_map(|r| r.get_str("host").map(str::to_string))
        .collect();
    kube.ingresses.push(Ingress {
        meta,
        has_tls,
        anchor,
        hosts,
    });
}
