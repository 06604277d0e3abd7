//! C402: Secrets are written in plain text because `identity` is their first provider.

use crate::facts::FileFacts;
use crate::rules::controlplane::secrets_rule;
use crate::rules::{Cx, Rule};

pub struct EncryptionIdentityFirst;
pub static RULE: EncryptionIdentityFirst = EncryptionIdentityFirst;

impl Rule for EncryptionIdentityFirst {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for e in &facts.encryption_configs {
            let Some((rule, matched)) = secrets_rule(&e.resources) else {
                continue;
            };
            if let Some(first) = rule.providers.first().filter(|p| p.kind == "identity") {
                let later = rule
                    .providers
                    .iter()
                    .skip(1)
                    .map(|p| p.kind.as_str())
                    .collect::<Vec<_>>();
                cx.report(
                    first.span,
                    format!(
                        "identity is the first provider for `{matched}`: new Secrets are written in plain text{}",
                        if later.is_empty() {
                            String::new()
                        } else {
                            format!(" ({} only decrypt old data)", later.join(", "))
                        }
                    ),
                );
            }
        }
    }
}
