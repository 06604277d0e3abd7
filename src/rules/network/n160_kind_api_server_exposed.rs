//! N160: a kind cluster publishes its API server beyond the loopback interface.

use crate::facts::FileFacts;
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct KindApiServerExposed;
pub static RULE: KindApiServerExposed = KindApiServerExposed;

impl Rule for KindApiServerExposed {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for d in facts.distro.iter().filter(|d| d.distro == "kind") {
            let Some(v) = d.get("networking.apiServerAddress") else {
                continue;
            };
            let host = v.value.trim().trim_start_matches('[').trim_end_matches(']');
            if host.is_empty() || cp::is_loopback(host) || crate::extract::distro::templated(host) {
                continue;
            }
            let reach = if cp::is_wildcard(host) {
                "on every interface of the host"
            } else {
                "on a network address of the host"
            };
            cx.report(
                v.span,
                format!(
                    "kind publishes the API server {reach} (`networking.apiServerAddress: {}`): anyone who can reach the host reaches a cluster whose admin credentials are shared by every kind user",
                    v.value
                ),
            );
        }
    }
}
