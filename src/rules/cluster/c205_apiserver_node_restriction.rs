//! C205: the NodeRestriction admission plugin is not enabled.

use crate::facts::{Component, EffectiveList, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct ApiserverNodeRestriction;
pub static RULE: ApiserverNodeRestriction = ApiserverNodeRestriction;

impl Rule for ApiserverNodeRestriction {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::ApiServer) {
            let list = c.effective_values("enable-admission-plugins");
            let Some(enabled) = list.strings() else {
                continue;
            };
            let disabled = c.values("disable-admission-plugins");
            if let Some(d) = disabled.iter().find(|d| d.value == "NodeRestriction") {
                cx.report(
                    d.span,
                    format!(
                        "kube-apiserver disables the NodeRestriction admission plugin ({}): a kubelet's credentials can modify other nodes and their pods",
                        c.origin.describe()
                    ),
                );
                continue;
            }
            // The legacy --admission-control flag (pre-1.10 manifests) lists plugins too.
            if enabled.iter().any(|p| p == "NodeRestriction")
                || c.values("admission-control")
                    .iter()
                    .any(|p| p.value == "NodeRestriction")
            {
                continue;
            }
            match (&list, c.get("enable-admission-plugins")) {
                // kubeadm's default replaced by extraArgs: judge the merged result.
                (EffectiveList::Set(_), Some(s)) => cx.report(
                    s.value_span,
                    format!(
                        "kube-apiserver --enable-admission-plugins={} does not include NodeRestriction ({}){}: a kubelet's credentials can modify other nodes and their pods",
                        s.value_or_true(),
                        c.origin.describe(),
                        if c.origin.is_kubeadm() { "; this value replaces kubeadm's default NodeRestriction" } else { "" }
                    ),
                ),
                _ => cx.report(
                    c.anchor,
                    format!(
                        "kube-apiserver does not enable the NodeRestriction admission plugin ({}); it is not on by default: a kubelet's credentials can modify other nodes and their pods",
                        c.origin.describe()
                    ),
                ),
            }
        }
    }
}
