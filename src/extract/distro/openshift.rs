//! OpenShift/OKD `install-config.yaml`: what the installer publishes, how it handles cloud
//! credentials, and the pull secret written in it. Defaults are the installer's
//! (openshift/installer pkg/types/defaults/installconfig.go: `publish` defaults to
//! `External`).

use crate::facts::{FileFacts, InlineSecret, InstallConfig};
use crate::parse::Node;

pub fn install_config(root: &Node, facts: &mut FileFacts) {
    let name = root
        .path(&["metadata", "name"])
        .and_then(Node::as_str)
        .unwrap_or("")
        .to_string();
    let anchor = root
        .get_entry("baseDomain")
        .map_or(root.span, |(k, _)| k.span);
    let platform = root
        .get("platform")
        .and_then(|p| p.entries().first())
        .and_then(|(k, _)| k.as_str())
        .map(str::to_string);
    let scalar = |key: &str| {
        root.get(key)
            .and_then(|v| Some((v.as_str()?.to_string(), v.span)))
            .filter(|(v, _)| !super::talos::is_placeholder(v))
    };
    if root.get("sops").is_none() {
        if let Some(v) = root.get("pullSecret") {
            if v.as_str().is_some_and(has_real_auth) {
                facts.installer.secrets.push(InlineSecret {
                    source: "OpenShift",
                    field: "pullSecret".into(),
                    what: "the registry pull secret (quay.io/registry.redhat.io credentials of the account)",
                    span: v.span,
                });
            }
        }
    }
    facts.installer.install_configs.push(InstallConfig {
        name,
        anchor,
        platform,
        publish: scalar("publish"),
        credentials_mode: scalar("credentialsMode"),
    });
}

/// A pull secret (JSON `{"auths": {registry: {"auth": base64, ...}}}`) with at least one
/// `auth` that looks like real credentials: base64 of `user:password`, not a placeholder such
/// as `"..."` or `"<token>"`. Text that is not such JSON is not judged.
fn has_real_auth(json: &str) -> bool {
    let Ok(Some(doc)) = crate::parse::json::parse(json) else {
        return false;
    };
    let auths = doc.root.get("auths").map(Node::entries).unwrap_or(&[]);
    auths.iter().any(|(_, registry)| {
        registry.get_str("auth").is_some_and(|a| {
            a.len() >= 16
                && a.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
                && a.bytes().any(|b| b.is_ascii_digit())
        })
    })
}
