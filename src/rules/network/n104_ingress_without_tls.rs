//! N104: an Ingress serves plain HTTP.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct IngressWithoutTls;
pub static RULE: IngressWithoutTls = IngressWithoutTls;

/// Annotations by which cloud controllers terminate TLS without `spec.tls`.
const TLS_ANNOTATIONS: &[&str] = &[
    "alb.ingress.kubernetes.io/certificate-arn",
    "ingress.gcp.kubernetes.io/pre-shared-cert",
    "networking.gke.io/managed-certificates",
    "kubernetes.io/ingress.global-static-ip-name-tls",
];

impl Rule for IngressWithoutTls {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for i in &facts.kube.ingresses {
            if i.has_tls
                || TLS_ANNOTATIONS
                    .iter()
                    .any(|a| i.meta.annotation(a).is_some())
            {
                continue;
            }
            let hosts = if i.hosts.is_empty() {
                "any host".to_string()
            } else {
                i.hosts.join(", ")
            };
            cx.report(
                i.anchor,
                format!(
                    "{} has no tls section: requests for {hosts} travel over plain HTTP",
                    i.meta.display()
                ),
            );
        }
    }
}
