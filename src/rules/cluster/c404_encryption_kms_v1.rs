//! C404: an EncryptionConfiguration uses the deprecated KMS v1 API.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct EncryptionKmsV1;
pub static RULE: EncryptionKmsV1 = EncryptionKmsV1;

impl Rule for EncryptionKmsV1 {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for e in &facts.encryption_configs {
            for p in e.resources.iter().flat_map(|r| &r.providers) {
                if p.kind == "kms" && p.kms_api_version.as_deref() != Some("v2") {
                    cx.report(
                        p.span,
                        format!(
                            "kms provider without apiVersion: v2 uses KMS v1 ({}), deprecated since 1.28 and disabled by default since 1.29: the API server refuses it unless the KMSv1 feature gate is on",
                            p.kms_api_version.as_deref().map(|v| format!("apiVersion: {v}")).unwrap_or_else(|| "no apiVersion".into())
                        ),
                    );
                }
            }
        }
    }
}
