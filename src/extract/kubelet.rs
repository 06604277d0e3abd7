//! KubeletConfiguration files. Fields are mapped to the equivalent kubelet flag names so that
//! rules read one vocabulary; the origin keeps the file's (secure) defaults apart from the
//! command line's.

use crate::facts::Located;
use crate::facts::{Component, ComponentConfig, FileFacts, Origin, Setting};
use crate::parse::{Kind, Node};

/// KubeletConfiguration field path → kubelet flag.
const FIELDS: &[(&[&str], &str)] = &[
    (
        &["authentication", "anonymous", "enabled"],
        "anonymous-auth",
    ),
    (
        &["authentication", "webhook", "enabled"],
        "authentication-token-webhook",
    ),
    (
        &["authentication", "x509", "clientCAFile"],
        "client-ca-file",
    ),
    (&["authorization", "mode"], "authorization-mode"),
    (&["readOnlyPort"], "read-only-port"),
    (&["address"], "address"),
    (&["port"], "port"),
    (&["healthzBindAddress"], "healthz-bind-address"),
    (&["rotateCertificates"], "rotate-certificates"),
    (&["serverTLSBootstrap"], "rotate-server-certificates"),
    (&["protectKernelDefaults"], "protect-kernel-defaults"),
    (&["makeIPTablesUtilChains"], "make-iptables-util-chains"),
    (
        &["streamingConnectionIdleTimeout"],
        "streaming-connection-idle-timeout",
    ),
    (&["tlsCertFile"], "tls-cert-file"),
    (&["tlsPrivateKeyFile"], "tls-private-key-file"),
    (&["tlsCipherSuites"], "tls-cipher-suites"),
    (&["tlsMinVersion"], "tls-min-version"),
    (&["eventRecordQPS"], "event-qps"),
    (&["seccompDefault"], "seccomp-default"),
    (&["podPidsLimit"], "pod-max-pids"),
    (&["staticPodURL"], "manifest-url"),
    (&["enableDebuggingHandlers"], "enable-debugging-handlers"),
    (&["featureGates"], "feature-gates"),
];

pub fn extract_config(root: &Node, facts: &mut FileFacts) {
    facts.components.push(ComponentConfig {
        component: Component::Kubelet,
        origin: Origin::KubeletConfigFile,
        anchor: super::nodes::kind_span(root),
        settings: config_settings(root, ""),
    });
}

/// The settings of a KubeletConfiguration (or a fragment of one, such as Talos
/// `machine.kubelet.extraConfig`), under flag names; `prefix` goes before each field path in
/// the setting's written form.
pub fn config_settings(root: &Node, prefix: &str) -> Vec<Setting> {
    let mut settings = Vec::new();
    for (path, flag) in FIELDS {
        let Some(parent) = root.path(&path[..path.len() - 1]) else {
            continue;
        };
        let Some((key, value)) = parent.get_entry(path[path.len() - 1]) else {
            continue;
        };
        if value.is_null() {
            continue;
        }
        let v = flag_value(value);
        settings.push(Setting {
            name: flag.to_string(),
            written: format!("{prefix}{}: {v}", path.join(".")),
            at: Located::written(Some(v), key.span.cover(value.span), value.span),
        });
    }
    settings
}

/// A field's value written the way the flag would take it: booleans as `true`/`false`,
/// lists joined by commas, maps as `k=v` pairs.
fn flag_value(value: &Node) -> String {
    if let Some(b) = value.as_bool() {
        return b.to_string();
    }
    match &value.resolved().kind {
        Kind::Scalar(s) => s.text.clone(),
        Kind::Seq(items) => items
            .iter()
            .filter_map(Node::as_str)
            .collect::<Vec<_>>()
            .join(","),
        Kind::Map(entries) => entries
            .iter()
            .filter_map(|(k, v)| Some(format!("{}={}", k.as_str()?, flag_value(v))))
            .collect::<Vec<_>>()
            .join(","),
        Kind::Alias(_) => String::new(),
    }
}
