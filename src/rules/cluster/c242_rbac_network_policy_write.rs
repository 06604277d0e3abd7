//! C242: a role can write network policies (Kubernetes, Calico or Cilium), and so lift the
//! default-deny that isolates workloads.

use crate::facts::FileFacts;
use crate::rules::rbac::report_grants;
use crate::rules::{Cx, Rule};

pub struct RbacNetworkPolicyWrite;
pub static RULE: RbacNetworkPolicyWrite = RbacNetworkPolicyWrite;

const TARGETS: &[(&str, &str)] = &[
    ("networking.k8s.io", "networkpolicies"),
    ("policy.networking.k8s.io", "adminnetworkpolicies"),
    ("policy.networking.k8s.io", "baselineadminnetworkpolicies"),
    ("crd.projectcalico.org", "networkpolicies"),
    ("crd.projectcalico.org", "globalnetworkpolicies"),
    ("crd.projectcalico.org", "stagednetworkpolicies"),
    ("crd.projectcalico.org", "stagedglobalnetworkpolicies"),
    ("crd.projectcalico.org", "tiers"),
    ("projectcalico.org", "networkpolicies"),
    ("projectcalico.org", "globalnetworkpolicies"),
    ("projectcalico.org", "stagednetworkpolicies"),
    ("projectcalico.org", "stagedglobalnetworkpolicies"),
    ("projectcalico.org", "tiers"),
    ("cilium.io", "ciliumnetworkpolicies"),
    ("cilium.io", "ciliumclusterwidenetworkpolicies"),
];
const VERBS: &[&str] = &["create", "update", "patch", "delete", "deletecollection"];

impl Rule for RbacNetworkPolicyWrite {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        report_grants(facts, cx, TARGETS, VERBS);
    }
}
