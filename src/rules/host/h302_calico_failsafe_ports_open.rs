//! H302: Calico failsafe ports keep SSH and control-plane ports open to any source on hosts
//! protected by host endpoints.

use crate::facts::kube::FailsafePort;
use crate::facts::{FileFacts, PortRange};
use crate::rules::{Cx, Rule};
use crate::rules::{FactFamily, Project, ProjectCx};

pub struct CalicoFailsafePortsOpen;
pub static RULE: CalicoFailsafePortsOpen = CalicoFailsafePortsOpen;

/// Ports that must not be open to every source, with what listens there.
const SENSITIVE: &[(u16, u16, &str)] = &[
    (22, 22, "SSH"),
    (2379, 2380, "etcd"),
    (6443, 6443, "kube-apiserver"),
    (10250, 10250, "kubelet API"),
    (10257, 10257, "kube-controller-manager"),
    (10259, 10259, "kube-scheduler"),
];

/// Felix's built-in failsafeInboundHostPorts (used when the field is absent).
const BUILT_IN: &str =
    "tcp:22, udp:68, tcp:179, tcp:2379, tcp:2380, tcp:5473, tcp:6443, tcp:6666, tcp:6667";

fn sensitive(p: &FailsafePort, extra: &[(PortRange, String)]) -> Option<String> {
    if p.net.as_deref().is_some_and(|n| !crate::cidr::is_world(n)) || p.protocol != "tcp" {
        return None;
    }
    let port = PortRange {
        from: p.port,
        to: p.port,
    };
    SENSITIVE
        .iter()
        .map(|(f, t, w)| (PortRange { from: *f, to: *t }, w.to_string()))
        .chain(extra.iter().cloned())
        .find(|(r, _)| r.overlaps(port))
        .map(|(_, w)| w)
}

impl Rule for CalicoFailsafePortsOpen {
    /// Explicit entries without a source network.
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for f in &facts.kube.felix_configs {
            for p in f.failsafe_inbound.iter().flatten() {
                if let Some(what) = sensitive(p, &cx.settings.sensitive_ports) {
                    cx.report(
                        p.span,
                        format!(
                            "{} lists failsafe inbound port {}:{} ({what}) for any source: host policies can never close it",
                            f.meta.display(),
                            p.protocol,
                            p.port
                        ),
                    );
                }
            }
        }
    }

    fn project_facts(&self) -> &'static [FactFamily] {
        &[FactFamily::Kube]
    }

    /// The absent field means the built-in list; it matters once hosts have host endpoints, and
    /// calico-node's FELIX_FAILSAFEINBOUNDHOSTPORTS may override it.
    fn check_project(&self, project: &Project, cx: &mut ProjectCx) {
        let uses_host_endpoints = project.each(|k| &k.host_endpoints).next().is_some()
            || project
                .each(|k| &k.kube_controllers)
                .any(|(_, k)| k.auto_create.as_ref().is_some_and(|v| v.value == "Enabled"));
        let overridden = project.each(|k| &k.workloads).any(|(_, w)| {
            w.containers
                .iter()
                .any(|c| c.env.iter().any(|e| e == "FELIX_FAILSAFEINBOUNDHOSTPORTS"))
        });
        if !uses_host_endpoints || overridden {
            return;
        }
        for (file, f) in project.each(|k| &k.felix_configs) {
            if f.failsafe_inbound.is_none() && f.meta.name == "default" && project.complete(file) {
                cx.report(
                    file,
                    f.anchor,
                    format!(
                        "{} does not set failsafeInboundHostPorts, so Felix keeps its built-in list ({BUILT_IN}) open to any source on every host endpoint, SSH, etcd and the API server included",
                        f.meta.display()
                    ),
                );
            }
        }
    }
}
