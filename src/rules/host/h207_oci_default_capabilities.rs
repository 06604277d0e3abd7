//! H207: Bottlerocket `settings.oci-defaults.capabilities` grants a dangerous capability to every
//! container on the node.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct OciDefaultCapabilities;
pub static RULE: OciDefaultCapabilities = OciDefaultCapabilities;

const DANGEROUS: &[&str] = &[
    "sys-admin",
    "net-admin",
    "sys-ptrace",
    "sys-module",
    "sys-rawio",
    "bpf",
    "perfmon",
    "dac-read-search",
    "sys-boot",
    "sys-time",
    "syslog",
    "mac-admin",
    "mac-override",
    "linux-immutable",
    "sys-resource",
    "block-suspend",
    "wake-alarm",
    "checkpoint-restore",
];

impl Rule for OciDefaultCapabilities {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for s in &facts.host_settings {
            let Some(cap) = s.path.strip_prefix("settings.oci-defaults.capabilities.") else {
                continue;
            };
            if s.value == "true" && DANGEROUS.contains(&cap) {
                cx.report(s.value_span, format!("settings.oci-defaults.capabilities.{cap} = true gives CAP_{} to every container on the node", cap.replace('-', "_").to_ascii_uppercase()));
            }
        }
    }
}
