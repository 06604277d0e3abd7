//! Pod networks and NetworkPolicy engines that are judged over the whole scan (CIS Kubernetes
//! 5.3.1): a raw CNI manifest's pods ([`pods`]), the EKS VPC CNI add-on's `enableNetworkPolicy`
//! ([`vpc`], read by the Terraform, eksctl and CloudFormation lowerings), and whatever installs
//! a policy engine beside them (a calico-node or Cilium agent pod, a tigera-operator
//! `Installation`, a Helm chart release). Distribution configs decide their own pod network in
//! `distro/podnet.rs`; these networks enforce nothing themselves but are often completed by an
//! engine installed elsewhere, so rule N404 reports them only when the scan holds no engine.

pub mod pods;
pub mod vpc;

use crate::facts::{FileFacts, Located, PodNetwork, PolicyEngine};
use crate::source::Span;

/// Records a pod network that enforces nothing unless an engine runs beside it.
pub fn network(facts: &mut FileFacts, who: String, key: &str, value: Located<String>, why: String) {
    facts.installer.pod_networks.push(PodNetwork {
        distro: who,
        key: key.to_string(),
        value,
        enforces: Some(false),
        why,
        related: Vec::new(),
        beside: true,
    });
}

/// Records something that installs a NetworkPolicy engine.
pub fn engine(facts: &mut FileFacts, what: String, span: Span) {
    facts
        .installer
        .policy_engines
        .push(PolicyEngine { what, span });
}

/// Helm charts that install a NetworkPolicy engine (a pod network that enforces, or a policy
/// controller beside one): upstream names and RKE2's packaged copies.
const ENGINE_CHARTS: &[&str] = &[
    "cilium",
    "tigera-operator",
    "calico",
    "aws-calico",
    "antrea",
    "kube-router",
    "kube-ovn",
    "rke2-cilium",
    "rke2-calico",
    "rke2-canal",
];

/// Whether a chart reference names an engine's chart: `cilium`, `cilium/cilium`,
/// `oci://…/tigera-operator`, `…/tigera-operator-v3.28.0.tgz`.
pub fn engine_chart(chart: &str) -> bool {
    let last = chart
        .trim()
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or("");
    let name = last
        .strip_suffix(".tgz")
        .unwrap_or(last)
        .to_ascii_lowercase();
    ENGINE_CHARTS.iter().any(|c| {
        name == *c
            || name
                .strip_prefix(c)
                .and_then(|r| r.strip_prefix('-'))
                .is_some_and(|v| {
                    v.trim_start_matches('v')
                        .starts_with(|ch: char| ch.is_ascii_digit())
                })
    })
}

/// An image's repository path in lower case, without registry tag or digest:
/// `docker.io/flannel/flannel:v0.26.1` → `["docker.io", "flannel", "flannel"]`.
pub fn repository(image: &str) -> Vec<String> {
    let no_digest = image.split('@').next().unwrap_or("");
    let path = match no_digest.rsplit_once(':') {
        // A colon after the last slash starts the tag; before it, a registry port.
        Some((p, tag)) if !tag.contains('/') => p,
        _ => no_digest,
    };
    path.split('/')
        .filter(|s| !s.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts() {
        assert!(engine_chart("cilium"));
        assert!(engine_chart("cilium/cilium"));
        assert!(engine_chart("projectcalico/tigera-operator"));
        assert!(engine_chart(
            "https://github.com/projectcalico/calico/releases/download/v3.28.0/tigera-operator-v3.28.0.tgz"
        ));
        assert!(engine_chart(
            "oci://registry-1.docker.io/bitnamicharts/cilium"
        ));
        assert!(!engine_chart("cilium-enterprise-extras"));
        assert!(!engine_chart("ingress-nginx"));
        assert!(!engine_chart("aws-vpc-cni"));
    }

    #[test]
    fn repositories() {
        assert_eq!(
            repository("docker.io/flannel/flannel:v0.26.1"),
            ["docker.io", "flannel", "flannel"]
        );
        assert_eq!(
            repository("localhost:5000/flannel@sha256:abc"),
            ["localhost:5000", "flannel"]
        );
        assert_eq!(
            repository("quay.io/coreos/flannel"),
            ["quay.io", "coreos", "flannel"]
        );
    }
}
