//! H306: the kubelet is told not to maintain its iptables utility chains
//! (`makeIPTablesUtilChains: false` / `--make-iptables-util-chains=false`).
//!
//! Only an explicit false is reported: the default is true in the KubeletConfiguration file
//! and on the command line (kubernetes/kubernetes pkg/kubelet/apis/config/v1beta1/defaults.go,
//! `MakeIPTablesUtilChains = true`; the flags start from the same defaults), and kubeadm,
//! k3s, RKE2, Talos and kOps do not change it.

use crate::facts::{Component, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct KubeletIptablesUtilChainsOff;
pub static RULE: KubeletIptablesUtilChainsOff = KubeletIptablesUtilChainsOff;

impl Rule for KubeletIptablesUtilChainsOff {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::Kubelet) {
            if let Some(s) = c
                .get("make-iptables-util-chains")
                .filter(|s| s.as_bool() == Some(false))
            {
                cx.report(
                    s.span,
                    format!(
                        "the kubelet does not maintain its iptables chains: `{}` ({}): the KUBE-FIREWALL rules that drop outside packets to the node's 127.0.0.0/8 services (CVE-2020-8558) are left to whatever else manages iptables",
                        s.written,
                        c.origin.describe()
                    ),
                );
            }
        }
    }
}
