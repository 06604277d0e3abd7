//! Judgements on credentials: text that holds a private key or token, file paths that name key
//! material.

use crate::facts::{is_templated, HostFile};

/// A credential found in written text: (0-based line, what it is).
pub fn find_secret(text: &str) -> Option<(usize, &'static str)> {
    let lines: Vec<&str> = text.lines().collect();
    let kubeconfig = text.contains("clusters:") || text.contains("users:");
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        if t.starts_with("-----BEGIN") && t.contains("PRIVATE KEY-----") {
            // The body must be literal: `${key}` is filled in elsewhere and unknown here.
            let body = lines[i + 1..]
                .iter()
                .map(|l| l.trim())
                .find(|l| !l.is_empty());
            if body.is_some_and(|b| !is_templated(b) && !b.starts_with("-----END")) {
                return Some((i, "a PEM private key"));
            }
        }
        let value_of = |key: &str| {
            t.strip_prefix(key)
                .map(|v| v.trim().trim_matches('"'))
                .filter(|v| !v.is_empty() && !is_templated(v))
        };
        if value_of("client-key-data:").is_some() {
            return Some((i, "a kubeconfig client key (client-key-data)"));
        }
        if kubeconfig && value_of("token:").is_some() {
            return Some((i, "a kubeconfig bearer token"));
        }
        if value_of("aws_secret_access_key").is_some() {
            return Some((i, "an AWS secret access key"));
        }
        if !is_templated(t) && has_bootstrap_token(t) {
            return Some((i, "a Kubernetes bootstrap token"));
        }
    }
    None
}

/// `[a-z0-9]{6}.[a-z0-9]{16}` as a whole word: the bootstrap token format.
fn has_bootstrap_token(s: &str) -> bool {
    let b = s.as_bytes();
    let tok = |c: u8| c.is_ascii_lowercase() || c.is_ascii_digit();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'.' || c == b'-' || c == b'_';
    (0..b.len()).any(|i| {
        b.len() >= i + 23
            && b[i..i + 6].iter().all(|c| tok(*c))
            && b[i + 6] == b'.'
            && b[i + 7..i + 23].iter().all(|c| tok(*c))
            && (i == 0 || !word(b[i - 1]))
            && b.get(i + 23).is_none_or(|c| !word(*c))
    })
}

impl HostFile {
    /// Whether the path names key material or credentials (`*.key`, `id_rsa`, kubeconfigs,
    /// kubeadm's `admin.conf`, token files).
    pub fn is_secret_path(&self) -> bool {
        let p = self.path.to_ascii_lowercase();
        let base = p.rsplit('/').next().unwrap_or(&p);
        let (stem, ext) = base.rsplit_once('.').unwrap_or((base, ""));
        // Scripts, units and certificates merely named after a credential hold none.
        if matches!(
            ext,
            "sh" | "py" | "service" | "socket" | "timer" | "path" | "crt" | "pub" | "md"
        ) {
            return false;
        }
        ext == "key"
            || base.ends_with("-key.pem")
            || base.ends_with("_key.pem")
            || matches!(base, "id_rsa" | "id_ecdsa" | "id_ed25519" | "id_dsa")
            || base.contains("kubeconfig")
            || (p.starts_with("/etc/kubernetes/")
                && matches!(
                    base,
                    "admin.conf"
                        | "super-admin.conf"
                        | "kubelet.conf"
                        | "bootstrap-kubelet.conf"
                        | "controller-manager.conf"
                        | "scheduler.conf"
                ))
            || stem.ends_with("token")
            || stem.ends_with("tokens")
            || p.starts_with("/etc/ssl/private/")
    }
}
