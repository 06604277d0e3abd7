//! N404: a distribution config chooses a pod network that does not enforce NetworkPolicy
//! (k3s without its policy controller, RKE2/kubespray flannel, kOps kubenet…).

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct CniWithoutNetworkPolicy;
pub static RULE: CniWithoutNetworkPolicy = CniWithoutNetworkPolicy;

impl Rule for CniWithoutNetworkPolicy {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        let networks = &facts.installer.pod_networks;
        for n in networks {
            if n.enforces != Some(false) {
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
            let shown = n.shown();
            let related = n
                .related
                .iter()
                .map(|p| p.related(&shown))
                .chain(n.value.related(&shown))
                .collect();
            cx.report_related(
                n.value.span,
                format!(
                    "{} runs with `{shown}`: {}, so NetworkPolicy objects are accepted but not enforced",
                    n.distro, n.why
                ),
                related,
            );
        }
    }
}
