//! C212: the kubelet serves its unauthenticated read-only port.

use crate::facts::{Component, Effective, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct KubeletReadOnlyPort;
pub static RULE: KubeletReadOnlyPort = KubeletReadOnlyPort;

impl Rule for KubeletReadOnlyPort {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::Kubelet) {
            match c.effective("read-only-port") {
                Effective::Set(s) if s.value_or_true().trim() != "0" => cx.report(
                    s.span,
                    format!(
                        "the kubelet serves pod and node data without authentication on port {} (`{}`, {})",
                        s.value_or_true().trim(),
                        s.written,
                        c.origin.describe()
                    ),
                ),
                Effective::Default(d) if d != "0" && !cp::reads_config_file(c) => cx.report(
                    c.anchor,
                    format!(
                        "the kubelet runs without --read-only-port=0 or a --config file; its command-line default opens port {d} without authentication"
                    ),
                ),
                _ => {}
            }
        }
    }
}
