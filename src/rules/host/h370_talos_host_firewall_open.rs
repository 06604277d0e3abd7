//! H370: a Talos machine config leaves the host firewall open: no `NetworkDefaultActionConfig`
//! with `ingress: block` in the stream (Talos then accepts every inbound packet), or one with
//! `ingress: accept`.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct TalosHostFirewallOpen;
pub static RULE: TalosHostFirewallOpen = TalosHostFirewallOpen;

impl Rule for TalosHostFirewallOpen {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        if facts.installer.talos.is_empty() {
            return;
        }
        let actions = &facts.installer.talos_default_actions;
        for a in actions.iter().filter(|a| a.ingress == "accept") {
            cx.report(
                a.span,
                "NetworkDefaultActionConfig sets ingress: accept: every port of the node not closed by a rule is reachable".to_string(),
            );
        }
        if actions.is_empty() {
            for t in &facts.installer.talos {
                cx.report(
                    t.anchor,
                    "Talos machine config without a NetworkDefaultActionConfig document (ingress: block): the host firewall accepts every inbound connection, including the Talos API (50000) and the kubelet (10250)".to_string(),
                );
            }
        }
    }
}
