//! H305: the Cilium host firewall is on, but no host policy selects any node.
//!
//! Project-level, absence-based: reported only when the cilium-config file came from a
//! directory walk and no CiliumClusterwideNetworkPolicy with a nodeSelector is in the scan.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};
use crate::rules::{FactFamily, Project, ProjectCx};

pub struct CiliumHostFirewallWithoutPolicy;
pub static RULE: CiliumHostFirewallWithoutPolicy = CiliumHostFirewallWithoutPolicy;

impl Rule for CiliumHostFirewallWithoutPolicy {
    fn check(&self, _facts: &FileFacts, _cx: &mut Cx) {}

    fn project_facts(&self) -> &'static [FactFamily] {
        &[FactFamily::Kube]
    }

    fn check_project(&self, project: &Project, cx: &mut ProjectCx) {
        if project
            .each(|k| &k.cilium_policies)
            .any(|(_, p)| p.node_selector.is_some())
        {
            return;
        }
        for (file, c) in project.each(|k| &k.cilium_configs) {
            let Some(v) = c
                .host_firewall
                .as_ref()
                .filter(|v| crate::facts::go_bool(&v.value) == Some(true))
            else {
                continue;
            };
            if project.complete(file) {
                cx.report(
                    file,
                    v.span,
                    format!(
                        "{} enables the host firewall, but the scan has no CiliumClusterwideNetworkPolicy with a nodeSelector: with no host policy, every node still accepts all traffic",
                        c.meta.display()
                    ),
                );
            }
        }
    }
}
