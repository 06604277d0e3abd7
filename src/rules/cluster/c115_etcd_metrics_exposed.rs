//! C115: etcd serves metrics beyond loopback.

use crate::facts::{Component, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct EtcdMetricsExposed;
pub static RULE: EtcdMetricsExposed = EtcdMetricsExposed;

impl Rule for EtcdMetricsExposed {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::Etcd) {
            for item in c.values("listen-metrics-urls") {
                let Some((scheme, host)) = cp::scheme_host(&item.value) else {
                    continue;
                };
                // Plain HTTP on a routable address: anyone who reaches it reads etcd's metrics
                // and health without credentials.
                if scheme == "http" && !cp::is_loopback(&host) {
                    cx.report(
                        item.span,
                        format!(
                            "etcd serves metrics and health without authentication on {} (--listen-metrics-urls, {})",
                            item.value,
                            c.origin.describe()
                        ),
                    );
                }
            }
        }
    }
}
