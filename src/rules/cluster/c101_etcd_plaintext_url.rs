//! C101: etcd serves clients or peers over plain HTTP.

use crate::facts::{Component, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct EtcdPlaintextUrl;
pub static RULE: EtcdPlaintextUrl = EtcdPlaintextUrl;

const URL_FLAGS: &[(&str, &str)] = &[
    ("listen-client-urls", "listens for clients on"),
    ("advertise-client-urls", "advertises clients"),
    ("listen-peer-urls", "listens for peers on"),
    ("initial-advertise-peer-urls", "advertises peers"),
];

impl Rule for EtcdPlaintextUrl {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::Etcd) {
            for (flag, verb) in URL_FLAGS {
                // Only URLs actually written: etcd's own default (http://localhost) is loopback.
                for item in c.values(flag) {
                    if let Some((scheme, _)) = cp::scheme_host(&item.value) {
                        if scheme == "http" {
                            cx.report(
                                item.span,
                                format!(
                                    "etcd {verb} {} (--{flag}, {}): traffic and data are unencrypted and unauthenticated",
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
