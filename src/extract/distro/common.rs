//! Helpers the distribution lowerings share: path components, the other files of a config
//! set, templated values, `name=value` list items.

use crate::facts::Setting;
use crate::parse::{Node, Style};
use crate::source::Span;
use std::path::{Path, PathBuf};

/// The path's components as text, last first.
pub fn components_rev(path: &Path) -> Vec<String> {
    path.components()
        .rev()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect()
}

/// Another file of a config set: its source (for related locations) and top-level entries.
pub struct SetFile {
    pub source: crate::source::Source,
    pub entries: Vec<(String, Node, Node)>,
}

/// Reads another file of a config set, bounded; `None` when unreadable or a symbolic link.
pub fn read_set_file(path: &Path) -> Option<SetFile> {
    if !regular(path) {
        return None;
    }
    let bytes = crate::read::read_bounded(path, crate::limits::MAX_FILE_BYTES).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let (docs, _) = crate::parse::yaml::parse(&text);
    let entries = docs
        .first()
        .map(|d| {
            d.root
                .entries()
                .iter()
                .filter_map(|(k, v)| Some((k.as_str()?.to_string(), k.clone(), v.clone())))
                .collect()
        })
        .unwrap_or_default();
    let shown = crate::source::display_path(path);
    Some(SetFile {
        source: std::sync::Arc::new(crate::source::SourceFile::new(shown, text)),
        entries,
    })
}

/// Top-level keys of a YAML file of the same set, read bounded; empty when unreadable or a
/// symbolic link (which may point outside the scanned tree).
pub fn keys_of(path: &Path) -> Vec<(String, Node)> {
    if !regular(path) {
        return Vec::new();
    }
    let Ok(bytes) = crate::read::read_bounded(path, crate::limits::MAX_FILE_BYTES) else {
        return Vec::new();
    };
    let Ok(text) = String::from_utf8(bytes) else {
        return Vec::new();
    };
    let (docs, _) = crate::parse::yaml::parse(&text);
    docs.first()
        .map(|d| {
            d.root
                .entries()
                .iter()
                .filter_map(|(k, v)| Some((k.as_str()?.to_string(), v.clone())))
                .collect()
        })
        .unwrap_or_default()
}

/// YAML files of a directory, in lexical order (`os.ReadDir`'s order).
pub fn yaml_files_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            regular(p)
                && p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| e == "yaml" || e == "yml")
        })
        .collect();
    out.sort();
    out
}

/// Whether a value is a template (Jinja, shell or Terraform interpolation): unknown.
pub fn templated(s: &str) -> bool {
    s.contains("{{") || s.contains("{%") || crate::facts::is_templated(s)
}

/// A `name=value` (or `--name=value`) list item as a component setting, the value with its own
/// span when the scalar is written without escapes. `key` is the user's list key, for messages.
pub fn item_setting(key: &str, item: &Node, text: &str) -> Option<Setting> {
    let raw = item.as_str()?.trim();
    if raw.is_empty() || templated(raw) {
        return None;
    }
    let body = raw.trim_start_matches('-');
    let (name, value) = match body.split_once('=') {
        Some((n, v)) => (n.trim(), Some(v)),
        None => (body.trim(), None),
    };
    if name.is_empty() || name.contains(char::is_whitespace) {
        return None;
    }
    let value_span = value
        .and_then(|v| {
            let start = verbatim_start(item, text)?;
            let end_in = item.as_str()?.trim_end().len();
            Some(Span::new(start + end_in - v.len(), start + end_in))
        })
        .unwrap_or(item.span);
    Some(Setting {
        name: name.to_string(),
        at: crate::facts::Located::written(value.map(str::to_string), item.span, value_span),
        written: format!("{key}: {raw}"),
    })
}

/// Where a scalar's text starts in the source when it is written verbatim (plain, or quoted
/// without escapes).
fn verbatim_start(node: &Node, text: &str) -> Option<usize> {
    let value = node.as_str()?;
    let src = text.get(node.span.start..node.span.end)?;
    if src == value {
        Some(node.span.start)
    } else if node.as_scalar()?.style == Style::Quoted
        && src.len() == value.len() + 2
        && src.get(1..src.len() - 1) == Some(value)
    {
        Some(node.span.start + 1)
    } else {
        None
    }
}

/// A regular file that is not a symbolic link.
fn regular(p: &Path) -> bool {
    std::fs::symlink_metadata(p).is_ok_and(|m| m.is_file())
}
