//! H304: Cilium host policies exist but the host firewall is off, so they do nothing.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};
use crate::rules::{FactFamily, Project, ProjectCx};

pub struct CiliumHostPolicyInert;
pub static RULE: CiliumHostPolicyInert = CiliumHostPolicyInert;

impl Rule for CiliumHostPolicyInert {
    fn check(&self, _facts: &FileFacts, _cx: &mut Cx) {}

    fn project_facts(&self) -> &'static [FactFamily] {
        &[FactFamily::Kube]
    }

    /// Needs the cilium-config ConfigMap in the scan: without it the setting is unknown.
    fn check_project(&self, project: &Project, cx: &mut ProjectCx) {
        let configs: Vec<_> = project.each(|k| &k.cilium_configs).collect();
        if configs.is_empty() {
            return;
        }
        let enabled = configs.iter().any(|(_, c)| {
            c.host_firewall
                .as_ref()
                .is_some_and(|v| crate::facts::go_bool(&v.value) == Some(true))
        });
        if enabled {
            return;
        }
        let setting = match configs.first().and_then(|(_, c)| c.host_firewall.as_ref()) {
            Some(v) => format!("sets enable-host-firewall: {}", v.value),
            None => "does not set enable-host-firewall (default false)".into(),
        };
        for (file, p) in project.each(|k| &k.cilium_policies) {
            if let Some(sel) = &p.node_selector {
                cx.report(
                    file,
                    sel.span,
                    format!(
                        "{} is a host policy (nodeSelector), but cilium-config {setting}: Cilium does not enforce it and the nodes stay unfiltered",
                        p.meta.display()
                    ),
                );
            }
        }
    }
}
