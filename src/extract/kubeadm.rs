//! kubeadm Init/Cluster/JoinConfiguration. `extraArgs` is a map in v1beta3 (and older) and a
//! list of `{name, value}` in v1beta4 (duplicates allowed, last wins); both are read whatever
//! the declared version, since that is what a user wrote and what the rules should judge.

use crate::classify::KubeadmVersion;
use crate::facts::Located;
use crate::facts::{
    BootstrapToken, Component, ComponentConfig, Discovery, ExternalEtcd, Field, FileFacts,
    KubeadmFacts, KubernetesVersion, Origin, Setting,
};
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
    let api_version = field(root, "apiVersion");
    config(
        root,
        kind,
        origin,
        api_version,
        super::nodes::kind_span(root),
        facts,
    );
}

/// One kubeadm configuration, stand-alone or embedded (Cluster API). `anchor` is where findings
/// about the document as a whole go.
pub fn config(
    root: &Node,
    kind: &str,
    origin: Origin,
    api_version: Option<Field>,
    anchor: crate::source::Span,
    facts: &mut FileFacts,
) {
    match kind {
        "ClusterConfiguration" => cluster(root, origin, anchor, facts),
        "InitConfiguration" | "JoinConfiguration" => node_registration(root, origin, facts),
        _ => {}
    }
    if let Some(v) = field(root, "kubernetesVersion") {
        facts.kubernetes_versions.push(KubernetesVersion {
            what: "kubeadm kubernetesVersion".into(),
            version: v.value,
            span: v.value_span,
        });
    }
    let certificate_key = field(root, "certificateKey").or_else(|| {
        root.get("controlPlane")
            .and_then(|c| field(c, "certificateKey"))
    });
    facts.kubeadm.push(KubeadmFacts {
        kind: kind.to_string(),
        api_version,
        anchor,
        bootstrap_tokens: root
            .get("bootstrapTokens")
            .map(Node::items)
            .unwrap_or(&[])
            .iter()
            .map(|t| BootstrapToken {
                span: t.span,
                token: field(t, "token"),
                ttl: field(t, "ttl"),
            })
            .collect(),
        certificate_validity_period: field(root, "certificateValidityPeriod"),
        ca_certificate_validity_period: field(root, "caCertificateValidityPeriod"),
        certificate_key,
        discovery: discovery(root),
        span: root.span,
        apiserver_mounts: root
            .path(&["apiServer", "extraVolumes"])
            .map(Node::items)
            .unwrap_or(&[])
            .iter()
            .filter_map(|v| field(v, "mountPath"))
            .collect(),
        external_etcd: root
            .get("etcd")
            .and_then(|e| e.get_entry("external"))
            .filter(|(_, v)| v.is_map())
            .map(|(k, v)| ExternalEtcd {
                anchor: k.span,
                endpoints: v
                    .get("endpoints")
                    .map(Node::items)
                    .unwrap_or(&[])
                    .iter()
                    .filter_map(|e| Some(Field::written(e.as_str()?.to_string(), e.span, e.span)))
                    .collect(),
                ca_file: field(v, "caFile"),
                cert_file: field(v, "certFile"),
                key_file: field(v, "keyFile"),
            }),
    });
}

fn discovery(root: &Node) -> Option<Discovery> {
    let (key, d) = root.get_entry("discovery")?;
    let bt = d.get_entry("bootstrapToken").filter(|(_, v)| v.is_map());
    let bt_node = bt.map(|(_, v)| v);
    Some(Discovery {
        anchor: key.span,
        bootstrap_token: bt.map(|(k, _)| k.span),
        token: bt_node.and_then(|b| field(b, "token")),
        unsafe_skip_ca_verification: bt_node.and_then(|b| field(b, "unsafeSkipCAVerification")),
        ca_cert_hashes: bt_node.and_then(|b| b.get("caCertHashes")).map(|h| {
            h.items()
                .iter()
                .filter_map(|e| Some(Field::written(e.as_str()?.to_string(), e.span, e.span)))
                .collect()
        }),
        tls_bootstrap_token: field(d, "tlsBootstrapToken"),
    })
}

/// A scalar field with its spans; `None` when absent, null or not a scalar.
pub fn field(map: &Node, key: &str) -> Option<Field> {
    let (k, v) = map.get_entry(key)?;
    if v.is_null() {
        return None;
    }
    let value = v.as_str()?.to_string();
    Some(Field::written(value, k.span.cover(v.span), v.span))
}

/// kubeadm deploys every control-plane component a ClusterConfiguration describes, with kubeadm's
/// defaults where a flag is absent, so each yields a component even without a section.
/// `anchor` stands in for absent sections (the `kind` value, or the Cluster API embedding key).
fn cluster(root: &Node, origin: Origin, anchor: crate::source::Span, facts: &mut FileFacts) {
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
            anchor: super::nodes::key_span(root, key).unwrap_or(anchor),
            settings: section.map(extra_args).unwrap_or_default(),
        });
    }
    // External etcd is not deployed by kubeadm; its client settings are read by other rules.
    let etcd = root.get("etcd");
    if etcd.and_then(|e| e.get("external")).is_none() {
        let local = etcd.and_then(|e| e.get("local"));
        let anchor = etcd
            .and_then(|e| super::nodes::key_span(e, "local"))
            .or_else(|| super::nodes::key_span(root, "etcd"))
            .unwrap_or(anchor);
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
                    at: Located::written(Some(v), span, value.map(|v| v.span).unwrap_or(name.span)),
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
                    at: Located::written(Some(value), k.span.cover(v.span), v.span),
                })
            })
            .collect()
    }
}
