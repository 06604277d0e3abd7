//! C305: certificates are issued for longer than the configured maximum.

use crate::facts::{Component, FileFacts};
use crate::k8s::{go_duration_secs, human_secs};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct CertificateValidityTooLong;
pub static RULE: CertificateValidityTooLong = CertificateValidityTooLong;

/// kubeadm's own defaults: 1 year for leaf certificates, 10 years for CAs.
const LEAF: u64 = 8760 * 3600;
const CA: u64 = 87600 * 3600;

impl Rule for CertificateValidityTooLong {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        let leaf = cx.settings.max_certificate_validity.unwrap_or(LEAF);
        let ca = cx.settings.max_ca_certificate_validity.unwrap_or(CA);
        let judge = |value: &str, span, what: &str, max: u64, setting: &str, cx: &mut Cx| {
            if let Some(secs) = go_duration_secs(value).filter(|s| *s > max) {
                cx.report(
                    span,
                    format!(
                        "{what} `{value}` ({}) is longer than {} (settings.{setting}): a stolen key stays valid that long",
                        human_secs(secs),
                        human_secs(max)
                    ),
                );
            }
        };
        for k in &facts.kubeadm {
            if let Some(f) = &k.certificate_validity_period {
                judge(
                    &f.value,
                    f.span,
                    "kubeadm certificateValidityPeriod",
                    leaf,
                    "max-certificate-validity",
                    cx,
                );
            }
            if let Some(f) = &k.ca_certificate_validity_period {
                judge(
                    &f.value,
                    f.span,
                    "kubeadm caCertificateValidityPeriod",
                    ca,
                    "max-ca-certificate-validity",
                    cx,
                );
            }
        }
        for c in cp::of(facts, Component::ControllerManager) {
            if let Some(s) = c.get("cluster-signing-duration") {
                judge(
                    s.value_or_true(),
                    s.span,
                    "kube-controller-manager --cluster-signing-duration",
                    leaf,
                    "max-certificate-validity",
                    cx,
                );
            }
        }
    }
}
