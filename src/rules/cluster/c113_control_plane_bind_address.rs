//! C113: kube-controller-manager or kube-scheduler serves on every interface.

use crate::facts::{Component, Effective, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct ControlPlaneBindAddress;
pub static RULE: ControlPlaneBindAddress = ControlPlaneBindAddress;

impl Rule for ControlPlaneBindAddress {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in facts.components.iter().filter(|c| {
            matches!(
                c.component,
                Component::ControllerManager | Component::Scheduler
            )
        }) {
            // --secure-port=0 turns the endpoints off: nothing listens on the address.
            if c.get("secure-port")
                .is_some_and(|p| p.value_or_true().trim() == "0")
            {
                continue;
            }
            match c.effective("bind-address") {
                Effective::Set(s) if !cp::is_loopback(s.value_or_true().trim()) => cx.report(
                    s.value_span,
                    format!(
                        "{} serves its health, metrics and debug endpoints on {} (`{}`, {}), not only on loopback",
                        c.component.binary(),
                        s.value_or_true(),
                        s.written,
                        c.origin.describe()
                    ),
                ),
                Effective::Default(d) if !cp::is_loopback(d) => cx.report(
                    c.anchor,
                    format!(
                        "{} does not set --bind-address ({}), so it serves on {d}: every interface of the node",
                        c.component.binary(),
                        c.origin.describe()
                    ),
                ),
                _ => {}
            }
        }
    }
}
