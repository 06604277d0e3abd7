//! C501: a pinned Kubernetes version is past its end of life.

use crate::facts::FileFacts;
use crate::k8s::{minor_of, oldest_supported, support, Support, TABLE_DATE};
use crate::rules::{Cx, Rule};

pub struct KubernetesVersionEol;
pub static RULE: KubernetesVersionEol = KubernetesVersionEol;

impl Rule for KubernetesVersionEol {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        let floor = cx.settings.min_kubernetes_minor;
        for v in &facts.kubernetes_versions {
            let Some(minor) = minor_of(&v.version) else {
                continue;
            };
            let msg = match (floor, support(minor)) {
                (Some(f), _) if minor < f => format!(
                    "{} pins Kubernetes {}, older than 1.{f} (settings.min-kubernetes-version)",
                    v.what, v.version
                ),
                (Some(_), _) => continue,
                (None, Support::Ended(eol)) => format!(
                    "{} pins Kubernetes {}: 1.{minor} reached end of life on {eol} and gets no security fixes (oldest supported on {TABLE_DATE}: 1.{})",
                    v.what,
                    v.version,
                    oldest_supported().unwrap_or(minor + 1)
                ),
                (None, Support::EndedBefore(date)) => format!(
                    "{} pins Kubernetes {}: 1.{minor} reached end of life before {date} and gets no security fixes (oldest supported on {TABLE_DATE}: 1.{})",
                    v.what,
                    v.version,
                    oldest_supported().unwrap_or(minor + 1)
                ),
                _ => continue,
            };
            cx.report(v.span, msg);
        }
    }
}
