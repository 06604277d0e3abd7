//! C102: etcd listens on every interface.

use crate::facts::{Component, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct EtcdListensOnAllInterfaces;
pub static RULE: EtcdListensOnAllInterfaces = EtcdListensOnAllInterfaces;

impl Rule for EtcdListensOnAllInterfaces {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::Etcd) {
            for (flag, who) in [
                ("listen-client-urls", "clients"),
                ("listen-peer-urls", "peers"),
            ] {
                for item in c.values(flag) {
                    if let Some((_, host)) = cp::scheme_host(&item.value) {
                        if cp::is_wildcard(&host) {
                            cx.report(
                                item.span,
                                format!(
                                    "etcd listens for {who} on {} (--{flag}, {}): every interface of the node, not only the control-plane network",
                                    item.value,
                                    c.origin.describe()
                                ),
                            );
                        }
                    }
                }
            }
        }
    }
}
