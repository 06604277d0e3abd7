//! C108: the API server lacks its serving certificate, key or client CA.

use crate::facts::{Component, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct ApiserverTlsFilesMissing;
pub static RULE: ApiserverTlsFilesMissing = ApiserverTlsFilesMissing;

impl Rule for ApiserverTlsFilesMissing {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::ApiServer) {
            let serving = cp::unset_flags(c, &["tls-cert-file", "tls-private-key-file"]);
            if !serving.is_empty() {
                cx.report(
                    c.anchor,
                    format!(
                        "{} has no --{}: it serves a self-signed certificate that clients cannot verify",
                        cp::who(c),
                        serving.join(" / --")
                    ),
                );
            }
            if cp::unset(c, "client-ca-file") == Some(true) {
                cx.report(
                    c.get("client-ca-file").map(|s| s.span).unwrap_or(c.anchor),
                    format!(
                        "{} has no --client-ca-file: X.509 client certificates (kubelets, controllers, admins) are not verified",
                        cp::who(c)
                    ),
                );
            }
        }
    }
}
