//! Gateway API `Gateway` listeners and Istio `Gateway` servers.

use super::fields::strings;
use crate::facts::gateway::{Gateway, GatewayListener};
use crate::facts::kube::{KubeFacts, Meta, Spanned};
use crate::parse::Node;

fn scalar(n: Option<&Node>) -> Option<String> {
    n.and_then(Node::as_str).map(str::to_string)
}

/// A Gateway; `istio` for `networking.istio.io`.
pub fn gateway(root: &Node, meta: &Meta, istio: bool, kube: &mut KubeFacts) {
    let spec = root.get("spec");
    let list = if istio { "servers" } else { "listeners" };
    let listeners = spec
        .and_then(|s| s.get(list))
        .map(Node::items)
        .unwrap_or(&[])
        .iter()
        .map(|l| {
            let port_node = if istio { l.get("port") } else { Some(l) };
            let protocol = port_node
                .and_then(|p| p.get("protocol"))
                .and_then(|n| Some(Spanned::at(n.as_str()?.to_string(), n.span)));
            let number = if istio { "number" } else { "port" };
            GatewayListener {
                name: scalar(port_node.and_then(|p| p.get("name"))),
                port: scalar(port_node.and_then(|p| p.get(number))),
                protocol,
                tls: l.get("tls").is_some_and(|t| !t.is_null()),
                hosts: if istio {
                    strings(l.get("hosts"))
                        .into_iter()
                        .map(|s| s.value)
                        .collect()
                } else {
                    scalar(l.get("hostname")).into_iter().collect()
                },
                span: l.span,
            }
        })
        .collect();
    kube.gateways.push(Gateway {
        display: meta.display(),
        istio,
        class: scalar(spec.and_then(|s| s.get("gatewayClassName"))),
        listeners,
    });
}
