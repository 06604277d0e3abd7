//! C308: the kubelet's serving certificate is not requested from the cluster CA / not rotated.

use crate::facts::{Component, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct KubeletServerCertRotationDisabled;
pub static RULE: KubeletServerCertRotationDisabled = KubeletServerCertRotationDisabled;

impl Rule for KubeletServerCertRotationDisabled {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::Kubelet) {
            if let Some(s) = c
                .get("rotate-server-certificates")
                .filter(|s| s.as_bool() == Some(false))
            {
                cx.report(
                    s.span,
                    format!(
                        "the kubelet keeps a self-signed serving certificate that is never rotated: `{}` ({})",
                        s.written,
                        c.origin.describe()
                    ),
                );
            }
        }
        // The feature gate, on the kubelet or the controller manager, turns rotation off.
        for c in facts.components.iter().filter(|c| {
            matches!(
                c.component,
                Component::Kubelet | Component::ControllerManager
            )
        }) {
            for item in c.values("feature-gates") {
                let Some((gate, value)) = item.value.split_once('=') else {
                    continue;
                };
                if gate.trim() == "RotateKubeletServerCertificate"
                    && crate::facts::go_bool(value) == Some(false)
                {
                    let at = item.anchor();
                    cx.report(
                        at,
                        format!(
                            "{} turns off RotateKubeletServerCertificate ({}): kubelet serving certificates are never renewed",
                            c.component.binary(),
                            c.origin.describe()
                        ),
                    );
                }
            }
        }
    }
}
