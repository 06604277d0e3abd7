//! N110: a Gateway (Gateway API or Istio) serves plain HTTP.
//!
//! Gateway API: an `HTTP` listener of a Gateway that has no `HTTPS` or `TLS` listener (with one,
//! the HTTP listener is commonly a redirect written in an HTTPRoute, not in view here). Istio: a
//! server whose `port.protocol` is `HTTP`, `HTTP2` or `GRPC` without a `tls` section (the
//! `tls.httpsRedirect: true` idiom counts as one).

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct GatewayListenerWithoutTls;
pub static RULE: GatewayListenerWithoutTls = GatewayListenerWithoutTls;

impl Rule for GatewayListenerWithoutTls {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for g in &facts.kube.gateways {
            let protocol = |p: &str| {
                g.listeners.iter().any(|l| {
                    l.protocol
                        .as_ref()
                        .is_some_and(|x| x.value.eq_ignore_ascii_case(p))
                })
            };
            if !g.istio && (protocol("HTTPS") || protocol("TLS")) {
                continue;
            }
            for l in &g.listeners {
                let Some(p) = l.protocol.as_ref() else {
                    continue;
                };
                let plain = if g.istio {
                    ["HTTP", "HTTP2", "GRPC"]
                        .iter()
                        .any(|h| p.value.eq_ignore_ascii_case(h))
                        && !l.tls
                } else {
                    p.value == "HTTP"
                };
                if !plain {
                    continue;
                }
                let what = match (&l.name, &l.port) {
                    (Some(n), Some(port)) => format!("{n} (port {port})"),
                    (Some(n), None) => n.clone(),
                    (None, Some(port)) => format!("on port {port}"),
                    (None, None) => String::new(),
                };
                let hosts = if l.hosts.is_empty() {
                    "any host".to_string()
                } else {
                    l.hosts.join(", ")
                };
                let message = if g.istio {
                    format!(
                        "Istio {} server {what} has protocol {} and no tls section: requests for {hosts} travel over plain HTTP (tls.httpsRedirect: true would redirect them)",
                        g.display, p.value
                    )
                } else {
                    format!(
                        "{} listener {what} has protocol HTTP and the Gateway has no HTTPS or TLS listener: routes for {hosts} are served over plain HTTP only",
                        g.display
                    )
                };
                cx.report(p.span, message);
            }
        }
    }
}
