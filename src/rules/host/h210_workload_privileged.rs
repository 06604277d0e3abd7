//! H210: a workload runs a privileged container, or a Windows HostProcess container (which
//! runs as a process on the node, with the node's network, file system and accounts).

use crate::facts::FileFacts;
use crate::rules::workloads::host_rules_apply;
use crate::rules::{Cx, Rule};

pub struct WorkloadPrivileged;
pub static RULE: WorkloadPrivileged = WorkloadPrivileged;

impl Rule for WorkloadPrivileged {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for w in facts.kube.workloads.iter().filter(|w| host_rules_apply(w)) {
            if let Some(span) = w.host_process {
                cx.report(
                    span,
                    format!(
                        "{} runs as Windows HostProcess containers (pod securityContext.windowsOptions.hostProcess: true): its containers are processes on the node, with the node's file system, network and accounts, as privileged as it gets",
                        w.meta.display()
                    ),
                );
            }
            for c in &w.containers {
                if let Some(span) = c.host_process {
                    cx.report(
                        span,
                        format!(
                            "{} container {} is a Windows HostProcess container (securityContext.windowsOptions.hostProcess: true): it runs as a process on the node, with the node's file system, network and accounts",
                            w.meta.display(),
                            c.name
                        ),
                    );
                }
                if let Some(span) = c.privileged {
                    cx.report(
                        span,
                        format!(
                            "{} container {} is privileged: it has every capability and the node's devices, which is root on the node",
                            w.meta.display(),
                            c.name
                        ),
                    );
                }
            }
        }
    }
}
