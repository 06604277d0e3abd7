//! H212: a workload shares the node's IPC namespace.

use crate::facts::FileFacts;
use crate::rules::workloads::host_rules_apply;
use crate::rules::{Cx, Rule};

pub struct WorkloadHostIpc;
pub static RULE: WorkloadHostIpc = WorkloadHostIpc;

impl Rule for WorkloadHostIpc {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for w in facts.kube.workloads.iter().filter(|w| host_rules_apply(w)) {
            if let Some(span) = w.host_ipc {
                cx.report(
                    span,
                    format!(
                        "{} sets hostIPC: true: its containers share shared memory and semaphores with every process of the node",
                        w.meta.display()
                    ),
                );
            }
        }
    }
}
