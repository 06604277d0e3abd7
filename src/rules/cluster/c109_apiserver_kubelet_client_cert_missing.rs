//! C109: the API server presents no client certificate to kubelets.

use crate::facts::{Component, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct ApiserverKubeletClientCertMissing;
pub static RULE: ApiserverKubeletClientCertMissing = ApiserverKubeletClientCertMissing;

impl Rule for ApiserverKubeletClientCertMissing {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::ApiServer) {
            let missing = cp::unset_flags(c, &["kubelet-client-certificate", "kubelet-client-key"]);
            if !missing.is_empty() {
                cx.report(
                    c.anchor,
                    format!(
                        "{} has no --{}: kubelets cannot authenticate the API server, so they must accept anonymous or weaker callers",
                        cp::who(c),
                        missing.join(" / --")
                    ),
                );
            }
        }
    }
}
