//! N108: kube-proxy opens NodePorts on every address of the node.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct KubeProxyNodeportAddresses;
pub static RULE: KubeProxyNodeportAddresses = KubeProxyNodeportAddresses;

impl Rule for KubeProxyNodeportAddresses {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for k in &facts.kube.kube_proxy {
            let world = k
                .node_port_addresses
                .iter()
                .flatten()
                .find(|a| crate::cidr::is_world(&a.value));
            match (&k.node_port_addresses, world) {
                (_, Some(w)) => cx.report(
                    w.span,
                    format!(
                        "{} lists {} in nodePortAddresses: NodePort Services answer on every node address, public ones included",
                        k.meta.display(),
                        w.value
                    ),
                ),
                (None, _) => cx.report(
                    k.node_port_anchor,
                    format!(
                        "{} does not set nodePortAddresses: NodePort Services answer on every node address, public ones included",
                        k.meta.display()
                    ),
                ),
                (Some(list), None) if list.is_empty() => cx.report(
                    k.node_port_anchor,
                    format!(
                        "{} sets an empty nodePortAddresses: NodePort Services answer on every node address, public ones included",
                        k.meta.display()
                    ),
                ),
                _ => {}
            }
        }
    }
}
