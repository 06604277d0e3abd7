//! H107: Bottlerocket updates pinned to a fixed version (`settings.updates.version-lock`).

use crate::facts::{is_templated, FileFacts};
use crate::rules::{Cx, Rule};

pub struct UpdateVersionPinned;
pub static RULE: UpdateVersionPinned = UpdateVersionPinned;

impl Rule for UpdateVersionPinned {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for s in facts.host_settings_at("settings.updates.version-lock") {
            let v = s.value.trim();
            if !v.is_empty() && v != "latest" && !is_templated(v) {
                cx.report(s.value_span, format!("settings.updates.version-lock = \"{v}\" pins Bottlerocket: the node never updates past that release"));
            }
        }
    }
}
