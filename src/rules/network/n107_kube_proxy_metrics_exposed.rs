//! N107: kube-proxy serves its metrics on every interface.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct KubeProxyMetricsExposed;
pub static RULE: KubeProxyMetricsExposed = KubeProxyMetricsExposed;

/// Whether `host:port` binds beyond loopback; `None` when the host is not an address.
pub fn beyond_loopback(addr: &str) -> Option<bool> {
    let host = match addr.rsplit_once(':') {
        Some((h, _)) => h,
        None => addr,
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    if host.is_empty() {
        return Some(true);
    }
    if host == "localhost" {
        return Some(false);
    }
    host.parse::<std::net::IpAddr>()
        .ok()
        .map(|ip| !ip.is_loopback())
}

impl Rule for KubeProxyMetricsExposed {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for k in &facts.kube.kube_proxy {
            if let Some(m) = &k.metrics_bind_address {
                if beyond_loopback(&m.value) == Some(true) {
                    cx.report(
                        m.span,
                        format!(
                            "{} sets metricsBindAddress: {}: kube-proxy's unauthenticated metrics endpoint listens beyond loopback",
                            k.meta.display(),
                            m.value.trim()
                        ),
                    );
                }
            }
        }
    }
}
