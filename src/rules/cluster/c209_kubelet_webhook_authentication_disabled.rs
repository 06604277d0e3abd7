//! C209: the kubelet does not check bearer tokens with the API server.

use crate::facts::{Component, Effective, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct KubeletWebhookAuthenticationDisabled;
pub static RULE: KubeletWebhookAuthenticationDisabled = KubeletWebhookAuthenticationDisabled;

impl Rule for KubeletWebhookAuthenticationDisabled {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::Kubelet) {
            match c.effective("authentication-token-webhook") {
                Effective::Set(s) if s.as_bool() == Some(false) => cx.report(
                    s.span,
                    format!(
                        "the kubelet does not verify bearer tokens with the API server: `{}` ({})",
                        s.written,
                        c.origin.describe()
                    ),
                ),
                Effective::Default("false") if !cp::reads_config_file(c) => cx.report(
                    c.anchor,
                    "the kubelet runs without --authentication-token-webhook or a --config file; its command-line default does not verify bearer tokens",
                ),
                _ => {}
            }
        }
    }
}
