//! A component's settings as one document configures them, and what an absent setting means
//! there (through the defaults table).

use super::component::{Component, Origin};
use super::defaults;
use super::located::{located_fact, Located};
use crate::source::Span;

/// One setting of a component, under its flag name without dashes (`anonymous-auth`).
/// KubeletConfiguration fields are mapped to the equivalent flag name.
#[derive(Clone, Debug)]
pub struct Setting {
    pub name: String,
    /// The source's own spelling ("--anonymous-auth=true", "authentication.anonymous.enabled").
    pub written: String,
    /// The value (`None` for a bare boolean flag, `--profiling`, which means `true`), at the
    /// whole flag element, list entry or key (`span`) and the value alone (`value_span`).
    pub at: Located<Option<String>>,
}

located_fact!(Setting => Option<String>);

impl Setting {
    /// The value with the bare-flag convention applied.
    pub fn value_or_true(&self) -> &str {
        self.value.as_deref().unwrap_or("true")
    }

    /// The value as a boolean flag reads it (Go's `strconv.ParseBool`); `None` if not a boolean.
    pub fn as_bool(&self) -> Option<bool> {
        go_bool(self.value_or_true())
    }
}

/// One element of a comma-separated list flag, with its own span when the source allows it.
#[derive(Clone, Debug)]
pub struct ListItem<'a> {
    pub value: String,
    pub span: Span,
    pub setting: &'a Setting,
}

impl ListItem<'_> {
    /// Where a finding about this element points: the element itself, or the setting's key when
    /// the source gives one span for several elements (a YAML list or map read as one value).
    pub fn anchor(&self) -> Span {
        if self.span == self.setting.value_span && self.setting.value_or_true().contains(',') {
            self.setting.span
        } else {
            self.span
        }
    }
}

/// A list flag after defaults.
pub enum EffectiveList<'a> {
    Set(Vec<ListItem<'a>>),
    /// Absent; the comma-separated default (possibly empty: nothing enabled).
    Default(&'static str),
    Unknown,
}

impl EffectiveList<'_> {
    /// The values as plain strings (defaults split on commas); `None` when unknown.
    pub fn strings(&self) -> Option<Vec<String>> {
        match self {
            EffectiveList::Set(items) => Some(items.iter().map(|i| i.value.clone()).collect()),
            EffectiveList::Default(d) => Some(
                d.split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
            ),
            EffectiveList::Unknown => None,
        }
    }
}

impl Setting {
    /// The comma-separated elements of the value. Each gets its own span when the value's span
    /// holds the text verbatim (plain, or quoted without escapes); else the value's span.
    pub fn items(&self) -> Vec<ListItem<'_>> {
        let value = self.value_or_true();
        let vs = self.value_span;
        let base = if vs.len() == value.len() {
            Some(vs.start)
        } else if vs.len() == value.len() + 2 {
            Some(vs.start + 1)
        } else {
            None
        };
        let mut out = Vec::new();
        let mut offset = 0;
        for part in value.split(',') {
            let trimmed = part.trim();
            let lead = part.len() - part.trim_start().len();
            if !trimmed.is_empty() {
                let span = match base {
                    Some(b) => Span::new(b + offset + lead, b + offset + lead + trimmed.len()),
                    None => vs,
                };
                out.push(ListItem {
                    value: trimmed.to_string(),
                    span,
                    setting: self,
                });
            }
            offset += part.len() + 1;
        }
        out
    }
}

/// Go's `strconv.ParseBool`, which every Kubernetes boolean flag uses.
pub fn go_bool(s: &str) -> Option<bool> {
    match s.trim() {
        "1" | "t" | "T" | "true" | "TRUE" | "True" => Some(true),
        "0" | "f" | "F" | "false" | "FALSE" | "False" => Some(false),
        _ => None,
    }
}

/// All settings of one component as one document configures it.
#[derive(Clone, Debug)]
pub struct ComponentConfig {
    pub component: Component,
    pub origin: Origin,
    /// Where an absent setting is reported: the container's `command` key, the kubeadm section
    /// key, or the document's `kind`.
    pub anchor: Span,
    pub settings: Vec<Setting>,
}

/// What a missing setting means for this component and origin.
pub enum Effective<'a> {
    Set(&'a Setting),
    /// Absent; the component (or kubeadm) uses this value.
    Default(&'static str),
    /// Absent, and the value comes from somewhere not in view (e.g. kubeadm's kubelet config).
    Unknown,
}

impl ComponentConfig {
    /// The last occurrence wins for scalar flags, as in pflag and in kubeadm's list form.
    pub fn get(&self, name: &str) -> Option<&Setting> {
        self.settings.iter().rev().find(|s| s.name == name)
    }

    /// Every value of a list flag (`--authorization-mode`, `--enable-admission-plugins`), split
    /// on commas. Repeated command-line flags and repeated kubeadm v1beta4 entries accumulate
    /// (pflag's string slices append); a v1beta3 map keeps only its last key.
    pub fn values(&self, name: &str) -> Vec<ListItem<'_>> {
        let mut matching: Vec<&Setting> = self.settings.iter().filter(|s| s.name == name).collect();
        if self.origin == Origin::KubeadmV1beta3 && matching.len() > 1 {
            matching.drain(..matching.len() - 1);
        }
        matching.into_iter().flat_map(Setting::items).collect()
    }

    /// List values with the defaults table applied when the flag is absent.
    pub fn effective_values(&self, name: &str) -> EffectiveList<'_> {
        let items = self.values(name);
        if self.get(name).is_some() {
            return EffectiveList::Set(items);
        }
        match defaults::default_for(self.component, self.origin, name) {
            Some(v) => EffectiveList::Default(v),
            None => EffectiveList::Unknown,
        }
    }

    /// Whether some setting here is decided in a file not in view (`--config`, `--config-file`,
    /// `--authorization-config`…): then an absence says nothing.
    pub fn has_any(&self, names: &[&str]) -> bool {
        names.iter().any(|n| self.get(n).is_some())
    }

    pub fn effective(&self, name: &str) -> Effective<'_> {
        match self.get(name) {
            Some(s) => Effective::Set(s),
            None => match defaults::default_for(self.component, self.origin, name) {
                Some(v) => Effective::Default(v),
                None => Effective::Unknown,
            },
        }
    }
}
