//! C406: an encryption key has the wrong length, is reused, or is a published example.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};
use std::collections::HashMap;

pub struct EncryptionKeyInvalid;
pub static RULE: EncryptionKeyInvalid = EncryptionKeyInvalid;

/// Keys printed in documentation and tutorials ("secret is secure", "secret is secure, I think").
const PUBLISHED: &[&str] = &[
    "c2VjcmV0IGlzIHNlY3VyZQ==",
    "c2VjcmV0IGlzIHNlY3VyZSwgSSB0aGluaw==",
    "dGhpcyBpcyBwYXNzd29yZA==",
];

/// Accepted decoded key lengths per provider.
fn lengths(kind: &str) -> Option<&'static [usize]> {
    match kind {
        "aescbc" | "secretbox" => Some(&[32]),
        "aesgcm" => Some(&[16, 24, 32]),
        _ => None,
    }
}

impl Rule for EncryptionKeyInvalid {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for e in &facts.encryption_configs {
            let mut seen: HashMap<&str, &str> = HashMap::new();
            for p in e.resources.iter().flat_map(|r| &r.providers) {
                let Some(allowed) = lengths(&p.kind) else {
                    continue;
                };
                for k in &p.keys {
                    let name = k.name.as_deref().unwrap_or("(unnamed)");
                    let secret = k.secret.value.trim();
                    if PUBLISHED.contains(&secret) {
                        cx.report(
                            k.secret.value_span,
                            format!("{} key {name} is an example key published in documentation: generate a random one", p.kind),
                        );
                        continue;
                    }
                    if let Some(len) = k.decoded_len.filter(|l| !allowed.contains(l)) {
                        let want = allowed
                            .iter()
                            .map(|n| n.to_string())
                            .collect::<Vec<_>>()
                            .join(", ");
                        cx.report(
                            k.secret.value_span,
                            format!("{} key {name} decodes to {len} bytes; {} needs {want} bytes of random data", p.kind, p.kind),
                        );
                        continue;
                    }
                    if k.decoded_len.is_some() {
                        if let Some(first) = seen.insert(secret, name) {
                            cx.report(
                                k.secret.value_span,
                                format!("{} key {name} repeats the secret of key {first}: one leak exposes both", p.kind),
                            );
                        }
                    }
                }
            }
        }
    }
}
