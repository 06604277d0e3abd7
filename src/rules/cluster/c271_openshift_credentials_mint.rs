//! C271: an OpenShift install-config on AWS, GCP or Azure leaves `credentialsMode` at its
//! default (Mint) or sets Mint/Passthrough: the cluster keeps a cloud credential that can
//! create or use other credentials.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct OpenshiftCredentialsMint;
pub static RULE: OpenshiftCredentialsMint = OpenshiftCredentialsMint;

/// Platforms where the Cloud Credential Operator mints credentials by default.
const MINT_PLATFORMS: &[&str] = &["aws", "gcp", "azure"];

impl Rule for OpenshiftCredentialsMint {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in &facts.installer.install_configs {
            let Some(platform) = c.platform.as_deref() else {
                continue;
            };
            if !MINT_PLATFORMS.contains(&platform) {
                continue;
            }
            match &c.credentials_mode {
                None => cx.report(
                    c.anchor,
                    format!(
                        "install-config {} (platform {platform}) does not set credentialsMode: the Cloud Credential Operator keeps the admin cloud credential in the cluster and mints credentials from it; prefer Manual with short-lived tokens",
                        c.name
                    ),
                ),
                Some((mode, span)) if mode == "Mint" || mode == "Passthrough" => cx.report(
                    *span,
                    format!(
                        "install-config {} sets credentialsMode: {mode}: the cluster keeps a broad cloud credential in kube-system; prefer Manual with short-lived tokens",
                        c.name
                    ),
                ),
                Some(_) => {}
            }
        }
    }
}
