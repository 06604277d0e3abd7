//! N105: a workload shares the node's network namespace.

use crate::facts::FileFacts;
use crate::rules::workloads::host_rules_apply;
use crate::rules::{Cx, Rule};

pub struct WorkloadHostNetwork;
pub static RULE: WorkloadHostNetwork = WorkloadHostNetwork;

impl Rule for WorkloadHostNetwork {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for w in facts.kube.workloads.iter().filter(|w| host_rules_apply(w)) {
            if let Some(span) = w.host_network {
                cx.report(
                    span,
                    format!(
                        "{} sets hostNetwork: true: its pods listen on the node's addresses, outside network policy and the Service/Ingress path",
                        w.meta.display()
                    ),
                );
            }
        }
    }
}
