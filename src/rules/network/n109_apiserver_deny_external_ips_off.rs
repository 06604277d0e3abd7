//! N109: the API server does not run the DenyServiceExternalIPs admission plugin, so anyone who
//! may write a Service can claim an external IP and intercept traffic (CVE-2020-8554).
//!
//! The plugin is off by default in kube-apiserver (kubernetes/kubernetes
//! pkg/kubeapiserver/options/plugins.go: not in `defaultOnPlugins`) and
//! none of kubeadm, k3s/RKE2, Talos, kOps or MicroK8s enables it (their default lists in
//! `facts::defaults` and `facts::distro_defaults`). It exists since Kubernetes 1.21.

use crate::facts::{Component, ComponentConfig, EffectiveList, FileFacts, Origin};
use crate::k8s::minor_of;
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct ApiserverDenyExternalIps;
pub static RULE: ApiserverDenyExternalIps = ApiserverDenyExternalIps;

const PLUGIN: &str = "DenyServiceExternalIPs";
const WHY: &str = "anyone allowed to create or update a Service can set spec.externalIPs to another address and intercept its traffic on every node (CVE-2020-8554)";

/// Whether the file pins a Kubernetes version older than 1.21, which has no such plugin.
fn before_1_21(facts: &FileFacts) -> bool {
    facts
        .kubernetes_versions
        .iter()
        .any(|v| minor_of(&v.version).is_some_and(|m| m < 21))
}

/// Templated values (`{{ … }}`, `${…}`) are unknown.
fn templated(s: &str) -> bool {
    s.contains("{{") || s.contains("${")
}

/// Whether the plugin is enabled through a list other than `--enable-admission-plugins`: the
/// legacy `--admission-control`, or kOps' `appendAdmissionPlugins` (lowered as
/// `append-admission-plugins`: kOps replaces `enableAdmissionPlugins` with its own list plus
/// this one, kubernetes/kops pkg/model/components/apiserver.go).
fn enabled_elsewhere(c: &ComponentConfig) -> bool {
    ["admission-control", "append-admission-plugins"]
        .iter()
        .any(|f| c.values(f).iter().any(|i| i.value == PLUGIN))
}

/// How to enable it in the user's own terms.
fn fix(c: &ComponentConfig) -> &'static str {
    match c.origin {
        Origin::Kops => "; add it to spec.kubeAPIServer.appendAdmissionPlugins",
        Origin::Rancher { .. } => {
            "; add `enable-admission-plugins=NodeRestriction,DenyServiceExternalIPs` to `kube-apiserver-arg`"
        }
        Origin::Talos => "; add it to cluster.apiServer.extraArgs enable-admission-plugins",
        Origin::MicroK8sLaunch { .. } => {
            "; add `--enable-admission-plugins=EventRateLimit,DenyServiceExternalIPs` to extraKubeAPIServerArgs"
        }
        _ => "",
    }
}

impl Rule for ApiserverDenyExternalIps {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::ApiServer) {
            if let Some(d) = c
                .values("disable-admission-plugins")
                .into_iter()
                .find(|d| d.value == PLUGIN)
            {
                cx.report(
                    d.span,
                    format!(
                        "kube-apiserver disables the {PLUGIN} admission plugin: `{}` ({}): {WHY}",
                        d.setting.written,
                        c.origin.describe()
                    ),
                );
                continue;
            }
            let list = c.effective_values("enable-admission-plugins");
            let Some(enabled) = list.strings() else {
                continue;
            };
            if enabled.iter().any(|p| p == PLUGIN || templated(p)) || enabled_elsewhere(c) {
                continue;
            }
            // The list the user wrote: the flag, or kOps' appended plugins.
            let written = match list {
                EffectiveList::Set(_) => c.get("enable-admission-plugins"),
                _ => c.get("append-admission-plugins"),
            };
            match written {
                Some(s) => cx.report(
                    s.value_span,
                    format!(
                        "kube-apiserver enables admission plugins without {PLUGIN}: `{}` ({}){}: {WHY}",
                        s.written,
                        c.origin.describe(),
                        fix(c)
                    ),
                ),
                None if before_1_21(facts) || !c.values("admission-control").is_empty() => {}
                None => cx.report(
                    c.anchor,
                    format!(
                        "kube-apiserver does not enable the {PLUGIN} admission plugin ({}); it is off by default{}: {WHY}",
                        c.origin.describe(),
                        fix(c)
                    ),
                ),
            }
        }
    }
}
