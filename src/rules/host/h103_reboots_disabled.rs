//! H103: updates are downloaded but never activated: locksmithd masked or disabled, or
//! `REBOOT_STRATEGY=off`, with no Kubernetes reboot manager (FLUO, kured) in the same config.

use crate::facts::{FileFacts, HostConfigKind};
use crate::rules::{Cx, Rule};

pub struct RebootsDisabled;
pub static RULE: RebootsDisabled = RebootsDisabled;

const WHY: &str = "downloaded OS updates are never activated unless a Kubernetes reboot manager (FLUO, kured) reboots nodes, and none appears in this config";

impl Rule for RebootsDisabled {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        if facts.host.reboot_manager.is_some() {
            return;
        }
        for u in facts.host.units.iter().filter(|u| u.name == "locksmithd.service") {
            if let Some(span) = u.masked {
                cx.report(span, format!("locksmithd.service is masked: {WHY}"));
            } else if let Some((false, span)) = u.enabled {
                cx.report(span, format!("locksmithd.service is disabled: {WHY}"));
            }
        }
        for e in facts.host.entries_of(HostConfigKind::FlatcarUpdate) {
            if e.key == "REBOOT_STRATEGY" && e.value.eq_ignore_ascii_case("off") {
                cx.report(e.span, format!("{} sets REBOOT_STRATEGY=off: {WHY}", e.source));
            }
        }
    }
}
