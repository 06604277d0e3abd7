//! N103: a Service sets externalIPs.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct ServiceExternalIps;
pub static RULE: ServiceExternalIps = ServiceExternalIps;

impl Rule for ServiceExternalIps {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for s in &facts.kube.services {
            for ip in &s.external_ips {
                cx.report(
                    ip.span,
                    format!(
                        "{} claims external IP {}: every node forwards traffic for that address to the Service (and a Service can hijack another's traffic, CVE-2020-8554)",
                        s.meta.display(),
                        ip.value
                    ),
                );
            }
        }
    }
}
