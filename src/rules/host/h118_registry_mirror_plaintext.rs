//! H118: a container registry mirror (Bottlerocket, Talos) reached over plain HTTP.

use crate::facts::FileFacts;
use crate::rules::urls::url_scheme;
use crate::rules::{Cx, Rule};

pub struct RegistryMirrorPlaintext;
pub static RULE: RegistryMirrorPlaintext = RegistryMirrorPlaintext;

impl Rule for RegistryMirrorPlaintext {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for s in &facts.host_settings {
            // Bottlerocket `settings.container-registry.mirrors`, Talos `machine.registries.mirrors`.
            if (s.path.starts_with("settings.container-registry.mirrors")
                || s.path.starts_with("machine.registries.mirrors"))
                && url_scheme(&s.value) == "http"
            {
                cx.report(s.value_span, format!("registry mirror {} is plain HTTP: images pulled through it can be swapped on the network", s.value));
            }
        }
    }
}
