//! C403: an EncryptionConfiguration does not cover Secrets.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct EncryptionSecretsNotCovered;
pub static RULE: EncryptionSecretsNotCovered = EncryptionSecretsNotCovered;

impl Rule for EncryptionSecretsNotCovered {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for e in &facts.encryption_configs {
            let covered = e.resources.iter().any(|r| {
                r.resources
                    .iter()
                    .any(|f| matches!(f.value.as_str(), "secrets" | "*." | "*.*"))
            });
            if !covered {
                let listed: Vec<&str> = e
                    .resources
                    .iter()
                    .flat_map(|r| r.resources.iter().map(|f| f.value.as_str()))
                    .collect();
                cx.report(
                    e.anchor,
                    format!(
                        "EncryptionConfiguration does not cover secrets (it lists {}): Secrets stay in plain text",
                        if listed.is_empty() { "no resources".to_string() } else { listed.join(", ") }
                    ),
                );
            }
        }
    }
}
