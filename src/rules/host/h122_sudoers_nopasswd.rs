//! H122: a sudoers rule that grants commands without a password.

use crate::facts::{FileFacts, HostConfigKind};
use crate::rules::{Cx, Rule};

pub struct SudoersNopasswd;
pub static RULE: SudoersNopasswd = SudoersNopasswd;

impl Rule for SudoersNopasswd {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for e in facts.host.entries_of(HostConfigKind::Sudoers) {
            // The OS already grants `core` passwordless sudo; re-stating it adds nothing.
            if e.value.contains("NOPASSWD") && e.key != "core" {
                cx.report(
                    e.span,
                    format!(
                        "{} lets {} run commands as root without a password (`{}`)",
                        e.source, e.key, e.value
                    ),
                );
            }
        }
    }
}
