//! C450: a managed cluster does not envelope-encrypt Secrets with a customer-managed KMS key.

use crate::facts::{ClusterSetting, Dialect, FileFacts, Provider};
use crate::rules::{Cx, Rule};

pub struct ManagedClusterSecretsWithoutKms;
pub static RULE: ManagedClusterSecretsWithoutKms = ManagedClusterSecretsWithoutKms;

impl Rule for ManagedClusterSecretsWithoutKms {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in facts.managed_clusters.iter().filter(|c| !c.is_node_pool()) {
            let (path, what) = match c.provider {
                Provider::Eks => (
                    "encryption_config",
                    match c.dialect {
                        Dialect::Eksctl => "no secretsEncryption.keyARN",
                        Dialect::Terraform => "no encryption_config",
                    },
                ),
                Provider::Gke => ("database_encryption.state", "no database_encryption"),
                Provider::Aks => ("key_management_service", "no key_management_service"),
            };
            match c.setting(path) {
                ClusterSetting::Absent => cx.report(
                    c.span,
                    format!(
                        "{} has {what}: Secrets in etcd are not encrypted with a key you control and can revoke",
                        c.resource
                    ),
                ),
                ClusterSetting::Set("DECRYPTED", f) => crate::rules::managed::report_field(cx, f,
                    format!(
                        "{} sets database_encryption state = \"DECRYPTED\": Secrets are not encrypted with a Cloud KMS key",
                        c.resource
                    ),
                ),
                _ => {}
            }
        }
    }
}
