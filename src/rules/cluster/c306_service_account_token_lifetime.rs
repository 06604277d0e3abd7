//! C306: the API server issues long-lived service-account tokens.

use crate::facts::{Component, FileFacts};
use crate::k8s::{go_duration_secs, human_secs};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct ServiceAccountTokenLifetime;
pub static RULE: ServiceAccountTokenLifetime = ServiceAccountTokenLifetime;

const DEFAULT_MAX: u64 = 24 * 3600;

impl Rule for ServiceAccountTokenLifetime {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        let max = cx
            .settings
            .max_service_account_token_expiration
            .unwrap_or(DEFAULT_MAX);
        for c in cp::of(facts, Component::ApiServer) {
            let Some(s) = c.get("service-account-max-token-expiration") else {
                continue;
            };
            if let Some(secs) = go_duration_secs(s.value_or_true()).filter(|v| *v > max) {
                cx.report(
                    s.span,
                    format!(
                        "kube-apiserver lets service-account tokens live {} (`{}`, {}), longer than {} (settings.max-service-account-token-expiration)",
                        human_secs(secs),
                        s.written,
                        c.origin.describe(),
                        human_secs(max)
                    ),
                );
            }
        }
    }
}
