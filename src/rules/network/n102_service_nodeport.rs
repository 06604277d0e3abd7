//! N102: a NodePort Service opens a port on every node.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct ServiceNodeport;
pub static RULE: ServiceNodeport = ServiceNodeport;

impl Rule for ServiceNodeport {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for s in &facts.kube.services {
            let Some(t) = s.service_type.as_ref().filter(|t| t.value == "NodePort") else {
                continue;
            };
            let ports: Vec<String> = s.node_ports.iter().map(|p| p.value.to_string()).collect();
            cx.report(
                t.span,
                format!(
                    "{} is a NodePort Service: it listens on {} of every node, bypassing the load balancer and its source ranges",
                    s.meta.display(),
                    if ports.is_empty() {
                        "an allocated port (30000-32767)".to_string()
                    } else {
                        format!("port {}", ports.join(", "))
                    }
                ),
            );
        }
    }
}
