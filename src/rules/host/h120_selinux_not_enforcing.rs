//! H120: SELinux switched to permissive or disabled in `/etc/selinux/config`.

use crate::facts::{FileFacts, HostConfigKind};
use crate::rules::{Cx, Rule};

pub struct SelinuxNotEnforcing;
pub static RULE: SelinuxNotEnforcing = SelinuxNotEnforcing;

impl Rule for SelinuxNotEnforcing {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for e in facts.host.entries_of(HostConfigKind::Selinux) {
            let v = e.value.to_ascii_lowercase();
            if e.key == "SELINUX" && matches!(v.as_str(), "permissive" | "disabled") {
                cx.report(e.span, format!("{} sets SELINUX={v}: SELinux no longer confines container processes, so a container escape reaches the whole host", e.source));
            }
        }
    }
}
