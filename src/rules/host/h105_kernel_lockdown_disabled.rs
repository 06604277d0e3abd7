//! H105: Bottlerocket `settings.kernel.lockdown` set to `none`.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct KernelLockdownDisabled;
pub static RULE: KernelLockdownDisabled = KernelLockdownDisabled;

impl Rule for KernelLockdownDisabled {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for s in facts.host_settings_at("settings.kernel.lockdown") {
            let v = s.value.trim();
            if !v.is_empty()
                && !matches!(v, "integrity" | "confidentiality")
                && !crate::facts::is_templated(v)
            {
                cx.report(s.value_span, format!("settings.kernel.lockdown = \"{v}\": root can modify the running kernel (load unsigned code, write kernel memory)"));
            }
        }
    }
}
