//! C202: the kubelet API answers anonymous requests.

use crate::facts::{Component, Effective, FileFacts};
use crate::rules::{Cx, Rule};

pub struct KubeletAnonymousAuth;
pub static RULE: KubeletAnonymousAuth = KubeletAnonymousAuth;

impl Rule for KubeletAnonymousAuth {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in facts
            .components
            .iter()
            .filter(|c| c.component == Component::Kubelet)
        {
            match c.effective("anonymous-auth") {
                Effective::Set(s) if s.as_bool() == Some(true) => cx.report(
                    s.span,
                    format!(
                        "the kubelet accepts anonymous requests: `{}` ({})",
                        s.written,
                        c.origin.describe()
                    ),
                ),
                // Flags without --config: the command-line default (true) applies. With a
                // config file, the file (not in view here) decides.
                Effective::Default("true")
                    if c.origin.is_kubelet_flags() && c.get("config").is_none() =>
                {
                    cx.report(
                        c.anchor,
                        "the kubelet runs without --anonymous-auth=false or a --config file; its command-line default accepts anonymous requests",
                    )
                }
                _ => {}
            }
        }
    }
}
