//! C360: a k3s/RKE2 config carries a literal join token, S3 secret key or datastore password.

use crate::facts::{DistroConfig, FileFacts, Located};
use crate::rules::{Cx, Rule};

pub struct DistroLiteralSecret;
pub static RULE: DistroLiteralSecret = DistroLiteralSecret;

/// Keys whose value is a secret, and what it grants.
const SECRETS: &[(&str, &str)] = &[
    ("token", "joins servers and agents to the cluster (a server token also decrypts the cluster's bootstrap data)"),
    ("agent-token", "joins agents to the cluster"),
    ("etcd-s3-secret-key", "reads and writes the etcd snapshots, which hold every Secret"),
];

/// Values that are not a literal secret: templates, environment references, placeholders.
fn literal(v: &str) -> bool {
    let t = v.trim();
    // Placeholders of examples and templates (`<token>`, `your-token`, `changeme`, `foo`).
    let lower = t.to_ascii_lowercase();
    let placeholder = (t.starts_with('<') && t.ends_with('>'))
        || t.chars().count() < 8
        || [
            "example",
            "changeme",
            "change-me",
            "your",
            "xxxx",
            "placeholder",
            "replace",
            "redacted",
            "secret-here",
            "token-here",
        ]
        .iter()
        .any(|w| lower.contains(w));
    let indirect =
        t.starts_with('$') || t.starts_with("ENC[") || crate::extract::distro::templated(t);
    !(t.is_empty() || placeholder || indirect)
}

/// The password of a URL's userinfo (`postgres://user:pass@host/db`, `mysql://u:p@tcp(h)/db`).
fn url_password(url: &str) -> Option<&str> {
    let (_, rest) = url.split_once("://")?;
    let userinfo = rest.rsplit_once('@')?.0;
    let (_, pass) = userinfo.split_once(':')?;
    Some(pass)
}

fn masked(v: &str) -> String {
    format!("<{} characters, masked>", v.chars().count())
}

fn report(d: &DistroConfig, key: &str, v: &Located<String>, what: &str, cx: &mut Cx) {
    cx.report(
        v.value_span,
        format!(
            "{} `{key}` is written in the file ({}): whoever reads the repository {what}; read it from a file instead (`{key}-file` or a secret store)",
            d.distro,
            masked(&v.value)
        ),
    );
}

impl Rule for DistroLiteralSecret {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for d in facts.distro.iter().filter(|d| !d.sops) {
            for (key, what) in SECRETS {
                if let Some(v) = d.get(key).filter(|v| literal(&v.value)) {
                    report(d, key, v, what, cx);
                }
            }
            if let Some(v) = d.get("datastore-endpoint") {
                if let Some(p) = url_password(&v.value).filter(|p| literal(p)) {
                    cx.report(
                        v.value_span,
                        format!(
                            "{} `datastore-endpoint` carries the datastore password ({}): whoever reads the repository can read and rewrite the whole cluster state; pass it in the K3S_DATASTORE_ENDPOINT environment variable or a file",
                            d.distro,
                            masked(p)
                        ),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn secrets() {
        assert!(super::literal("K10abc::server:def"));
        assert!(!super::literal("${K3S_TOKEN}"));
        assert!(!super::literal("{{ k3s_token }}"));
        assert!(!super::literal("ENC[AES256_GCM,data:...]"));
        assert!(!super::literal("boop"));
        assert!(!super::literal("your-secure-token"));
        assert_eq!(
            super::url_password("postgres://u:pw@db:5432/k3s"),
            Some("pw")
        );
        assert_eq!(
            super::url_password("mysql://u:pw@tcp(db:3306)/k3s"),
            Some("pw")
        );
        assert_eq!(super::url_password("https://10.0.0.1:2379"), None);
    }
}
