//! H116: Bottlerocket `settings.kubernetes.standalone-mode = true` (kubelet without API server
//! authentication: anonymous access and AlwaysAllow).

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct BottlerocketStandaloneMode;
pub static RULE: BottlerocketStandaloneMode = BottlerocketStandaloneMode;

impl Rule for BottlerocketStandaloneMode {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for s in facts
            .host_settings_at("settings.kubernetes.standalone-mode")
            .filter(|s| s.value == "true")
        {
            cx.report(s.value_span, "settings.kubernetes.standalone-mode = true switches the kubelet to anonymous authentication and AlwaysAllow authorization");
        }
    }
}
