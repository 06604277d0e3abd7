//! C105: etcd has no serving certificate and key for clients, or for peers on the network.

use crate::facts::{Component, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct EtcdTlsCertMissing;
pub static RULE: EtcdTlsCertMissing = EtcdTlsCertMissing;

impl Rule for EtcdTlsCertMissing {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::Etcd) {
            let remote_peers = c
                .values("listen-peer-urls")
                .iter()
                .any(|i| cp::scheme_host(&i.value).is_some_and(|(_, h)| !cp::is_loopback(&h)));
            let pairs: &[(&str, &str, &str, bool)] = &[
                ("cert-file", "key-file", "clients", true),
                ("peer-cert-file", "peer-key-file", "peers", remote_peers),
            ];
            for (cert, key, who, applies) in pairs {
                let auto = if *who == "clients" {
                    "auto-tls"
                } else {
                    "peer-auto-tls"
                };
                // auto-tls has its own rule (C104).
                if !applies || c.get(auto).and_then(|s| s.as_bool()) == Some(true) {
                    continue;
                }
                let missing = cp::unset_flags(c, &[*cert, *key]);
                if !missing.is_empty() {
                    cx.report(
                        cp::place_of(c, &missing),
                        format!(
                            "etcd has no --{} for {who} ({}): it cannot serve TLS to them",
                            missing.join(" / --"),
                            c.origin.describe()
                        ),
                    );
                }
            }
        }
    }
}
