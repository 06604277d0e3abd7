//! kubeadm Init/Cluster/JoinConfiguration. `extraArgs` is a map in v1beta3 (and older) and a
//! list of `{name, value}` in v1beta4 (duplicates allowed, last wins); both are read whatever
//! the declared version, since that is what a user wrote and what the rules should judge.

use crate::classify::KubeadmVersion;
use crate::facts::{Component, ComponentConfig, FileFacts, Origin, Setting};
use crate::parse::Node;

pub fn extract(
    root: &Node,
    kind: &str,
    version: KubeadmVersion,
    _text: &str,
    facts: &mut FileFacts,
) {
    let origin = match version {
        KubeadmVersion::V1beta4 => Origin::KubeadmV1beta4,
        _ => Origin::KubeadmV1beta3,
    };
    match kind {
        "ClusterConfiguration" => cluster(root, origin, facts),
        "InitConfiguration" | "JoinConfiguration" => node_registration(root, origin, facts),
        _ => {}
    }
}

/// kubeadm deploys every control-plane component a ClusterConfiguration describes, with kubeadm's
/// defaults where a flag is absent, so each yields a component even without a section.
fn cluster(root: &Node, origin: Origin, facts: &mut FileFacts) {
    let sections = [
        ("apiServer", Component::ApiServer),
        ("controllerManager", Component::ControllerManager),
        ("scheduler", Component::Scheduler),
    ];
    for (key, component) in sections {
        let section = root.get(key);
        facts.components.push(ComponentConfig {
            component,
            origin,
            anchor: super::key_span(root, key).unwrap_or_else(|| super::kind_span(root)),
            settings: section.map(extra_args).unwrap_or_default(),
        });
    }
    // External etcd is not deployed by kubeadm; its client settings are read by other rules.
    let etcd = root.get("etcd");
    if etcd.and_then(|e| e.get("external")).is_none() {
        let local = etcd.and_then(|e| e.get("local"));
        let anchor = etcd
            .and_then(|e| super::key_span(e, "local"))
            .or_else(|| super::key_span(root, "etcd"))
            .unwrap_or_else(|| super::kind_span(root));
        facts.components.push(ComponentConfig {
            component: Component::Etcd,
            origin,
            anchor,
            settings: local.map(extra_args).unwrap_or_default(),
        });
    }
}

fn node_registration(root: &Node, origin: Origin, facts: &mut FileFacts) {
    let Some(reg) = root.get("nodeRegistration") else {
        return;
    };
    if let Some((key, args)) = reg.get_entry("kubeletExtraArgs") {
        facts.components.push(ComponentConfig {
            component: Component::Kubelet,
            origin,
            anchor: key.span,
            settings: args_from(args),
        });
    }
}

fn extra_args(section: &Node) -> Vec<Setting> {
    section.get("extraArgs").map(args_from).unwrap_or_default()
}

/// Reads either form of `extraArgs`.
pub fn args_from(args: &Node) -> Vec<Setting> {
    if args.is_seq() {
        args.items()
            .iter()
            .filter_map(|item| {
                let name = item.get("name")?;
                let value = item.get("value");
                let span = match value {
                    Some(v) => name.span.cover(v.span),
                    None => name.span,
                };
                let n = name.as_str()?.trim_start_matches('-').to_string();
                let v = value.and_then(Node::as_str).unwrap_or("").to_string();
                Some(Setting {
                    written: format!("name: {n}, value: {v}"),
                    name: n,
                    value: Some(v),
                    span,
                    value_span: value.map(|v| v.span).unwrap_or(name.span),
                })
            })
            .collect()
    } else {
        args.entries()
            .iter()
            .filter_map(|(k, v)| {
                let n = k.as_str()?.trim_start_matches('-').to_string();
                let value = v.as_str().unwrap_or("").to_string();
                Some(Setting {
                    written: format!("{n}: {value}"),
                    name: n,
                    value: Some(value),
                    span: k.span.cover(v.span),
                    value_span: v.span,
                })
            })
            .collect()
    }
}
