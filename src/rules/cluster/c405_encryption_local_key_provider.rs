//! C405: Secrets are encrypted with a key kept next to the API server, not in a KMS.

use crate::facts::FileFacts;
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct EncryptionLocalKeyProvider;
pub static RULE: EncryptionLocalKeyProvider = EncryptionLocalKeyProvider;

impl Rule for EncryptionLocalKeyProvider {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for e in &facts.encryption_configs {
            let Some((rule, _)) = cp::secrets_rule(&e.resources) else {
                continue;
            };
            let Some(first) = rule.providers.first() else {
                continue;
            };
            let note = match first.kind.as_str() {
                "aescbc" => "upstream documentation now rates AES-CBC weak (padding oracle) and recommends KMS v2",
                "aesgcm" => "AES-GCM keys must be rotated every 200,000 writes; upstream recommends KMS v2",
                "secretbox" => "the key sits in a file on every control-plane node; upstream recommends KMS v2",
                _ => continue,
            };
            cx.report(
                first.span,
                format!(
                    "Secrets are encrypted with {}, a key stored on the control-plane nodes next to the data: {note}",
                    first.kind
                ),
            );
        }
    }
}
