//! C103: etcd does not require client certificates from clients or peers.

use crate::facts::{Component, ComponentConfig, Effective, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct EtcdCertAuthDisabled;
pub static RULE: EtcdCertAuthDisabled = EtcdCertAuthDisabled;

/// Whether etcd talks to peers beyond this host (then peer authentication matters).
fn has_remote_peers(c: &ComponentConfig) -> bool {
    c.values("listen-peer-urls")
        .iter()
        .chain(c.values("initial-advertise-peer-urls").iter())
        .any(|i| cp::scheme_host(&i.value).is_some_and(|(_, h)| !cp::is_loopback(&h)))
}

impl Rule for EtcdCertAuthDisabled {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::Etcd) {
            for (flag, who) in [
                ("client-cert-auth", "clients"),
                ("peer-client-cert-auth", "peers"),
            ] {
                match c.effective(flag) {
                    Effective::Set(s) if s.as_bool() == Some(false) => cx.report(
                        s.span,
                        format!(
                            "etcd accepts {who} without a client certificate: `{}` ({})",
                            s.written,
                            c.origin.describe()
                        ),
                    ),
                    Effective::Default("false")
                        if !cp::reads_config_file(c)
                            && (who == "clients" || has_remote_peers(c)) =>
                    {
                        cx.report(
                            c.anchor,
                            format!(
                                "etcd does not set --{flag} ({}), which defaults to false: {who} are not asked for a certificate",
                                c.origin.describe()
                            ),
                        )
                    }
                    _ => {}
                }
            }
        }
    }
}
