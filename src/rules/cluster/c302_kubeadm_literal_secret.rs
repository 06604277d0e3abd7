//! C302: a kubeadm file carries a literal bootstrap token or certificate key.

use crate::facts::{Field, FileFacts};
use crate::rules::{Cx, Rule};

pub struct KubeadmLiteralSecret;
pub static RULE: KubeadmLiteralSecret = KubeadmLiteralSecret;

/// kubeadm's token format: `[a-z0-9]{6}.[a-z0-9]{16}`.
fn is_token(v: &str) -> bool {
    let ok = |s: &str, n: usize| {
        s.len() == n
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    };
    matches!(v.split_once('.'), Some((id, secret)) if ok(id, 6) && ok(secret, 16))
}

/// A certificate key is 32 bytes in hex.
fn is_certificate_key(v: &str) -> bool {
    v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The secret as shown in messages: a token keeps its public id (`abcdef.****************`),
/// a certificate key only its length. Fingerprints hash the flagged text, so different secrets
/// still get different fingerprints without the secret appearing anywhere in the output.
pub fn masked(v: &str) -> String {
    match v.split_once('.') {
        Some((id, secret)) if is_token(v) => format!("{id}.{}", "*".repeat(secret.len())),
        _ => format!("<{} hex digits, masked>", v.len()),
    }
}

impl Rule for KubeadmLiteralSecret {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        let report = |f: &Field, what: &str, cx: &mut Cx| {
            cx.report(
                f.value_span,
                format!(
                    "{what} `{}` is written in the file: whoever reads the repository can join nodes (or control-plane nodes) to the cluster",
                    masked(&f.value)
                ),
            )
        };
        for k in &facts.kubeadm {
            for t in &k.bootstrap_tokens {
                if let Some(f) = t.token.as_ref().filter(|f| is_token(&f.value)) {
                    report(f, "bootstrap token", cx);
                }
            }
            if let Some(d) = &k.discovery {
                if let Some(f) = d.token.as_ref().filter(|f| is_token(&f.value)) {
                    report(f, "discovery.bootstrapToken.token", cx);
                }
                if let Some(f) = d
                    .tls_bootstrap_token
                    .as_ref()
                    .filter(|f| is_token(&f.value))
                {
                    report(f, "discovery.tlsBootstrapToken", cx);
                }
            }
            if let Some(f) = k
                .certificate_key
                .as_ref()
                .filter(|f| is_certificate_key(&f.value))
            {
                report(
                    f,
                    "certificateKey (decrypts the uploaded control-plane certificates)",
                    cx,
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn formats() {
        assert!(super::is_token("abcdef.0123456789abcdef"));
        assert!(!super::is_token("${TOKEN}"));
        assert!(!super::is_token("ABCDEF.0123456789abcdef"));
        assert!(super::is_certificate_key(&"a1".repeat(32)));
        assert_eq!(
            super::masked("abcdef.0123456789abcdef"),
            "abcdef.****************"
        );
        assert_eq!(super::masked(&"a1".repeat(32)), "<64 hex digits, masked>");
    }
}
