//! C470: a Talos control-plane config has no Secrets encryption key, so Talos renders an
//! EncryptionConfiguration with the identity provider only.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct TalosSecretsEncryptionMissing;
pub static RULE: TalosSecretsEncryptionMissing = TalosSecretsEncryptionMissing;

impl Rule for TalosSecretsEncryptionMissing {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for t in &facts.installer.talos {
            if t.control_plane && !t.encryption_secret {
                cx.report(
                    t.anchor,
                    "Talos control-plane config sets neither cluster.secretboxEncryptionSecret nor cluster.aescbcEncryptionSecret: Talos then writes an identity-only EncryptionConfiguration and Secrets are stored in etcd in clear".to_string(),
                );
            }
        }
    }
}
