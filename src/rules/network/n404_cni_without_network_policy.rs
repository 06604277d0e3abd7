//! N404: a distribution config chooses a pod network that does not enforce NetworkPolicy
//! (k3s without its policy controller, RKE2/kubespray flannel, kOps kubenet…).

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct CniWithoutNetworkPolicy;
pub static RULE: CniWithoutNetworkPolicy = CniWithoutNetworkPolicy;

impl Rule for CniWithoutNetworkPolicy {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for n in &facts.installer.pod_networks {
            if n.enforces != Some(false) {
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
                    "{} sets `{shown}`: {}, so NetworkPolicy objects are accepted but not enforced",
                    n.distro, n.why
                ),
                related,
            );
        }
    }
}
