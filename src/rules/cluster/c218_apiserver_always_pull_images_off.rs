//! C218: the API server does not run the AlwaysPullImages admission plugin (off by default in
//! kube-apiserver, kubernetes/kubernetes pkg/kubeapiserver/options/plugins.go; not enabled by
//! kubeadm, k3s/RKE2, Talos or kOps; MicroK8s enables EventRateLimit). A CIS "Manual" check:
//! only explicit lists and absences with known defaults are reported (`rules::admission`).

use crate::facts::{Component, FileFacts};
use crate::rules::admission;
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct ApiserverAlwaysPullImagesOff;
pub static RULE: ApiserverAlwaysPullImagesOff = ApiserverAlwaysPullImagesOff;

const PLUGIN: &str = "AlwaysPullImages";
const WHY: &str = "on a node shared by several tenants, a pod can run any private image already pulled there by another tenant without having the pull secret";

impl Rule for ApiserverAlwaysPullImagesOff {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::ApiServer) {
            admission::report(c, PLUGIN, WHY, true, cx);
        }
    }
}
