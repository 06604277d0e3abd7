//! C117: the kubelet serves a self-signed certificate: no serving certificate files and no
//! serving-certificate bootstrap (`serverTLSBootstrap` / `--rotate-server-certificates`).
//!
//! cmd/kubelet/app/server.go (`InitializeTLS`): without `tlsCertFile`, `tlsPrivateKeyFile` and
//! `serverTLSBootstrap` the kubelet reads `kubelet.crt`/`kubelet.key` from `--cert-dir` or
//! generates a self-signed pair there. All three default to unset/false in the file and on the
//! command line (`facts::defaults`); kubeadm does not set them. An explicit
//! `serverTLSBootstrap: false` is C308's finding; a command line that names `--cert-dir` may
//! hold provisioned files there and is left alone, as is a possible drop-in
//! ([`cp::may_be_kubelet_drop_in`]; kubeadm's completion sets none of the three).

use crate::facts::{Component, ComponentConfig, Effective, FileFacts, Origin};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct KubeletServingCertSelfSigned;
pub static RULE: KubeletServingCertSelfSigned = KubeletServingCertSelfSigned;

const WHY: &str = "the API server cannot verify the kubelet it sends exec, attach, logs and port-forward traffic to, and --kubelet-certificate-authority cannot be turned on";

/// The settings to add, in the source's own terms.
fn names(c: &ComponentConfig) -> &'static str {
    match c.origin {
        Origin::KubeletConfigFile => {
            "neither tlsCertFile/tlsPrivateKeyFile nor serverTLSBootstrap: true"
        }
        _ => "neither --tls-cert-file/--tls-private-key-file nor --rotate-server-certificates=true",
    }
}

impl Rule for KubeletServingCertSelfSigned {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::Kubelet) {
            if c.origin.is_kubelet_flags() && c.has_any(&["cert-dir"]) {
                continue;
            }
            if cp::may_be_kubelet_drop_in(facts, c) {
                continue;
            }
            let bootstrap_absent = matches!(
                c.effective("rotate-server-certificates"),
                Effective::Default("false")
            ) && !cp::reads_config_file(c);
            let files = cp::unset_flags(c, &["tls-cert-file", "tls-private-key-file"]);
            if bootstrap_absent && files.len() == 2 {
                cx.report(
                    c.anchor,
                    format!(
                        "the kubelet serves a self-signed certificate ({}): {} is set, so {WHY}",
                        c.origin.describe(),
                        names(c)
                    ),
                );
            }
        }
    }
}
