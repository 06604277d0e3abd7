//! N109: the API server does not run the DenyServiceExternalIPs admission plugin, so anyone who
//! may write a Service can claim an external IP and intercept traffic (CVE-2020-8554).
//!
//! The plugin is off by default in kube-apiserver (kubernetes/kubernetes
//! pkg/kubeapiserver/options/plugins.go: not in `defaultOnPlugins`) and
//! none of kubeadm, k3s/RKE2, Talos, kOps or MicroK8s enables it (their default lists in
//! `facts::defaults` and `facts::distro_defaults`; `rules::admission` reads the list). It exists
//! since Kubernetes 1.21.

use crate::facts::{Component, FileFacts};
use crate::rules::admission;
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct ApiserverDenyExternalIps;
pub static RULE: ApiserverDenyExternalIps = ApiserverDenyExternalIps;

const PLUGIN: &str = "DenyServiceExternalIPs";
const WHY: &str = "anyone allowed to create or update a Service can set spec.externalIPs to another address and intercept its traffic on every node (CVE-2020-8554)";

impl Rule for ApiserverDenyExternalIps {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::ApiServer) {
            admission::report(c, PLUGIN, WHY, !cp::pins_version_before(facts, 21), cx);
        }
    }
}
