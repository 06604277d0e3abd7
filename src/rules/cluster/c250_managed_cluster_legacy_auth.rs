//! C250: a managed cluster keeps a legacy, non-individual way in: EKS aws-auth ConfigMap
//! only, GKE legacy ABAC or client certificates, AKS local accounts.

use crate::facts::{ClusterSetting, FileFacts, Provider};
use crate::rules::managed::report_field;
use crate::rules::{Cx, Rule};

pub struct ManagedClusterLegacyAuth;
pub static RULE: ManagedClusterLegacyAuth = ManagedClusterLegacyAuth;

impl Rule for ManagedClusterLegacyAuth {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in facts.managed_clusters.iter().filter(|c| !c.is_node_pool()) {
            match c.provider {
                Provider::Eks => {
                    if let ClusterSetting::Set(m, f) =
                        c.setting("access_config.authentication_mode")
                    {
                        if m == "CONFIG_MAP" {
                            report_field(cx, f, format!("{} sets {} = \"CONFIG_MAP\": access is granted only through the aws-auth ConfigMap, without EKS access entries or their audit trail", c.resource, c.term("access_config.authentication_mode", "authentication_mode")));
                        }
                    }
                }
                Provider::Gke => {
                    if let ClusterSetting::Set("true", f) = c.setting("enable_legacy_abac") {
                        report_field(cx, f, format!("{} enables legacy ABAC: every service account gets broad static permissions that RBAC cannot narrow", c.resource));
                    }
                    if let ClusterSetting::Set(user, f) = c.setting("master_auth.username") {
                        if !user.is_empty() {
                            report_field(cx, f, format!("{} enables basic authentication (master_auth.username): a static password for the cluster", c.resource));
                        }
                    }
                    if let ClusterSetting::Set("true", f) =
                        c.setting("master_auth.client_certificate_config.issue_client_certificate")
                    {
                        report_field(cx, f, format!("{} issues a client certificate: a non-revocable cluster credential outside IAM", c.resource));
                    }
                }
                Provider::Aks => {
                    if let ClusterSetting::Set("false", f) =
                        c.setting("role_based_access_control_enabled")
                    {
                        report_field(cx, f, format!("{} disables Kubernetes RBAC: every authenticated user is effectively cluster-admin", c.resource));
                    }
                    // local_account_disabled defaults to false: the static admin kubeconfig exists.
                    match c.setting("local_account_disabled") {
                        ClusterSetting::Set("false", f) => report_field(cx, f,
                            format!("{} keeps local accounts (local_account_disabled = false): the admin kubeconfig bypasses Entra ID and cannot be revoked per user", c.resource),
                        ),
                        ClusterSetting::Absent => cx.report(
                            c.span,
                            format!("{} does not set local_account_disabled = true, and local accounts are enabled by default: the admin kubeconfig bypasses Entra ID", c.resource),
                        ),
                        _ => {}
                    }
                }
            }
        }
    }
}
