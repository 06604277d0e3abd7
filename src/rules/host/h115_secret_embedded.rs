//! H115: credentials embedded in the host config itself (readable from instance metadata, state
//! files and version control), in written files or Bottlerocket settings.

use crate::facts::{is_templated, FileFacts};
use crate::rules::secrets::find_secret;
use crate::rules::{Cx, Rule};
use base64::Engine;

pub struct SecretEmbedded;
pub static RULE: SecretEmbedded = SecretEmbedded;

/// Bottlerocket settings that are credentials by themselves.
fn secret_setting(path: &str) -> Option<&'static str> {
    if path == "settings.kubernetes.bootstrap-token" {
        Some("a Kubernetes bootstrap token")
    } else if path == "settings.kubernetes.server-key" {
        Some("the kubelet's serving private key")
    } else if path.starts_with("settings.container-registry.credentials[")
        && (path.ends_with(".password")
            || path.ends_with(".auth")
            || path.ends_with(".identitytoken"))
    {
        Some("a container registry password")
    } else if path == "settings.aws.credentials" {
        Some("an AWS credentials file")
    } else {
        None
    }
}

impl Rule for SecretEmbedded {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for f in &facts.host.files {
            for c in f.contents.iter().chain(&f.appended) {
                if let Some((line, what)) = find_secret(&c.text) {
                    cx.report(c.line_span(line), format!("{} is written with {what} inline: anyone who can read the host config (instance metadata, Terraform state, the repository) has it", f.path));
                }
            }
        }
        for h in &facts.host.http_headers {
            let (what, name, span) = (&h.resource, &h.name, &h.span);
            let n = name.to_ascii_lowercase();
            let secret = matches!(
                n.as_str(),
                "authorization" | "proxy-authorization" | "cookie"
            ) || ["token", "secret", "key", "password"]
                .iter()
                .any(|w| n.contains(w));
            if secret {
                cx.report(*span, format!("{what} is fetched with a literal {name} header: the credential sits in the host config, readable from instance metadata"));
            }
        }
        for s in &facts.host_settings {
            if s.value.is_empty() || is_templated(&s.value) {
                continue;
            }
            let what = secret_setting(&s.path).or_else(|| {
                // Base64 blobs (aws.config, host-container user-data) may carry keys too.
                let blob = s.path == "settings.aws.config" || s.path.ends_with(".user-data");
                let text = blob
                    .then(|| {
                        base64::engine::general_purpose::STANDARD
                            .decode(s.value.trim())
                            .ok()
                    })
                    .flatten()
                    .and_then(|b| String::from_utf8(b).ok())?;
                find_secret(&text).map(|(_, w)| w)
            });
            if let Some(what) = what {
                cx.report(s.value_span, format!("{} holds {what} inline in user data, readable by anything that can query instance metadata", s.path));
            }
        }
    }
}
