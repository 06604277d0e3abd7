//! H109: Bottlerocket host or bootstrap container image referenced by tag, not digest.

use crate::facts::{is_templated, FileFacts};
use crate::rules::{Cx, Rule};

pub struct ContainerSourceUnpinned;
pub static RULE: ContainerSourceUnpinned = ContainerSourceUnpinned;

impl Rule for ContainerSourceUnpinned {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for table in ["settings.host-containers", "settings.bootstrap-containers"] {
            let index = facts.host_settings_index(table);
            let value =
                |name: &str, field: &str| index.get(&(name, field)).map(|s| s.value.as_str());
            for (name, field, s) in facts.host_settings_by_name(table) {
                if field != "source"
                    || s.value.contains("@sha256:")
                    || is_templated(&s.value)
                    || s.value.is_empty()
                {
                    continue;
                }
                // A container switched off never runs, whatever its image.
                let off =
                    value(name, "enabled") == Some("false") || value(name, "mode") == Some("off");
                if !off {
                    cx.report(s.value_span, format!("{table}.{name}.source = \"{}\" is not pinned by digest: whoever controls the tag controls a privileged container on the node", s.value));
                }
            }
        }
    }
}
