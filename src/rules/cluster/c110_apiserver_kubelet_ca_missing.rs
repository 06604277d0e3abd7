//! C110: the API server does not verify kubelet serving certificates.

use crate::facts::{Component, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct ApiserverKubeletCaMissing;
pub static RULE: ApiserverKubeletCaMissing = ApiserverKubeletCaMissing;

impl Rule for ApiserverKubeletCaMissing {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::ApiServer) {
            if cp::unset(c, "kubelet-certificate-authority") == Some(true) {
                cx.report(
                    c.get("kubelet-certificate-authority")
                        .map(|s| s.span)
                        .unwrap_or(c.anchor),
                    format!(
                        "{} has no --kubelet-certificate-authority: it does not verify kubelets' serving certificates, so exec, logs and port-forward traffic can be intercepted",
                        cp::who(c)
                    ),
                );
            }
        }
    }
}
