//! MicroK8s args files: `/var/snap/microk8s/current/args/<component>` (and the snap's
//! `microk8s-resources/default-args/<component>`), one flag per line (`--flag=value`), `#`
//! comments (also after a flag), no file extension. The snap starts each component with exactly these flags
//! (`kubelite` reads the same files), so a flag that is absent takes the binary's own default.

use crate::extract::flags::parse_token;
use crate::facts::{Component, ComponentConfig, FileFacts, Origin, Setting};
use crate::source::Span;
use std::path::Path;

/// The component an args file configures: its name, in a directory named `args` or
/// `default-args`.
pub fn component_of(path: &Path) -> Option<Component> {
    if path.extension().is_some() {
        return None;
    }
    let dir = path.parent()?.file_name()?.to_str()?;
    if dir != "args" && dir != "default-args" {
        return None;
    }
    Component::from_binary(path.file_name()?.to_str()?)
}

/// Lowers an args file; `false` when a line is neither a flag nor a comment (not an args file).
pub fn extract(component: Component, text: &str, facts: &mut FileFacts) -> bool {
    let mut settings = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        // The snap's wrapper reads the file as a bash array (`declare -a args="($(cat …))"`),
        // so a `#` that starts a word begins a comment.
        let body = match body.find(" #").or_else(|| body.find("\t#")) {
            Some(i) => &body[..i],
            None => body,
        };
        let trimmed = body.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let Some(flag) = parse_token(trimmed).filter(|_| trimmed.starts_with("--")) else {
            return false;
        };
        let lead = body.len() - body.trim_start().len();
        let at = start + lead;
        let span = Span::new(at, at + trimmed.len());
        // `${SNAP_DATA}` placeholders stay: rules read such values as set, never as insecure.
        let value = flag.value.map(unquote);
        let value_span = match flag.value {
            Some(v) => Span::new(at + flag.value_offset, at + flag.value_offset + v.len()),
            None => span,
        };
        settings.push(Setting {
            name: flag.name.to_string(),
            value,
            span,
            value_span,
            written: trimmed.to_string(),
        });
    }
    if settings.is_empty() {
        return false;
    }
    facts.components.push(ComponentConfig {
        component,
        origin: Origin::MicroK8s,
        anchor: settings[0].span,
        settings,
    });
    true
}

/// The shell strips one level of quotes from a value (`--etcd-servers="unix://…"`).
fn unquote(v: &str) -> String {
    let t = v.trim();
    for q in ['"', '\''] {
        if let Some(inner) = t.strip_prefix(q).and_then(|r| r.strip_suffix(q)) {
            return inner.to_string();
        }
    }
    t.to_string()
}
