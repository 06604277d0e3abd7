//! Bottlerocket user data (TOML): every scalar under `settings` becomes a host setting with its
//! dotted path, whether written as `[settings.a.b]` headers, dotted keys or inline tables.
//! Array elements get an index (`settings.container-registry.mirrors[0].endpoint[1]`).
//! Kernel parameters and sysctls are also lowered to the shared host facts.

use crate::facts::Located;
use crate::facts::{is_templated, FileFacts, HostConfigKind, HostEntry, HostSetting, KernelArg};
use crate::parse::{Kind, Node};

const KERNEL_PARAMS: &str = "settings.boot.kernel-parameters.";
const SYSCTL: &str = "settings.kernel.sysctl.";

pub fn extract(root: &Node, facts: &mut FileFacts) {
    let first = facts.host_settings.len();
    if let Some((key, settings)) = root.get_entry("settings") {
        flatten("settings".to_string(), key, settings, facts);
    }
    derive(facts, first);
}

/// Kernel parameters and sysctls among the settings from index `first` on, as shared facts.
fn derive(facts: &mut FileFacts, first: usize) {
    for i in first..facts.host_settings.len() {
        let s = &facts.host_settings[i];
        if is_templated(&s.value) {
            continue;
        }
        if let Some(rest) = s.path.strip_prefix(KERNEL_PARAMS) {
            // `"console" = ["tty0"]` → console=tty0; a parameter with an empty list is a flag.
            let name = rest.split('[').next().unwrap_or(rest).trim_matches('"');
            let arg = if s.value.is_empty() {
                name.to_string()
            } else {
                format!("{name}={}", s.value)
            };
            let span = s.value_span;
            facts.host.kernel_args.push(KernelArg { arg, span });
        } else if let Some(key) = s.path.strip_prefix(SYSCTL) {
            let entry = HostEntry {
                kind: HostConfigKind::Sysctl,
                source: "settings.kernel.sysctl".into(),
                section: String::new(),
                key: key.trim_matches('"').to_string(),
                value: s.value.clone(),
                span: s.value_span,
            };
            facts.host.entries.push(entry);
        }
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
        Kind::Seq(items) => {
            for (i, v) in items.iter().enumerate() {
                flatten(format!("{path}[{i}]"), key, v, facts);
            }
        }
        Kind::Scalar(s) => {
            // A plain YAML 1.1 boolean (`yes`, `on`; eksctl) reads as TOML's `true`/`false`;
            // plain TOML scalars are booleans and numbers, which this leaves as they are.
            let text = match (s.style, crate::parse::yaml11_bool(&s.text)) {
                (crate::parse::Style::Plain, Some(b)) => b.to_string(),
                _ => s.text.clone(),
            };
            facts.host_settings.push(HostSetting {
                path,
                at: Located::written(text, key.span, value.span),
            })
        }
        Kind::Alias(_) => {}
    }
}

/// eksctl `ClusterConfig`: `nodeGroups[]`/`managedNodeGroups[]` `.bottlerocket.settings` is
/// Bottlerocket user data written as YAML (without the `settings.` prefix), and
/// `enableAdminContainer: true` (or `ssh.allow: true`) enables the admin host container.
pub fn eksctl(root: &Node, facts: &mut FileFacts) {
    let start = facts.host_settings.len();
    for key in ["nodeGroups", "managedNodeGroups"] {
        for ng in root.get(key).map(Node::items).unwrap_or(&[]) {
            // eksctl enables the admin container for `ssh.allow` on Bottlerocket node groups.
            let bottlerocket = ng.get_str("amiFamily") == Some("Bottlerocket");
            if let Some((k, v)) = ng.get("ssh").and_then(|s| s.get_entry("allow")) {
                if bottlerocket && v.as_bool() == Some(true) {
                    facts.host_settings.push(HostSetting {
                        path: "settings.host-containers.admin.enabled".into(),
                        at: Located::written("true".into(), k.span, v.span),
                    });
                }
            }
            let Some(br) = ng.get("bottlerocket") else {
                continue;
            };
            if let Some((k, settings)) = br.get_entry("settings") {
                flatten("settings".to_string(), k, settings, facts);
            }
            if let Some((k, v)) = br.get_entry("enableAdminContainer") {
                facts.host_settings.push(HostSetting {
                    path: "settings.host-containers.admin.enabled".into(),
                    at: Located::written(
                        v.as_bool().map_or_else(
                            || v.as_str().unwrap_or("").to_string(),
                            |b| b.to_string(),
                        ),
                        k.span,
                        v.span,
                    ),
                });
            }
        }
    }
    derive(facts, start);
}
