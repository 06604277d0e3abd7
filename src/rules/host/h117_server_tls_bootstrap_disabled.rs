//! H117: Bottlerocket kubelet serving-certificate bootstrap turned off without a certificate.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct ServerTlsBootstrapDisabled;
pub static RULE: ServerTlsBootstrapDisabled = ServerTlsBootstrapDisabled;

impl Rule for ServerTlsBootstrapDisabled {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        let Some(s) = facts.host_setting("settings.kubernetes.server-tls-bootstrap").filter(|s| s.value == "false") else {
            return;
        };
        if facts.host_setting("settings.kubernetes.server-certificate").is_none() {
            cx.report(s.value_span, "settings.kubernetes.server-tls-bootstrap = false without settings.kubernetes.server-certificate: the kubelet serves a self-signed certificate that clients cannot verify and that is never rotated");
        }
    }
}
