//! Bottlerocket user data (TOML): every scalar under `settings` becomes a host setting with its
//! dotted path, whether written as `[settings.a.b]` headers, dotted keys or inline tables.

use crate::facts::{FileFacts, HostSetting};
use crate::parse::{Kind, Node};

pub fn extract(root: &Node, facts: &mut FileFacts) {
    if let Some((key, settings)) = root.get_entry("settings") {
        flatten("settings".to_string(), key, settings, facts);
    }
}

fn flatten(path: String, key: &Node, value: &Node, facts: &mut FileFacts) {
    match &value.resolved().kind {
        Kind::Map(entries) => {
            for (k, v) in entries {
                if let Some(name) = k.as_str() {
                    flatten(format!("{path}.{name}"), k, v, facts);
                }
            }
        }
        Kind::Scalar(s) => facts.host_settings.push(HostSetting {
            path,
            value: s.text.clone(),
            key_span: key.span,
            value_span: value.span,
        }),
        Kind::Seq(_) | Kind::Alias(_) => {}
    }
}
