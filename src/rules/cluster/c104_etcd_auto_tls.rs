//! C104: etcd uses self-signed, auto-generated certificates.

use crate::facts::{Component, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct EtcdAutoTls;
pub static RULE: EtcdAutoTls = EtcdAutoTls;

impl Rule for EtcdAutoTls {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::Etcd) {
            for (flag, who) in [("auto-tls", "clients"), ("peer-auto-tls", "peers")] {
                if let Some(s) = c.get(flag).filter(|s| s.as_bool() == Some(true)) {
                    cx.report(
                        s.span,
                        format!(
                            "etcd generates a self-signed certificate for {who}: `{}` ({}); nobody can verify it, so the connection is open to interception",
                            s.written,
                            c.origin.describe()
                        ),
                    );
                }
            }
        }
    }
}
