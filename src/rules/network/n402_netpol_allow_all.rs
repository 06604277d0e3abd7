//! N402: a network policy rule allows all traffic.

use crate::facts::FileFacts;
use crate::rules::netpol::{calico_rule_allow_all, cilium_rule_allow_all, np_peer_allow_all};
use crate::rules::{Cx, Rule};

pub struct NetpolAllowAll;
pub static RULE: NetpolAllowAll = NetpolAllowAll;

impl Rule for NetpolAllowAll {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        let k = &facts.kube;
        for p in &k.net_policies {
            let dirs = [
                ("ingress", "from", p.ingress_type, &p.ingress),
                ("egress", "to", p.egress_type, &p.egress),
            ];
            for (dir, word, typed, rules) in dirs {
                if !typed {
                    continue;
                }
                for r in rules {
                    if r.allows_all() {
                        cx.report(
                            r.span,
                            format!(
                                "{} has an {dir} rule with no `{word}` and no ports: it allows all {dir} traffic of the pods it selects",
                                p.meta.display()
                            ),
                        );
                        continue;
                    }
                    // With ports the rule is narrowed; world peers there are a judgement call.
                    if r.has_ports {
                        continue;
                    }
                    for peer in &r.peers {
                        if let Some(what) = np_peer_allow_all(peer) {
                            let span = match peer {
                                crate::facts::kube::NpPeer::IpBlock { cidr, .. } => cidr.span,
                                crate::facts::kube::NpPeer::Selectors { span, .. } => *span,
                            };
                            cx.report(
                                span,
                                format!(
                                    "{} allows {dir} {word} {what} on all ports",
                                    p.meta.display()
                                ),
                            );
                        }
                    }
                }
            }
        }
        for p in &k.calico_policies {
            let dirs = [
                ("ingress", p.ingress_type, &p.ingress),
                ("egress", p.egress_type, &p.egress),
            ];
            for (dir, typed, rules) in dirs {
                for r in rules.iter().filter(|_| typed) {
                    if let Some(what) = calico_rule_allow_all(r) {
                        cx.report(
                            r.span,
                            format!("{} has {what} for {dir}: it allows all {dir} traffic of the endpoints it selects", p.meta.display()),
                        );
                    }
                }
            }
        }
        for p in &k.cilium_policies {
            for (dir, rules) in [("ingress", &p.ingress), ("egress", &p.egress)] {
                for r in rules {
                    if let Some(what) = cilium_rule_allow_all(r) {
                        cx.report(
                            r.span,
                            format!("{} allows {dir} to or from {what}", p.meta.display()),
                        );
                    }
                }
            }
        }
    }
}
