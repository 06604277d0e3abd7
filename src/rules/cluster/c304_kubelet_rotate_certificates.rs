//! C304: the kubelet does not rotate its client certificate.

use crate::facts::{Component, Effective, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct KubeletRotateCertificates;
pub static RULE: KubeletRotateCertificates = KubeletRotateCertificates;

impl Rule for KubeletRotateCertificates {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::Kubelet) {
            match c.effective("rotate-certificates") {
                Effective::Set(s) if s.as_bool() == Some(false) => cx.report(
                    s.span,
                    format!(
                        "the kubelet does not renew its client certificate: `{}` ({})",
                        s.written,
                        c.origin.describe()
                    ),
                ),
                // Only a bare command line: a config file's absence may be filled by flags,
                // drop-in files or kubeadm, and exec-plugin credentials need no rotation.
                Effective::Default("false")
                    if c.origin.is_kubelet_flags() && !cp::reads_config_file(c) =>
                {
                    cx.report(
                    c.anchor,
                    format!(
                        "the kubelet does not set rotateCertificates / --rotate-certificates ({}); it defaults to false, so its client certificate is never renewed",
                        c.origin.describe()
                    ),
                )
                }
                _ => {}
            }
        }
    }
}
