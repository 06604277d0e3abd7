//! kOps `Cluster` and `InstanceGroup` (`kops.k8s.io/v1alpha2`, also the old `kops/v1alpha2`).
//!
//! Component specs use kOps field names whose `flag:` tags are the component flags
//! (kubernetes/kops pkg/apis/kops/v1alpha2/componentconfig.go); the ones rules read are
//! lowered with origin `Kops` and kOps's own defaults (`facts::defaults`). kOps overrides some
//! fields whatever the spec says (pkg/model/components/apiserver.go: `anonymousAuth` is always
//! false, `enableAdmissionPlugins` is always its own list plus `appendAdmissionPlugins`), so
//! those are not lowered. `spec.authorization.alwaysAllow` becomes `--authorization-mode=
//! AlwaysAllow`, `spec.encryptionConfig: true` an encryption provider config.
//! `sshAccess` and `nodePortAccess` become firewall rules (port 22, the NodePort range),
//! `kubernetesApiAccess` the cluster's API allow-list; InstanceGroup public IPs and
//! `instanceMetadata.httpTokens` become node settings.

use crate::facts::{
    Component, ComponentConfig, Direction, FileFacts, FirewallRule, KopsCluster, KubernetesVersion,
    Located, NodeSetting, Origin, Peer, PortRange, Setting,
};
use crate::parse::{Kind, Node};

/// kube-apiserver fields (json name → flag) that rules read and kOps passes through.
const APISERVER: &[(&str, &str)] = &[
    ("authorizationMode", "authorization-mode"),
    ("disableAdmissionPlugins", "disable-admission-plugins"),
    // Not a flag: kOps appends it to its own `--enable-admission-plugins` list (N109 reads it).
    ("appendAdmissionPlugins", "append-admission-plugins"),
    ("auditLogPath", "audit-log-path"),
    ("auditLogMaxAge", "audit-log-maxage"),
    ("auditLogMaxBackups", "audit-log-maxbackup"),
    ("auditLogMaxSize", "audit-log-maxsize"),
    ("auditPolicyFile", "audit-policy-file"),
    ("auditWebhookConfigFile", "audit-webhook-config-file"),
    ("tlsMinVersion", "tls-min-version"),
    ("tlsCipherSuites", "tls-cipher-suites"),
    ("tokenAuthFile", "token-auth-file"),
    (
        "kubeletCertificateAuthority",
        "kubelet-certificate-authority",
    ),
    ("encryptionProviderConfig", "encryption-provider-config"),
];

/// kubelet fields (json name → flag).
const KUBELET: &[(&str, &str)] = &[
    ("anonymousAuth", "anonymous-auth"),
    ("authorizationMode", "authorization-mode"),
    ("authenticationTokenWebhook", "authentication-token-webhook"),
    ("readOnlyPort", "read-only-port"),
    ("clientCaFile", "client-ca-file"),
    ("tlsMinVersion", "tls-min-version"),
    ("tlsCipherSuites", "tls-cipher-suites"),
    (
        "streamingConnectionIdleTimeout",
        "streaming-connection-idle-timeout",
    ),
    ("protectKernelDefaults", "protect-kernel-defaults"),
];

/// Where kOps writes the EncryptionConfiguration when `encryptionConfig: true`.
const ENCRYPTION_CONFIG: &str = "/srv/kubernetes/kube-apiserver/encryptionconfig.yaml";

pub fn is_kops(api_version: &str) -> bool {
    matches!(api_version.split('/').next(), Some("kops.k8s.io" | "kops"))
}

pub fn extract(root: &Node, kind: &str, text: &str, facts: &mut FileFacts) {
    let name = root
        .path(&["metadata", "name"])
        .and_then(Node::as_str)
        .unwrap_or("")
        .to_string();
    let Some(spec) = root.get("spec") else {
        return;
    };
    match kind {
        "Cluster" => {
            cluster(root, spec, &name, facts);
            file_assets(spec, text, facts);
        }
        "InstanceGroup" => instance_group(spec, &name, facts),
        _ => {}
    }
}

/// `spec.fileAssets[].content`: files kOps writes onto nodes; an audit Policy among them (the
/// file `kubeAPIServer.auditPolicyFile` names) is read like a stand-alone one.
fn file_assets(spec: &Node, text: &str, facts: &mut FileFacts) {
    for asset in spec.get("fileAssets").map(Node::items).unwrap_or(&[]) {
        if let Some(e) = asset
            .get("content")
            .and_then(|c| crate::parse::embedded::Embedded::scalar(c, text))
        {
            facts.embedded_docs.push(crate::facts::EmbeddedDoc {
                text: e,
                format: crate::facts::DocFormat::Yaml,
                want: crate::facts::Want::AuditPolicy,
            });
        }
    }
}

fn cluster(root: &Node, spec: &Node, name: &str, facts: &mut FileFacts) {
    let anchor = root.get("kind").map_or(root.span, |k| k.span);
    let mut api = Vec::new();
    if let Some(section) = spec.get("kubeAPIServer") {
        api.extend(fields(section, APISERVER, "spec.kubeAPIServer"));
    }
    if let Some((k, always)) = spec
        .get("authorization")
        .and_then(|a| a.get_entry("alwaysAllow"))
    {
        api.push(Setting {
            name: "authorization-mode".into(),
            written: "spec.authorization.alwaysAllow".into(),
            at: Located::written(
                Some("AlwaysAllow".into()),
                k.span.cover(always.span),
                k.span,
            ),
        });
    }
    if let Some((k, v)) = spec.get_entry("encryptionConfig") {
        if v.as_bool() == Some(true) {
            api.push(Setting {
                name: "encryption-provider-config".into(),
                written: "spec.encryptionConfig: true".into(),
                at: Located::written(Some(ENCRYPTION_CONFIG.into()), k.span.cover(v.span), v.span),
            });
        }
    }
    facts.components.push(ComponentConfig {
        component: Component::ApiServer,
        origin: Origin::Kops,
        anchor: spec
            .get_entry("kubeAPIServer")
            .map_or(anchor, |(k, _)| k.span),
        settings: api,
    });
    for key in ["kubelet", "controlPlaneKubelet", "masterKubelet"] {
        if let Some((k, section)) = spec.get_entry(key) {
            facts.components.push(ComponentConfig {
                component: Component::Kubelet,
                origin: Origin::Kops,
                anchor: k.span,
                settings: fields(section, KUBELET, &format!("spec.{key}")),
            });
        }
    }
    if let Some(networking) = spec.get("networking") {
        super::podnet::kops(name, networking, facts);
    }
    if let Some(v) = spec.get("kubernetesVersion") {
        if let Some(text) = v.as_str() {
            facts.kubernetes_versions.push(KubernetesVersion {
                what: "kOps spec.kubernetesVersion".into(),
                version: text.to_string(),
                span: v.span,
            });
        }
    }
    let resource = |field: &str| format!("kOps Cluster {name} spec.{field}");
    if let Some(peers) = spec.get("sshAccess").map(peers) {
        facts.firewall_rules.push(FirewallRule {
            api_port: None,
            direction: Direction::Ingress,
            protocol: "tcp".into(),
            ports: PortRange { from: 22, to: 22 },
            peers,
            resource: resource("sshAccess"),
            span: anchor,
        });
    }
    if let Some(peers) = spec.get("nodePortAccess").map(peers) {
        let ports = spec
            .path(&["kubeAPIServer", "serviceNodePortRange"])
            .and_then(Node::as_str)
            .and_then(|r| {
                let (a, b) = r.split_once('-')?;
                Some(PortRange {
                    from: a.trim().parse().ok()?,
                    to: b.trim().parse().ok()?,
                })
            })
            .unwrap_or(PortRange {
                from: 30000,
                to: 32767,
            });
        facts.firewall_rules.push(FirewallRule {
            api_port: None,
            direction: Direction::Ingress,
            protocol: "tcp".into(),
            ports,
            peers,
            resource: resource("nodePortAccess"),
            span: anchor,
        });
    }
    // v1alpha2 `kubernetesApiAccess`; v1alpha3 `api.access`.
    let api_access = spec
        .get_entry("kubernetesApiAccess")
        .map(|e| ("spec.kubernetesApiAccess", e))
        .or_else(|| {
            spec.get("api")
                .and_then(|a| a.get_entry("access"))
                .map(|e| ("spec.api.access", e))
        });
    if let Some((field, (_, list))) = api_access {
        facts.installer.kops_clusters.push(KopsCluster {
            name: name.to_string(),
            field,
            api_access: peers(list),
        });
    }
}

fn instance_group(spec: &Node, name: &str, facts: &mut FileFacts) {
    // Bastions exist to be reachable.
    if spec.get_str("role") == Some("Bastion") {
        return;
    }
    let resource = format!("kOps InstanceGroup {name}");
    if let Some(v) = spec.get("associatePublicIp") {
        if v.as_bool() == Some(true) {
            facts.node_settings.push(NodeSetting {
                resource: resource.clone(),
                name: "associatePublicIp".into(),
                at: Located::at("true".into(), v.span),
            });
        }
    }
    for key in ["httpTokens", "httpPutResponseHopLimit"] {
        if let Some(v) = spec.path(&["instanceMetadata", key]) {
            if let Some(text) = v.as_str() {
                facts.node_settings.push(NodeSetting {
                    resource: resource.clone(),
                    name: format!("instanceMetadata.{key}"),
                    at: Located::at(text.to_string(), v.span),
                });
            }
        }
    }
}

/// The items of an access list as CIDR peers (templated items are left out).
fn peers(list: &Node) -> Vec<Peer> {
    list.items()
        .iter()
        .filter_map(|i| {
            let t = i.as_str()?;
            (!super::talos::is_placeholder(t)).then(|| Peer::at(t.to_string(), i.span))
        })
        .collect()
}

/// Settings from a kOps component spec: each listed field under its flag name; lists are
/// joined with commas as the flag takes them.
fn fields(section: &Node, table: &[(&str, &str)], prefix: &str) -> Vec<Setting> {
    let mut out = Vec::new();
    for (field, flag) in table {
        let Some((k, v)) = section.get_entry(field) else {
            continue;
        };
        let value = match &v.resolved().kind {
            Kind::Scalar(s) => match v.as_bool() {
                Some(b) => b.to_string(),
                None => s.text.clone(),
            },
            Kind::Seq(items) => items
                .iter()
                .filter_map(Node::as_str)
                .collect::<Vec<_>>()
                .join(","),
            _ => continue,
        };
        if v.is_null() || super::talos::is_placeholder(&value) {
            continue;
        }
        out.push(Setting {
            name: flag.to_string(),
            written: format!("{prefix}.{field}: {value}"),
            at: Located::written(Some(value), k.span.cover(v.span), v.span),
        });
    }
    out
}
