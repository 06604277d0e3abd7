//! H204: a custom Bottlerocket host container runs superpowered (privileged, host namespaces).

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct SuperpoweredContainer;
pub static RULE: SuperpoweredContainer = SuperpoweredContainer;

impl Rule for SuperpoweredContainer {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        let index = facts.host_settings_index("settings.host-containers");
        for (name, field, s) in facts.host_settings_by_name("settings.host-containers") {
            // admin is superpowered by design; H201 reports enabling it.
            if field != "superpowered" || s.value != "true" || name == "admin" {
                continue;
            }
            let off = index
                .get(&(name, "enabled"))
                .is_some_and(|e| e.value == "false");
            if !off {
                cx.report(s.value_span, format!("host container {name} is superpowered: it runs privileged with the host's namespaces and full access to the node"));
            }
        }
    }
}
