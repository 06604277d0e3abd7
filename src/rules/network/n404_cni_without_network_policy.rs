//! N404: the pod network does not enforce NetworkPolicy. A distribution config that chooses
//! such a network (k3s without its policy controller, RKE2/kubespray flannel, kOps kubenet…)
//! is judged in its own file. A raw CNI manifest (flannel) or an EKS VPC CNI add-on without
//! its network policy agent is often completed by a policy engine installed elsewhere (Calico
//! policy-only, Cilium chaining, kube-network-policies), so those are judged over the whole
//! scan: reported only when no file of it installs an engine, and only in files found by a
//! directory walk (see `crate::rules::project`).

use crate::facts::{FileFacts, PodNetwork};
use crate::rules::{Cx, FactFamily, Project, ProjectCx, Rule};

pub struct CniWithoutNetworkPolicy;
pub static RULE: CniWithoutNetworkPolicy = CniWithoutNetworkPolicy;

fn related(n: &PodNetwork) -> Vec<crate::facts::RelatedPlace> {
    let shown = n.shown();
    n.related
        .iter()
        .map(|p| p.related(&shown))
        .chain(n.value.related(&shown))
        .collect()
}

impl Rule for CniWithoutNetworkPolicy {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        let networks = &facts.installer.pod_networks;
        for n in networks {
            if n.enforces != Some(false) || n.beside {
                continue;
            }
            // Another document of the same config deciding otherwise (a Talos
            // KubeFlannelCNIConfig) leaves the answer open.
            if networks
                .iter()
                .any(|o| o.distro == n.distro && o.key != n.key && o.enforces != Some(false))
            {
                continue;
            }
            cx.report_related(
                n.value.span,
                format!(
                    "{} runs with `{}`: {}, so NetworkPolicy objects are accepted but not enforced",
                    n.distro,
                    n.shown(),
                    n.why
                ),
                related(n),
            );
        }
    }

    fn project_facts(&self) -> &'static [FactFamily] {
        &[FactFamily::PodNetworks]
    }

    fn check_project(&self, project: &Project, cx: &mut ProjectCx) {
        // Any engine anywhere, or a pod network chosen to enforce (RKE2 canal, kubespray
        // calico), may enforce policies for the whole cluster.
        let engine = project.files.iter().any(|f| {
            !f.policy_engines.is_empty() || f.pod_networks.iter().any(|n| n.enforces == Some(true))
        });
        if engine {
            return;
        }
        for (i, f) in project.files.iter().enumerate() {
            if !f.complete {
                continue;
            }
            for n in f.pod_networks.iter().filter(|n| n.beside) {
                if n.enforces != Some(false) {
                    continue;
                }
                cx.report_related(
                    i,
                    n.value.span,
                    format!(
                        "{} {}, and no policy engine is in the scanned files: NetworkPolicy objects are accepted but not enforced",
                        n.distro, n.why
                    ),
                    related(n),
                );
            }
        }
    }
}
