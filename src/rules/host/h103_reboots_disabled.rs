//! H103: updates are downloaded but never activated: locksmithd masked or disabled, or
//! `REBOOT_STRATEGY=off`, with no Kubernetes reboot manager (FLUO, kured) anywhere in the scan.
//! A project rule: the reboot manager usually lives in another file (a DaemonSet manifest, an
//! addon directory), and on a partial view (files named one by one) it stays silent.

use crate::facts::{FileFacts, HostConfigKind};
use crate::rules::{Cx, Rule};
use crate::rules::{FactFamily, Project, ProjectCx};

pub struct RebootsDisabled;
pub static RULE: RebootsDisabled = RebootsDisabled;

const WHY: &str = "downloaded OS updates are never activated unless a Kubernetes reboot manager (FLUO, kured) reboots nodes, and none appears in the scanned files";

/// Names and images by which a reboot manager is recognised in Kubernetes manifests.
const MANAGERS: &[&str] = &[
    "flatcar-linux-update-operator",
    "update-operator",
    "update-agent",
    "kured",
];

fn manager_in_scan(project: &Project) -> bool {
    project.files.iter().any(|f| {
        f.host.reboot_manager.is_some()
            || f.kube.workloads.iter().any(|w| {
                MANAGERS
                    .iter()
                    .any(|m| w.meta.name.contains(m) || w.images().any(|i| i.contains(m)))
            })
    })
}

impl Rule for RebootsDisabled {
    fn check(&self, _facts: &FileFacts, _cx: &mut Cx) {}

    fn project_facts(&self) -> &'static [FactFamily] {
        &[FactFamily::Kube, FactFamily::Host]
    }

    fn check_project(&self, project: &Project, cx: &mut ProjectCx) {
        if manager_in_scan(project) {
            return;
        }
        for (i, f) in project
            .files
            .iter()
            .enumerate()
            .filter(|(i, _)| project.complete(*i))
        {
            for u in f
                .host
                .units
                .iter()
                .filter(|u| u.name == "locksmithd.service")
            {
                if let Some(span) = u.masked {
                    cx.report(i, span, format!("locksmithd.service is masked: {WHY}"));
                } else if let Some(span) = u.enabled.as_ref().filter(|e| !e.value).map(|e| e.span) {
                    cx.report(i, span, format!("locksmithd.service is disabled: {WHY}"));
                }
            }
            for e in f.host.entries_of(HostConfigKind::FlatcarUpdate) {
                if e.key == "REBOOT_STRATEGY" && e.value.eq_ignore_ascii_case("off") {
                    cx.report(
                        i,
                        e.span,
                        format!("{} sets REBOOT_STRATEGY=off: {WHY}", e.source),
                    );
                }
            }
        }
    }
}
