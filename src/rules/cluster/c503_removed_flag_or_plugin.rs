//! C503: a control-plane component is given a flag or admission plugin that no longer exists.

use crate::facts::{Component, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct RemovedFlagOrPlugin;
pub static RULE: RemovedFlagOrPlugin = RemovedFlagOrPlugin;

/// kube-apiserver flags removed upstream: (flag, when, why it existed).
const APISERVER_FLAGS: &[(&str, &str, &str)] = &[
    (
        "insecure-port",
        "in Kubernetes 1.24",
        "an unauthenticated, unencrypted API port",
    ),
    (
        "insecure-bind-address",
        "in Kubernetes 1.24",
        "the address of the unauthenticated API port",
    ),
    ("basic-auth-file", "in Kubernetes 1.19", "static passwords"),
    (
        "kubelet-https",
        "after its deprecation in 1.19",
        "optional plain HTTP to kubelets",
    ),
];

const PLUGINS: &[(&str, &str)] = &[
    ("PodSecurityPolicy", "1.25"),
    ("SecurityContextDeny", "1.30"),
];

impl Rule for RemovedFlagOrPlugin {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::ApiServer) {
            for s in &c.settings {
                if let Some((flag, release, what)) = APISERVER_FLAGS.iter().find(|f| f.0 == s.name)
                {
                    cx.report(
                        s.span,
                        format!(
                            "kube-apiserver --{flag} ({what}) was removed {release} (`{}`, {}): current API servers refuse to start with it; delete it",
                            s.written,
                            c.origin.describe()
                        ),
                    );
                }
            }
            for flag in ["enable-admission-plugins", "admission-control"] {
                for i in c.values(flag) {
                    if let Some((plugin, release)) = PLUGINS.iter().find(|p| p.0 == i.value) {
                        cx.report(
                            i.span,
                            format!(
                                "kube-apiserver --{flag} names {plugin}, removed in Kubernetes {release} ({}): current API servers refuse to start; use Pod Security Admission instead",
                                c.origin.describe()
                            ),
                        );
                    }
                }
            }
        }
    }
}
