//! H117: Bottlerocket kubelet serving-certificate bootstrap turned off without a certificate.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct ServerTlsBootstrapDisabled;
pub static RULE: ServerTlsBootstrapDisabled = ServerTlsBootstrapDisabled;

impl Rule for ServerTlsBootstrapDisabled {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        // A certificate anywhere in the file counts: several documents are rarely mixed.
        if facts
            .host_settings_at("settings.kubernetes.server-certificate")
            .next()
            .is_some()
        {
            return;
        }
        for s in facts
            .host_settings_at("settings.kubernetes.server-tls-bootstrap")
            .filter(|s| s.value == "false")
        {
            cx.report(s.value_span, "settings.kubernetes.server-tls-bootstrap = false without settings.kubernetes.server-certificate: the kubelet serves a self-signed certificate that clients cannot verify and that is never rotated");
        }
    }
}
