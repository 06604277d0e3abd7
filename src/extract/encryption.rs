//! API server configuration files: `EncryptionConfiguration` (and its pre-1.13 name
//! `EncryptionConfig`): which resources each entry covers, its providers in order, and each key's
//! decoded length; and `AuthenticationConfiguration`: anonymous access and JWT issuers.

use super::kubeadm::field;
use crate::facts::{
    AuthenticationConfig, EncryptionConfig, EncryptionKey, EncryptionProvider, EncryptionRule,
    Field, FileFacts,
};
use crate::parse::Node;
use base64::Engine;

pub fn extract(root: &Node, facts: &mut FileFacts) {
    let resources = root
        .get("resources")
        .map(Node::items)
        .unwrap_or(&[])
        .iter()
        .map(|item| EncryptionRule {
            span: item.span,
            resources: item
                .get("resources")
                .map(Node::items)
                .unwrap_or(&[])
                .iter()
                .filter_map(|r| Some(Field::written(r.as_str()?.to_string(), r.span, r.span)))
                .collect(),
            providers: item
                .get("providers")
                .map(Node::items)
                .unwrap_or(&[])
                .iter()
                .flat_map(|p| p.entries().iter().map(provider))
                .collect(),
        })
        .collect();
    facts.encryption_configs.push(EncryptionConfig {
        anchor: super::nodes::kind_span(root),
        resources,
    });
}

pub fn authentication(root: &Node, facts: &mut FileFacts) {
    let anonymous = root.get("anonymous");
    let scalar = |n: &Node| Some(Field::written(n.as_str()?.to_string(), n.span, n.span));
    facts.authentication_configs.push(AuthenticationConfig {
        anchor: super::nodes::kind_span(root),
        anonymous_enabled: anonymous.and_then(|a| field(a, "enabled")),
        anonymous_paths: anonymous.and_then(|a| a.get("conditions")).map(|c| {
            c.items()
                .iter()
                .filter_map(|i| i.get("path").and_then(scalar))
                .collect()
        }),
        jwt_issuers: root
            .get("jwt")
            .map(Node::items)
            .unwrap_or(&[])
            .iter()
            .filter_map(|j| j.path(&["issuer", "url"]).and_then(scalar))
            .collect(),
    });
}

fn provider((key, body): &(Node, Node)) -> EncryptionProvider {
    EncryptionProvider {
        kind: key.as_str().unwrap_or_default().to_string(),
        span: key.span,
        kms_api_version: body.get_str("apiVersion").map(str::to_string),
        keys: body
            .get("keys")
            .map(Node::items)
            .unwrap_or(&[])
            .iter()
            .filter_map(|k| {
                let secret = field(k, "secret")?;
                Some(EncryptionKey {
                    name: k.get_str("name").map(str::to_string),
                    decoded_len: decoded_len(&secret.value),
                    secret,
                })
            })
            .collect(),
    }
}

/// The length in bytes of a base64 key, as the API server decodes it (standard alphabet,
/// padded); `None` for anything else (placeholders such as `${ENCRYPTION_KEY}`).
pub fn decoded_len(secret: &str) -> Option<usize> {
    base64::engine::general_purpose::STANDARD
        .decode(secret.trim())
        .ok()
        .map(|b| b.len())
}

#[cfg(test)]
mod tests {
    #[test]
    fn key_lengths() {
        assert_eq!(
            super::decoded_len("c2VjcmV0IGlzIHNlY3VyZSwgSSB0aGluaw=="),
            Some(25)
        );
        assert_eq!(super::decoded_len("${ENCRYPTION_KEY}"), None);
    }
}
