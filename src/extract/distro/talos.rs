//! Talos Linux machine configs (`version: v1alpha1` with `machine` and `cluster`) and the
//! extra documents of the same stream (`apiVersion: v1alpha1` with a `kind`).
//!
//! Component flags (`cluster.apiServer/controllerManager/scheduler/etcd.extraArgs`,
//! `machine.kubelet.extraArgs` and `extraConfig`) become `ComponentConfig`s with origin
//! `Talos`, whose absent flags take what Talos writes itself (`facts::defaults`). Flags Talos
//! refuses to merge (`MergeDenied` in siderolabs/talos
//! internal/app/machined/pkg/controllers/k8s/control_plane_final.go) are not lowered: Talos
//! rejects the config instead of applying them. For the additive ones (`authorization-mode`,
//! `enable-admission-plugins`) Talos keeps its own values before the user's.
//! `NetworkRuleConfig` documents become firewall rules; private keys and tokens written in
//! clear become `InlineSecret`s unless the document is SOPS-encrypted.

use crate::extract::static_pod::image_tag_version;
use crate::facts::{
    Component, ComponentConfig, Direction, FileFacts, FirewallRule, HostConfigKind, HostEntry,
    HostSetting, InlineSecret, KernelArg, Located, Origin, Peer, PortRange, Setting,
    TalosDefaultAction, TalosMachine,
};
use crate::parse::{Kind, Node};
use crate::source::Span;

/// kube-apiserver flags Talos does not let `extraArgs` override.
const APISERVER_DENIED: &[&str] = &[
    "etcd-servers",
    "client-ca-file",
    "requestheader-client-ca-file",
    "proxy-client-cert-file",
    "proxy-client-key-file",
    "encryption-provider-config",
    "etcd-cafile",
    "etcd-certfile",
    "etcd-keyfile",
    "kubelet-client-certificate",
    "kubelet-client-key",
    "service-account-key-file",
    "service-account-signing-key-file",
    "tls-cert-file",
    "tls-min-version",
    "tls-private-key-file",
    "authorization-config",
    "authentication-config",
];

/// Flags whose `extraArgs` value Talos adds to its own (`MergeAdditive`).
const APISERVER_ADDITIVE: &[(&str, &str)] = &[
    ("enable-admission-plugins", "NodeRestriction"),
    ("authorization-mode", "Node,RBAC"),
];

/// Private keys and tokens of a machine config: (path, what it grants).
const SECRETS: &[(&[&str], &str)] = &[
    (
        &["machine", "token"],
        "the machine token, which joins nodes to the cluster",
    ),
    (&["machine", "ca", "key"], "the Talos API CA private key"),
    (&["cluster", "token"], "the Kubernetes bootstrap token"),
    (&["cluster", "secret"], "the cluster discovery secret"),
    (&["cluster", "ca", "key"], "the Kubernetes CA private key"),
    (
        &["cluster", "aggregatorCA", "key"],
        "the aggregation-layer CA private key",
    ),
    (
        &["cluster", "serviceAccount", "key"],
        "the service-account signing key",
    ),
    (&["cluster", "etcd", "ca", "key"], "the etcd CA private key"),
    (
        &["cluster", "secretboxEncryptionSecret"],
        "the Secrets encryption key",
    ),
    (
        &["cluster", "aescbcEncryptionSecret"],
        "the Secrets encryption key",
    ),
];

pub fn machine_config(root: &Node, facts: &mut FileFacts) {
    let sops = root.get("sops").is_some();
    let machine = root.get("machine");
    let cluster = root.get("cluster");
    let machine_type = machine.and_then(|m| m.get_str("type"));
    let control_plane = matches!(machine_type, Some("controlplane" | "init"));
    if !sops {
        secrets(root, facts);
    }
    let anchor = root.get_entry("version").map_or(root.span, |(k, _)| k.span);
    let cluster_key = root.get_entry("cluster").map_or(anchor, |(k, _)| k.span);
    if let (true, Some((key, cluster))) = (control_plane, root.get_entry("cluster")) {
        super::podnet::talos(key, cluster, facts);
    }
    if let Some(cluster) = cluster {
        for (key, component) in [
            ("apiServer", Component::ApiServer),
            ("controllerManager", Component::ControllerManager),
            ("scheduler", Component::Scheduler),
        ] {
            let section = cluster.get_entry(key);
            let args = section.and_then(|(_, s)| s.get("extraArgs"));
            if !control_plane && args.is_none() {
                continue;
            }
            let mut settings = Vec::new();
            if let Some(args) = args {
                let prefix = format!("cluster.{key}.extraArgs");
                for s in extra_args(args, &prefix) {
                    if component == Component::ApiServer {
                        if APISERVER_DENIED.contains(&s.name.as_str()) {
                            continue;
                        }
                        if let Some((_, talos)) =
                            APISERVER_ADDITIVE.iter().find(|(f, _)| *f == s.name)
                        {
                            settings.push(Setting {
                                name: s.name.clone(),
                                written: format!("{}={talos} (added by Talos)", s.name),
                                at: Located::written(Some(talos.to_string()), s.span, s.span),
                            });
                        }
                    }
                    settings.push(s);
                }
            }
            if let Some((_, section)) = section {
                if let Some(image) = section.get("image") {
                    facts
                        .kubernetes_versions
                        .extend(image_tag_version(image, component));
                }
            }
            facts.components.push(ComponentConfig {
                component,
                origin: Origin::Talos,
                anchor: section.map_or(cluster_key, |(k, _)| k.span),
                settings,
            });
        }
        // The API server's audit policy, inline (`cluster.apiServer.auditPolicy`, a Policy map).
        if let Some((k, p)) = cluster
            .get("apiServer")
            .and_then(|a| a.get_entry("auditPolicy"))
            .filter(|(_, p)| p.is_map())
        {
            let what = "Talos cluster.apiServer.auditPolicy";
            crate::extract::audit::policy(p, k.span, what, facts);
        }
        // etcd runs on control-plane nodes; its absent flags stay unknown.
        if let Some((k, etcd)) = cluster.get_entry("etcd") {
            if let Some(args) = etcd.get("extraArgs") {
                facts.components.push(ComponentConfig {
                    component: Component::Etcd,
                    origin: Origin::Talos,
                    anchor: k.span,
                    settings: extra_args(args, "cluster.etcd.extraArgs"),
                });
            }
        }
    }
    if let Some(machine) = machine {
        kubelet(machine, root, facts);
        host(machine, facts);
        facts.installer.talos.push(TalosMachine {
            anchor,
            control_plane,
            encryption_secret: cluster.is_some_and(|c| {
                ["secretboxEncryptionSecret", "aescbcEncryptionSecret"]
                    .iter()
                    .any(|k| c.get_str(k).is_some_and(|v| !v.trim().is_empty()))
            }),
            sops,
            api_access_admin: talos_api_admin(machine),
        });
    }
}

/// `machine.kubelet`: `extraConfig` (a KubeletConfiguration fragment), then
/// `skipNodeRegistration` (which turns webhook authentication off and authorization to
/// AlwaysAllow: internal/app/machined/pkg/controllers/k8s/internal/kubeletstate), then
/// `extraArgs` (command-line flags win over the config file).
fn kubelet(machine: &Node, root: &Node, facts: &mut FileFacts) {
    let kubelet = machine.get_entry("kubelet");
    let mut settings = Vec::new();
    if let Some((_, k)) = kubelet {
        if let Some(extra) = k.get("extraConfig") {
            settings.extend(crate::extract::kubelet::config_settings(
                extra,
                "machine.kubelet.extraConfig.",
            ));
        }
        if let Some((key, v)) = k.get_entry("skipNodeRegistration") {
            if v.as_bool() == Some(true) {
                for (name, value) in [
                    ("authorization-mode", "AlwaysAllow"),
                    ("authentication-token-webhook", "false"),
                ] {
                    settings.push(Setting {
                        name: name.into(),
                        written: "machine.kubelet.skipNodeRegistration: true".into(),
                        at: Located::written(Some(value.into()), key.span.cover(v.span), v.span),
                    });
                }
            }
        }
        if let Some(args) = k.get("extraArgs") {
            settings.extend(extra_args(args, "machine.kubelet.extraArgs"));
        }
        if let Some(image) = k.get("image") {
            facts
                .kubernetes_versions
                .extend(image_tag_version(image, Component::Kubelet));
        }
    }
    let anchor = kubelet
        .map(|(k, _)| k.span)
        .or_else(|| root.get_entry("machine").map(|(k, _)| k.span))
        .unwrap_or(root.span);
    facts.components.push(ComponentConfig {
        component: Component::Kubelet,
        origin: Origin::Talos,
        anchor,
        settings,
    });
}

/// `machine.install.extraKernelArgs`, `machine.sysctls` and registry mirrors, as the shared
/// host facts.
fn host(machine: &Node, facts: &mut FileFacts) {
    let args = machine.path(&["install", "extraKernelArgs"]);
    for a in args.map(Node::items).unwrap_or(&[]) {
        if let Some(text) = a.as_str().filter(|t| !is_placeholder(t)) {
            facts.host.kernel_args.push(KernelArg {
                arg: text.to_string(),
                span: a.span,
            });
        }
    }
    // Registry mirrors, under their Talos path (`H118` reads `machine.registries.mirrors`).
    let mirrors = machine.path(&["registries", "mirrors"]);
    for (registry, mirror) in mirrors.map(Node::entries).unwrap_or(&[]) {
        let Some(registry) = registry.as_str() else {
            continue;
        };
        let endpoints = mirror.get("endpoints").map(Node::items).unwrap_or(&[]);
        for (i, e) in endpoints.iter().enumerate() {
            if let Some(url) = e.as_str().filter(|t| !is_placeholder(t)) {
                facts.host_settings.push(HostSetting {
                    path: format!("machine.registries.mirrors.{registry}.endpoints[{i}]"),
                    at: Located::at(url.to_string(), e.span),
                });
            }
        }
    }
    for (k, v) in machine.get("sysctls").map(Node::entries).unwrap_or(&[]) {
        let (Some(key), Some(value)) = (k.as_str(), v.as_str()) else {
            continue;
        };
        facts.host.entries.push(HostEntry {
            kind: HostConfigKind::Sysctl,
            source: "machine.sysctls".into(),
            section: String::new(),
            key: key.to_string(),
            value: value.to_string(),
            span: k.span.cover(v.span),
        });
    }
}

/// `extraArgs`: a map of flag → value, or flag → list of values (repeated flags).
fn extra_args(args: &Node, prefix: &str) -> Vec<Setting> {
    let mut out = Vec::new();
    for (k, v) in args.entries() {
        let Some(name) = k.as_str() else {
            continue;
        };
        let name = name.trim_start_matches('-').to_string();
        let values: Vec<&Node> = match &v.resolved().kind {
            Kind::Seq(items) => items.iter().collect(),
            Kind::Scalar(_) => vec![v],
            _ => continue,
        };
        for item in values {
            let Some(value) = item.as_str() else {
                continue;
            };
            out.push(Setting {
                name: name.clone(),
                written: format!("{prefix}.{name}: {value}"),
                at: Located::written(Some(value.to_string()), k.span.cover(item.span), item.span),
            });
        }
    }
    out
}

/// Literal private keys and tokens (not empty, not SOPS `ENC[…]`, not a template).
fn secrets(root: &Node, facts: &mut FileFacts) {
    for (path, what) in SECRETS {
        let Some(v) = root.path(path) else {
            continue;
        };
        let Some(text) = v.as_str() else {
            continue;
        };
        let t = text.trim();
        if t.is_empty() || t.starts_with("ENC[") || is_placeholder(t) {
            continue;
        }
        facts.installer.secrets.push(InlineSecret {
            source: "Talos",
            field: path.join("."),
            what,
            span: v.span,
        });
    }
}

/// Template syntax or an environment placeholder: the value is filled in elsewhere.
pub fn is_placeholder(s: &str) -> bool {
    s.contains("{{") || s.contains("${") || s.contains("%{") || s.starts_with('$')
}

/// `os:admin` granted to pods by `machine.features.kubernetesTalosAPIAccess`.
fn talos_api_admin(machine: &Node) -> Option<Span> {
    let access = machine.path(&["features", "kubernetesTalosAPIAccess"])?;
    if access.get("enabled").and_then(Node::as_bool) != Some(true) {
        return None;
    }
    access
        .get("allowedRoles")?
        .items()
        .iter()
        .find(|r| r.as_str() == Some("os:admin"))
        .map(|r| r.span)
}

/// The extra documents of a Talos stream that matter here.
pub fn extra_document(root: &Node, kind: &str, facts: &mut FileFacts) {
    match kind {
        "NetworkDefaultActionConfig" => {
            if let Some(v) = root.get("ingress") {
                if let Some(text) = v.as_str() {
                    facts
                        .installer
                        .talos_default_actions
                        .push(TalosDefaultAction {
                            ingress: text.to_string(),
                            span: v.span,
                        });
                }
            }
        }
        "NetworkRuleConfig" => network_rule(root, facts),
        "KubeFlannelCNIConfig" => super::podnet::talos_flannel_document(root, facts),
        _ => {}
    }
}

/// `NetworkRuleConfig`: `portSelector.ports` (numbers or `a-b` ranges) and `protocol`, opened
/// to `ingress[].subnet` (siderolabs/talos pkg/machinery/config/types/network/rule_config.go).
fn network_rule(root: &Node, facts: &mut FileFacts) {
    let name = root.get_str("name").unwrap_or("");
    let Some(selector) = root.get("portSelector") else {
        return;
    };
    let protocol = selector
        .get_str("protocol")
        .unwrap_or("tcp")
        .to_ascii_lowercase();
    let peers: Vec<Peer> = root
        .get("ingress")
        .map(Node::items)
        .unwrap_or(&[])
        .iter()
        .filter_map(|i| {
            let s = i.get("subnet")?;
            Some(Peer::at(s.as_str()?.to_string(), s.span))
        })
        .collect();
    if peers.is_empty() {
        return;
    }
    let span = root.get("kind").map_or(root.span, |k| k.span);
    for port in selector.get("ports").map(Node::items).unwrap_or(&[]) {
        let Some(ports) = port.as_str().and_then(port_range) else {
            continue;
        };
        facts.firewall_rules.push(FirewallRule {
            api_port: None,
            direction: Direction::Ingress,
            protocol: protocol.clone(),
            ports,
            peers: peers.clone(),
            resource: format!("NetworkRuleConfig {name}"),
            span,
        });
    }
}

fn port_range(text: &str) -> Option<PortRange> {
    let (a, b) = match text.split_once('-') {
        Some((a, b)) => (a.trim().parse().ok()?, b.trim().parse().ok()?),
        None => {
            let p = text.trim().parse().ok()?;
            (p, p)
        }
    };
    (a <= b).then_some(PortRange { from: a, to: b })
}
