//! C210: a KubeletConfiguration has no client CA.

use crate::facts::{Component, FileFacts, Origin};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct KubeletClientCaMissing;
pub static RULE: KubeletClientCaMissing = KubeletClientCaMissing;

impl Rule for KubeletClientCaMissing {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::Kubelet) {
            let set = c.get("client-ca-file");
            let empty = set.is_none_or(|s| s.value_or_true().trim().is_empty());
            // Only a config file is complete enough to judge an absence; on the command line
            // the value may come from the --config file.
            if !empty {
                continue;
            }
            match (c.origin, set) {
                (_, Some(s)) => cx.report(
                    s.span,
                    format!(
                        "the kubelet's client CA is empty (`{}`, {}): client certificates (the API server's included) are not verified",
                        s.written,
                        c.origin.describe()
                    ),
                ),
                // A file that configures authentication but leaves out the CA; files without an
                // `authentication` section may be drop-ins, and kubeadm fills its own.
                (Origin::KubeletConfigFile, None)
                    if c.has_any(&["anonymous-auth", "authentication-token-webhook"])
                        && !cp::kubeadm_managed_kubelet(facts, c) =>
                {
                    cx.report(
                    c.anchor,
                    "KubeletConfiguration has no authentication.x509.clientCAFile: the kubelet cannot verify client certificates, including the API server's",
                )
                }
                (o, None) if o.is_kubelet_flags() && !cp::reads_config_file(c) => cx.report(
                    c.anchor,
                    "the kubelet runs without --client-ca-file or a --config file: it cannot verify client certificates",
                ),
                _ => {}
            }
        }
    }
}
