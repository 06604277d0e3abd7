//! H211: a workload shares the node's process namespace.

use crate::facts::FileFacts;
use crate::rules::workloads::host_rules_apply;
use crate::rules::{Cx, Rule};

pub struct WorkloadHostPid;
pub static RULE: WorkloadHostPid = WorkloadHostPid;

impl Rule for WorkloadHostPid {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for w in facts.kube.workloads.iter().filter(|w| host_rules_apply(w)) {
            if let Some(span) = w.host_pid {
                cx.report(
                    span,
                    format!(
                        "{} sets hostPID: true: its containers see every process of the node and can read their environment and memory",
                        w.meta.display()
                    ),
                );
            }
        }
    }
}
