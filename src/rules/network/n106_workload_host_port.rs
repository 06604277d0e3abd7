//! N106: a container binds a port on the node.

use crate::facts::FileFacts;
use crate::facts::Located;
use crate::rules::workloads::host_rules_apply;
use crate::rules::{Cx, Rule};

pub struct WorkloadHostPort;
pub static RULE: WorkloadHostPort = WorkloadHostPort;

impl Rule for WorkloadHostPort {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for w in facts.kube.workloads.iter().filter(|w| host_rules_apply(w)) {
            // With hostNetwork every containerPort is a host port already (N105 reports it).
            if w.host_network.is_some() {
                continue;
            }
            for c in &w.containers {
                for Located {
                    value: port, span, ..
                } in &c.host_ports
                {
                    cx.report(
                        *span,
                        format!(
                            "{} container {} binds hostPort {port} on every node it runs on",
                            w.meta.display(),
                            c.name
                        ),
                    );
                }
            }
        }
    }
}
