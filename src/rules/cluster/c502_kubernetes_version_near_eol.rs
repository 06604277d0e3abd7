//! C502: a pinned Kubernetes version reaches end of life soon.

use crate::facts::FileFacts;
use crate::k8s::{minor_of, support, Support, TABLE_DATE};
use crate::rules::{Cx, Rule};

pub struct KubernetesVersionNearEol;
pub static RULE: KubernetesVersionNearEol = KubernetesVersionNearEol;

const DEFAULT_WINDOW_DAYS: u32 = 60;

impl Rule for KubernetesVersionNearEol {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        let window = i64::from(cx.settings.eol_warning_days.unwrap_or(DEFAULT_WINDOW_DAYS));
        for v in &facts.kubernetes_versions {
            let Some(minor) = minor_of(&v.version) else {
                continue;
            };
            // A floor set in settings takes over from the table (C501 judges it).
            if cx.settings.min_kubernetes_minor.is_some() {
                continue;
            }
            if let Support::Until(eol) = support(minor) {
                let left = eol.days() - TABLE_DATE.days();
                if left <= window {
                    cx.report(
                        v.span,
                        format!(
                            "{} pins Kubernetes {}: 1.{minor} reaches end of life on {eol}, {left} days after {TABLE_DATE}; plan the upgrade",
                            v.what, v.version
                        ),
                    );
                }
            }
        }
    }
}
