//! C401: the API server stores Secrets unencrypted.

use crate::facts::{Component, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct ApiserverEncryptionNotConfigured;
pub static RULE: ApiserverEncryptionNotConfigured = ApiserverEncryptionNotConfigured;

impl Rule for ApiserverEncryptionNotConfigured {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::ApiServer) {
            if cp::unset(c, "encryption-provider-config") == Some(true) {
                cx.report(
                    c.get("encryption-provider-config")
                        .map(|s| s.span)
                        .unwrap_or(c.anchor),
                    format!(
                        "{} has no {}: Secrets are written to etcd, its snapshots and backups in plain text{}",
                        cp::who(c),
                        c.origin.spelling("encryption-provider-config"),
                        cp::distro_fix(c, "encryption-provider-config")
                    ),
                );
            }
        }
    }
}
