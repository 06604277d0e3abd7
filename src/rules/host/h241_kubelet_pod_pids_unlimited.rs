//! H241: the kubelet sets no per-pod process limit (`podPidsLimit` / `--pod-max-pids`,
//! default -1 in both forms: a pod may fork until the node runs out of PIDs).

use crate::facts::{Component, Effective, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct KubeletPodPidsUnlimited;
pub static RULE: KubeletPodPidsUnlimited = KubeletPodPidsUnlimited;

const WHY: &str =
    "one pod can fork until the node runs out of process IDs and take down its neighbours and the kubelet";

impl Rule for KubeletPodPidsUnlimited {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::Kubelet) {
            match c.effective("pod-max-pids") {
                // 0 and negative values mean no limit (the kubelet turns them into -1).
                Effective::Set(s) => {
                    let Ok(n) = s.value_or_true().trim().parse::<i64>() else {
                        continue;
                    };
                    if n <= 0 {
                        cx.report(
                            s.span,
                            format!(
                                "the kubelet sets no per-pod process limit: `{}` ({}): {WHY}",
                                s.written,
                                c.origin.describe()
                            ),
                        );
                    }
                }
                Effective::Default("-1") if !cp::reads_config_file(c) && !cp::may_be_kubelet_drop_in(facts, c) => cx.report(
                    c.anchor,
                    format!(
                        "the kubelet does not set podPidsLimit / --pod-max-pids ({}); it defaults to -1, no limit: {WHY}",
                        c.origin.describe()
                    ),
                ),
                _ => {}
            }
        }
    }
}
