//! H210: a workload runs a privileged container.

use crate::facts::FileFacts;
use crate::rules::workloads::host_rules_apply;
use crate::rules::{Cx, Rule};

pub struct WorkloadPrivileged;
pub static RULE: WorkloadPrivileged = WorkloadPrivileged;

impl Rule for WorkloadPrivileged {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for w in facts.kube.workloads.iter().filter(|w| host_rules_apply(w)) {
            for c in &w.containers {
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
