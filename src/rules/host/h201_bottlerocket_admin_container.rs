//! H201: Bottlerocket's admin host container (SSH and root on the host) is enabled.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct BottlerocketAdminContainer;
pub static RULE: BottlerocketAdminContainer = BottlerocketAdminContainer;

impl Rule for BottlerocketAdminContainer {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for s in &facts.host_settings {
            if s.path == "settings.host-containers.admin.enabled" && s.value == "true" {
                cx.report(
                    s.value_span,
                    "settings.host-containers.admin.enabled = true runs Bottlerocket's admin container (sshd, root shell on the host) on every node",
                );
            }
        }
    }
}
