//! H205: a Bottlerocket bootstrap container (privileged code run on the host before
//! Kubernetes starts).

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct BootstrapContainer;
pub static RULE: BootstrapContainer = BootstrapContainer;

impl Rule for BootstrapContainer {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        let index = facts.host_settings_index("settings.bootstrap-containers");
        let mut seen = std::collections::HashSet::new();
        for (name, _, s) in facts.host_settings_by_name("settings.bootstrap-containers") {
            if !seen.insert(name) {
                continue;
            }
            let mode = index.get(&(name, "mode")).copied();
            match mode.map(|m| m.value.as_str()) {
                Some("off") => {}
                Some("always") => cx.report(mode.map(|m| m.value_span).unwrap_or(s.span), format!("bootstrap container {name} runs with mode = \"always\": privileged code on the host at every boot")),
                _ => cx.report(mode.map(|m| m.value_span).unwrap_or(s.span), format!("bootstrap container {name} runs privileged on the host before Kubernetes starts; keep it to what cannot be done otherwise")),
            }
        }
    }
}
