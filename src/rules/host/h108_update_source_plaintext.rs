//! H108: OS updates fetched from a plain-HTTP server.

use crate::facts::{FileFacts, HostConfigKind};
use crate::rules::urls::url_scheme;
use crate::rules::{Cx, Rule};

pub struct UpdateSourcePlaintext;
pub static RULE: UpdateSourcePlaintext = UpdateSourcePlaintext;

impl Rule for UpdateSourcePlaintext {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for key in [
            "settings.updates.metadata-base-url",
            "settings.updates.targets-base-url",
        ] {
            for s in facts
                .host_settings_at(key)
                .filter(|s| url_scheme(&s.value) == "http")
            {
                cx.report(
                    s.value_span,
                    format!(
                        "{key} = \"{}\" fetches update metadata or images over plain HTTP",
                        s.value
                    ),
                );
            }
        }
        for e in facts.host.entries_of(HostConfigKind::FlatcarUpdate) {
            if e.key == "SERVER" && url_scheme(&e.value) == "http" {
                cx.report(e.span, format!("{} sets SERVER={}: update-engine talks to the update server over plain HTTP", e.source, e.value));
            }
        }
        for e in facts.host.entries_of(HostConfigKind::Zincati) {
            if e.section == "cincinnati" && e.key == "base_url" && url_scheme(&e.value) == "http" {
                cx.report(e.span, format!("{} sets [cincinnati] base_url = \"{}\": Zincati asks for updates over plain HTTP", e.source, e.value));
            }
        }
    }
}
