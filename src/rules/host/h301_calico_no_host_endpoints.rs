//! H301: Calico is configured without host endpoints, so no Calico policy protects the nodes.
//!
//! Project-level: judged only when the scan holds a `KubeControllersConfiguration` (the object
//! that decides automatic host endpoints) from a directory walk, and no `HostEndpoint` at all.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};
use crate::rules::{FactFamily, Project, ProjectCx};

pub struct CalicoNoHostEndpoints;
pub static RULE: CalicoNoHostEndpoints = CalicoNoHostEndpoints;

impl Rule for CalicoNoHostEndpoints {
    fn check(&self, _facts: &FileFacts, _cx: &mut Cx) {}

    fn project_facts(&self) -> &'static [FactFamily] {
        &[FactFamily::Kube]
    }

    fn check_project(&self, project: &Project, cx: &mut ProjectCx) {
        if project.each(|k| &k.host_endpoints).next().is_some() {
            return;
        }
        for (file, kc) in project.each(|k| &k.kube_controllers) {
            if !project.complete(file) {
                continue;
            }
            let (span, value) = match &kc.auto_create {
                Some(v) if v.value == "Enabled" => continue,
                Some(v) => (v.span, format!("sets hostEndpoint.autoCreate: {}", v.value)),
                None => (
                    kc.meta.kind_span,
                    "does not enable automatic host endpoints (spec.controllers.node.hostEndpoint.autoCreate defaults to Disabled)".to_string(),
                ),
            };
            cx.report(
                file,
                span,
                format!(
                    "{} {value}, and the scan has no HostEndpoint: Calico policies never apply to the nodes' own interfaces, so the hosts are not firewalled by the network plugin",
                    kc.meta.display()
                ),
            );
        }
    }
}
