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
            at: crate::facts::Located::written(value, span, value_span),
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

/// The launch configuration's maps of extra flags, per component.
const LAUNCH_ARGS: &[(&str, Component)] = &[
    ("extraKubeAPIServerArgs", Component::ApiServer),
    ("extraKubeletArgs", Component::Kubelet),
    (
        "extraKubeControllerManagerArgs",
        Component::ControllerManager,
    ),
    ("extraKubeSchedulerArgs", Component::Scheduler),
];

/// Addons known to leave the API server's and kubelet's flags alone (`rbac` is read;
/// any other addon, `cis-hardening` among them, may rewrite flags: absences are then unknown).
const PLAIN_ADDONS: &[&str] = &[
    "dns",
    "ingress",
    "hostpath-storage",
    "storage",
    "cert-manager",
    "dashboard",
    "registry",
    "metallb",
    "metrics-server",
    "helm",
    "helm3",
    "prometheus",
    "observability",
    "gpu",
    "nvidia",
    "community",
    "rbac",
    "ha-cluster",
    "host-access",
    "mayastor",
    "minio",
    "openebs",
];

/// A MicroK8s launch configuration (`/var/snap/microk8s/common/.microk8s.yaml`,
/// `microk8s-config.yaml`): `version: 0.x.y` with extra component args or addons. Its maps
/// (`--flag: value`, `null` removes the flag) change MicroK8s' default args
/// (canonical/microk8s-cluster-agent `pkg/k8sinit`); the `rbac` addon sets
/// `--authorization-mode=RBAC,Node` (`microk8s-resources/actions/enable.rbac.sh`). `false` when
/// the document is not one.
pub fn launch(root: &crate::parse::Node, facts: &mut FileFacts) -> bool {
    use crate::parse::Node;
    let version_ok = root.get_str("version").is_some_and(|v| {
        let parts: Vec<&str> = v.split('.').collect();
        parts.len() == 3 && parts[0] == "0" && parts.iter().all(|p| p.parse::<u32>().is_ok())
    });
    let has_key = LAUNCH_ARGS.iter().any(|(k, _)| root.get(k).is_some())
        || root.get("addons").is_some_and(Node::is_seq);
    if !root.is_map() || root.get("kind").is_some() || !version_ok || !has_key {
        return false;
    }
    let addons: Vec<(&str, &Node, bool)> = root
        .get("addons")
        .map(Node::items)
        .unwrap_or(&[])
        .iter()
        .filter_map(|a| {
            let name = a.get_str("name")?;
            let disable = a.get("disable").and_then(Node::as_bool) == Some(true);
            Some((name, a, disable))
        })
        .collect();
    let rewriting = addons
        .iter()
        .any(|(n, _, off)| !off && !PLAIN_ADDONS.contains(n));
    // A worker joins a cluster and runs no API server.
    let worker = root
        .get("join")
        .and_then(|j| j.get("worker"))
        .and_then(Node::as_bool)
        == Some(true);
    let anchor = super::super::nodes::key_span(root, "version").unwrap_or(root.span);
    for (key, component) in LAUNCH_ARGS {
        let section = root.get_entry(key);
        if *component != Component::ApiServer
            && *component != Component::Kubelet
            && section.is_none()
        {
            continue;
        }
        if worker && *component != Component::Kubelet {
            continue;
        }
        let mut settings = Vec::new();
        if *component == Component::ApiServer {
            if let Some((_, a, _)) = addons.iter().find(|(n, _, off)| *n == "rbac" && !off) {
                settings.push(Setting {
                    name: "authorization-mode".into(),
                    at: crate::facts::Located::written(Some("RBAC,Node".into()), a.span, a.span),
                    written: "addons: rbac".into(),
                });
            }
        }
        for (k, v) in section.map(|(_, m)| m.entries()).unwrap_or(&[]) {
            let Some(flag) = k
                .as_str()
                .and_then(parse_token)
                .filter(|f| f.value.is_none())
            else {
                continue;
            };
            let value = if v.is_null() {
                // Removed: the binary's own default, when known.
                let own = if *component == Component::Kubelet {
                    Origin::KubeletFlags
                } else {
                    Origin::StaticPod
                };
                match crate::facts::defaults::default_for(*component, own, flag.name) {
                    Some(d) => d.to_string(),
                    None => continue,
                }
            } else {
                match v.as_str() {
                    Some(s) => s.to_string(),
                    None => continue,
                }
            };
            settings.push(Setting {
                name: flag.name.to_string(),
                written: format!(
                    "{}: {}",
                    k.as_str().unwrap_or_default(),
                    v.as_str().unwrap_or("null")
                ),
                at: crate::facts::Located::written(Some(value), k.span.cover(v.span), v.span),
            });
        }
        facts.components.push(ComponentConfig {
            component: *component,
            origin: Origin::MicroK8sLaunch {
                complete: !rewriting,
            },
            anchor: section.map(|(k, _)| k.span).unwrap_or(anchor),
            settings,
        });
    }
    true
}
