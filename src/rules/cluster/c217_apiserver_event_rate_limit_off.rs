//! C217: the API server does not run the EventRateLimit admission plugin (off by default in
//! kube-apiserver, kubernetes/kubernetes pkg/kubeapiserver/options/plugins.go; not enabled by
//! kubeadm, k3s/RKE2, Talos or kOps; MicroK8s enables EventRateLimit). A CIS "Manual" check:
//! only explicit lists and absences with known defaults are reported (`rules::admission`).

use crate::facts::{Component, FileFacts};
use crate::rules::admission;
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct ApiserverEventRateLimitOff;
pub static RULE: ApiserverEventRateLimitOff = ApiserverEventRateLimitOff;

const PLUGIN: &str = "EventRateLimit";
const WHY: &str = "any client, a runaway controller or a crash-looping pod can flood the API server and etcd with Events and degrade the whole control plane";

impl Rule for ApiserverEventRateLimitOff {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::ApiServer) {
            admission::report(c, PLUGIN, WHY, true, cx);
        }
    }
}
