//! kind `Cluster` (`kind.x-k8s.io/v1alpha4`): the API server address, host port mappings and
//! the kubeadm documents in `kubeadmConfigPatches` (top level and per node), which kind merges
//! into the kubeadm config it generates. A patch is partial by nature: what it sets is judged
//! (through the component rules), what it leaves out is kind's own value, not in view.
//!
//! Defaults (kind `pkg/apis/config/v1alpha4/default.go`): `networking.apiServerAddress`
//! 127.0.0.1 (`::1` for IPv6); `extraPortMappings[].listenAddress` 0.0.0.0, docker's default
//! (`pkg/cluster/internal/providers/docker/provision.go`).

use crate::classify::KubeadmVersion;
use crate::facts::{DistroConfig, FileFacts, Located, Origin};
use crate::parse::embedded::Embedded;
use crate::parse::Node;

pub fn is_kind_cluster(api_version: &str, kind: &str) -> bool {
    kind == "Cluster" && api_version.starts_with("kind.x-k8s.io/")
}

pub fn extract(root: &Node, text: &str, facts: &mut FileFacts) {
    let mut fields = Vec::new();
    if let Some((k, v)) = root
        .get("networking")
        .and_then(|n| n.get_entry("apiServerAddress"))
    {
        if let Some(s) = v.as_str() {
            fields.push((
                "networking.apiServerAddress".to_string(),
                Located::written(s.to_string(), k.span.cover(v.span), v.span),
            ));
        }
    }
    let mut patches: Vec<&Node> = root
        .get("kubeadmConfigPatches")
        .map(Node::items)
        .unwrap_or(&[])
        .iter()
        .collect();
    for node in root.get("nodes").map(Node::items).unwrap_or(&[]) {
        for m in node
            .get("extraPortMappings")
            .map(Node::items)
            .unwrap_or(&[])
            .iter()
            .filter(|m| m.is_map())
        {
            let (value, span, value_span) = match m.get_entry("listenAddress") {
                Some((k, v)) => match v.as_str() {
                    Some(s) => (s.to_string(), k.span.cover(v.span), v.span),
                    None => continue,
                },
                None => (String::new(), m.span, m.span),
            };
            fields.push((
                "extraPortMappings.listenAddress".to_string(),
                Located::written(value, span, value_span),
            ));
        }
        patches.extend(
            node.get("kubeadmConfigPatches")
                .map(Node::items)
                .unwrap_or(&[]),
        );
    }
    for p in patches {
        if let Some(e) = Embedded::scalar(p, text) {
            patch(&e, facts);
        }
    }
    facts.distro.push(DistroConfig {
        distro: "kind",
        anchor: crate::extract::nodes::kind_span(root),
        main: true,
        server: true,
        sops: false,
        fields,
        elsewhere: Vec::new(),
        replaces: Vec::new(),
    });
}

/// One patch: kubeadm documents (their `apiVersion` may be left out: kind fills it in) and
/// KubeletConfiguration; only their component settings are kept.
fn patch(e: &Embedded, facts: &mut FileFacts) {
    let text = e.text.as_str();
    let mut inner = FileFacts::default();
    for doc in &crate::parse::yaml::parse(text).0 {
        let root = &doc.root;
        let Some(kind) = root.get_str("kind") else {
            continue;
        };
        match kind {
            "ClusterConfiguration" | "InitConfiguration" | "JoinConfiguration" => {
                let version = match root
                    .get_str("apiVersion")
                    .and_then(|a| a.rsplit('/').next())
                {
                    Some("v1beta4") => KubeadmVersion::V1beta4,
                    _ => KubeadmVersion::V1beta3,
                };
                crate::extract::kubeadm::extract(root, kind, version, text, &mut inner);
            }
            "KubeletConfiguration" => crate::extract::kubelet::extract_config(root, &mut inner),
            _ => {}
        }
    }
    inner.map_spans(&mut |s| e.map(s));
    for mut c in inner.components {
        c.origin = Origin::KindPatch;
        facts.components.push(c);
    }
}
