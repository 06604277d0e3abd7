//! H102: OS updates are turned off (update-engine or zincati masked/disabled, Flatcar
//! `SERVER=disabled`, Zincati `updates.enabled = false`).

use crate::facts::{FileFacts, HostConfigKind};
use crate::rules::{Cx, Rule};

pub struct UpdatesDisabled;
pub static RULE: UpdatesDisabled = UpdatesDisabled;

const UPDATERS: &[&str] = &["update-engine.service", "zincati.service"];

impl Rule for UpdatesDisabled {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for u in facts
            .host
            .units
            .iter()
            .filter(|u| UPDATERS.contains(&u.name.as_str()))
        {
            if let Some(span) = u.masked {
                cx.report(
                    span,
                    format!("{} is masked: the node never downloads OS updates", u.name),
                );
            } else if let Some(span) = u.enabled.as_ref().filter(|e| !e.value).map(|e| e.span) {
                cx.report(
                    span,
                    format!(
                        "{} is disabled (enabled: false): the node never downloads OS updates",
                        u.name
                    ),
                );
            }
        }
        for e in facts.host.entries_of(HostConfigKind::FlatcarUpdate) {
            if e.key == "SERVER" && e.value.eq_ignore_ascii_case("disabled") {
                cx.report(
                    e.span,
                    format!(
                        "{} sets SERVER=disabled: update-engine never checks for Flatcar updates",
                        e.source
                    ),
                );
            }
        }
        for e in facts.host.entries_of(HostConfigKind::Zincati) {
            if e.section == "updates" && e.key == "enabled" && e.value == "false" {
                cx.report(e.span, format!("{} sets [updates] enabled = false: Zincati never applies Fedora CoreOS updates", e.source));
            }
        }
    }
}
