//! C504: a kubeadm configuration uses an old API version.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct KubeadmApiVersionOld;
pub static RULE: KubeadmApiVersionOld = KubeadmApiVersionOld;

impl Rule for KubeadmApiVersionOld {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for k in &facts.kubeadm {
            let Some(api) = &k.api_version else { continue };
            let version = api.value.rsplit('/').next().unwrap_or("");
            let msg = match version {
                "v1beta4" => continue,
                "v1beta3" => format!(
                    "{} uses {}; kubeadm 1.31+ reads v1beta4 (list-form extraArgs, certificate validity periods) and v1beta3 is deprecated: run `kubeadm config migrate`",
                    k.kind, api.value
                ),
                _ => format!(
                    "{} uses {}, which supported kubeadm releases no longer read: migrate to kubeadm.k8s.io/v1beta4",
                    k.kind, api.value
                ),
            };
            cx.report(api.value_span, msg);
        }
    }
}
