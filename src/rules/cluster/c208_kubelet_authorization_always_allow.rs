//! C208: the kubelet authorizes every request to its API.

use crate::facts::{Component, Effective, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct KubeletAuthorizationAlwaysAllow;
pub static RULE: KubeletAuthorizationAlwaysAllow = KubeletAuthorizationAlwaysAllow;

impl Rule for KubeletAuthorizationAlwaysAllow {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::Kubelet) {
            match c.effective("authorization-mode") {
                Effective::Set(s) if s.value_or_true().trim() == "AlwaysAllow" => cx.report(
                    s.span,
                    format!(
                        "the kubelet allows every caller to exec, read logs and list pods: `{}` ({})",
                        s.written,
                        c.origin.describe()
                    ),
                ),
                Effective::Default("AlwaysAllow") if !cp::reads_config_file(c) => cx.report(
                    c.anchor,
                    "the kubelet runs without --authorization-mode=Webhook or a --config file; its command-line default AlwaysAllow lets every caller exec into pods",
                ),
                _ => {}
            }
        }
    }
}
