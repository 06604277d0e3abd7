//! N101: a LoadBalancer Service is reachable from the whole internet.

use crate::facts::kube::Service;
use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct ServiceLoadbalancerOpen;
pub static RULE: ServiceLoadbalancerOpen = ServiceLoadbalancerOpen;

/// Annotations that make a cloud load balancer internal, with the values that do *not*.
const INTERNAL: &[(&str, &[&str])] = &[
    (
        "service.beta.kubernetes.io/aws-load-balancer-internal",
        &["false"],
    ),
    (
        "service.beta.kubernetes.io/azure-load-balancer-internal",
        &["false"],
    ),
    (
        "service.beta.kubernetes.io/openstack-internal-load-balancer",
        &["false"],
    ),
    (
        "service.beta.kubernetes.io/oci-load-balancer-internal",
        &["false"],
    ),
];

/// Annotations whose value must name the internal scheme.
const INTERNAL_VALUE: &[(&str, &str)] = &[
    (
        "service.beta.kubernetes.io/aws-load-balancer-scheme",
        "internal",
    ),
    ("networking.gke.io/load-balancer-type", "internal"),
    ("cloud.google.com/load-balancer-type", "internal"),
    (
        "service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type",
        "private",
    ),
];

const SOURCE_RANGES_ANNOTATION: &str = "service.beta.kubernetes.io/load-balancer-source-ranges";

pub fn internal(s: &Service) -> bool {
    INTERNAL.iter().any(|(k, not)| {
        s.meta
            .annotation(k)
            .is_some_and(|v| !not.contains(&v.trim().to_ascii_lowercase().as_str()))
    }) || INTERNAL_VALUE.iter().any(|(k, want)| {
        s.meta
            .annotation(k)
            .is_some_and(|v| v.trim().eq_ignore_ascii_case(want))
    })
}

impl Rule for ServiceLoadbalancerOpen {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for s in &facts.kube.services {
            let Some(t) = s
                .service_type
                .as_ref()
                .filter(|t| t.value == "LoadBalancer")
            else {
                continue;
            };
            if internal(s) {
                continue;
            }
            let ports = if s.ports.is_empty() {
                String::new()
            } else {
                format!(" ({})", s.ports.join(", "))
            };
            if let Some(world) = s
                .source_ranges
                .iter()
                .find(|r| crate::cidr::is_world(&r.value))
            {
                cx.report_related(
                    world.span,
                    format!(
                        "{} is a LoadBalancer open to {} through loadBalancerSourceRanges{ports}",
                        s.meta.display(),
                        world.value
                    ),
                    world.related(&world.value),
                );
                continue;
            }
            let annotated = s
                .meta
                .annotation(SOURCE_RANGES_ANNOTATION)
                .is_some_and(|v| !v.trim().is_empty() && !v.split(',').any(crate::cidr::is_world));
            if s.source_ranges.is_empty() && !annotated {
                cx.report(
                    t.span,
                    format!(
                        "{} is a LoadBalancer without loadBalancerSourceRanges or an internal-load-balancer annotation: on a cloud provider it gets a public address open to every source{ports}",
                        s.meta.display()
                    ),
                );
            }
        }
    }
}
