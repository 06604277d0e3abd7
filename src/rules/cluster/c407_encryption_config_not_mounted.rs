//! C407: kubeadm points the API server at an encryption config that is not mounted into its pod.

use crate::facts::{Component, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct EncryptionConfigNotMounted;
pub static RULE: EncryptionConfigNotMounted = EncryptionConfigNotMounted;

/// Host directories kubeadm always mounts into kube-apiserver (distribution CA dirs included).
const KUBEADM_MOUNTS: &[&str] = &[
    "/etc/kubernetes/pki",
    "/etc/ssl/certs",
    "/etc/ca-certificates",
    "/etc/pki",
    "/usr/share/ca-certificates",
    "/usr/local/share/ca-certificates",
];

fn under(path: &str, dir: &str) -> bool {
    let dir = dir.trim_end_matches('/');
    path == dir || path.starts_with(&format!("{dir}/"))
}

impl Rule for EncryptionConfigNotMounted {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::ApiServer).filter(|c| c.origin.is_kubeadm()) {
            let Some(s) = c.get("encryption-provider-config") else {
                continue;
            };
            let path = s.value_or_true().trim();
            if !path.starts_with('/') {
                continue;
            }
            // The kubeadm document this API server belongs to.
            let Some(k) = facts
                .kubeadm
                .iter()
                .find(|k| k.span.start <= c.anchor.start && c.anchor.end <= k.span.end)
            else {
                continue;
            };
            let mounted = KUBEADM_MOUNTS.iter().any(|d| under(path, d))
                || k.apiserver_mounts
                    .iter()
                    .any(|m| under(path, m.value.trim()));
            if !mounted {
                cx.report(
                    s.value_span,
                    format!(
                        "kube-apiserver reads its encryption config from {path}, but no apiServer.extraVolumes entry mounts that path into the pod: the API server cannot start (or runs without the intended encryption)"
                    ),
                );
            }
        }
    }
}
