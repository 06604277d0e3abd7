//! C214: kubelet streaming connections (exec, attach, port-forward) never time out.

use crate::facts::{Component, FileFacts};
use crate::k8s::go_duration_secs;
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct KubeletStreamingIdleTimeout;
pub static RULE: KubeletStreamingIdleTimeout = KubeletStreamingIdleTimeout;

impl Rule for KubeletStreamingIdleTimeout {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::Kubelet) {
            let Some(s) = c.get("streaming-connection-idle-timeout") else {
                continue;
            };
            if go_duration_secs(s.value_or_true()) == Some(0) {
                cx.report(
                    s.span,
                    format!(
                        "the kubelet never closes idle exec, attach and port-forward streams: `{}` ({})",
                        s.written,
                        c.origin.describe()
                    ),
                );
            }
        }
    }
}
