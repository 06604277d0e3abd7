//! H213: a workload mounts a sensitive directory or socket of the node.

use crate::facts::FileFacts;
use crate::rules::workloads::{harmless_read_only, host_rules_apply, sensitive_host_path};
use crate::rules::{Cx, Rule};

pub struct WorkloadSensitiveHostPath;
pub static RULE: WorkloadSensitiveHostPath = WorkloadSensitiveHostPath;

impl Rule for WorkloadSensitiveHostPath {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for w in facts.kube.workloads.iter().filter(|w| host_rules_apply(w)) {
            // Read-only mounts of binaries or the kernel expose no credentials or sockets.
            for v in w
                .host_paths
                .iter()
                .filter(|v| !(v.read_only && harmless_read_only(&v.path)))
            {
                if let Some(why) = sensitive_host_path(&v.path) {
                    cx.report(
                        v.span,
                        format!(
                            "{} mounts hostPath {} (volume {}): {why}",
                            w.meta.display(),
                            v.path,
                            v.volume
                        ),
                    );
                }
            }
        }
    }
}
