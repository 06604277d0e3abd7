//! H208: Bottlerocket kubelet allows pods to set unsafe (node-wide) sysctls.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct UnsafeSysctlsAllowed;
pub static RULE: UnsafeSysctlsAllowed = UnsafeSysctlsAllowed;

impl Rule for UnsafeSysctlsAllowed {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for s in &facts.host_settings {
            if s.path
                .starts_with("settings.kubernetes.allowed-unsafe-sysctls[")
                && !s.value.is_empty()
                && !crate::facts::is_templated(&s.value)
            {
                cx.report(s.value_span, format!("settings.kubernetes.allowed-unsafe-sysctls allows pods to set {}, a sysctl that is not namespaced and can affect the node or other pods", s.value));
            }
        }
    }
}
