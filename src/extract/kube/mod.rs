//! Kubernetes objects into [`KubeFacts`](crate::facts::kube::KubeFacts): metadata of every
//! object, then per kind RBAC, Services/Ingresses, workloads, NetworkPolicies and the Calico and
//! Cilium resources.

pub mod admission;
pub mod calico;
pub mod cilium;
pub mod fields;
pub mod gateway;
pub mod netpol;
pub mod rbac;
pub mod service;
pub mod workload;

use crate::facts::kube::{Meta, Spanned};
use crate::facts::FileFacts;
use crate::parse::Node;
use fields::{meta, strings};

/// Extracts one object (a `List` is unpacked into its items).
pub fn extract(root: &Node, api_version: &str, kind: &str, text: &str, facts: &mut FileFacts) {
    if kind == "List" || kind.ends_with("List") && root.get("items").is_some_and(Node::is_seq) {
        for item in root.get("items").map(Node::items).unwrap_or(&[]) {
            let (Some(api), Some(k)) = (item.get_str("apiVersion"), item.get_str("kind")) else {
                continue;
            };
            super::objects::scope(item, facts);
            extract(item, api, k, text, facts);
        }
        return;
    }
    let meta = meta(root, api_version, kind);
    let group = api_version.split('/').next().unwrap_or("");
    crate::extract::cni::pods::object(root, &meta, facts);
    let kube = &mut facts.kube;
    kube.objects.push(meta.clone());
    match (group, kind) {
        ("rbac.authorization.k8s.io", "Role" | "ClusterRole") => rbac::role(root, meta, kube),
        ("rbac.authorization.k8s.io", "RoleBinding" | "ClusterRoleBinding") => {
            rbac::binding(root, meta, kube)
        }
        ("v1", "Service") => service::service(root, meta, kube),
        ("networking.k8s.io" | "extensions", "Ingress") => service::ingress(root, meta, kube),
        ("networking.k8s.io", "NetworkPolicy") => netpol::network_policy(root, meta, kube),
        ("projectcalico.org" | "crd.projectcalico.org", _) => calico::extract(root, meta, kube),
        ("cilium.io", _) => cilium::extract(root, meta, kube),
        ("v1", "ConfigMap") if meta.name == "cilium-config" => cilium::config(root, meta, kube),
        ("kubeproxy.config.k8s.io", "KubeProxyConfiguration") => kube_proxy(root, meta, kube),
        ("apiserver.config.k8s.io" | "apiserver.k8s.io", "AdmissionConfiguration") => {
            admission::admission_configuration(root, &meta, kube)
        }
        ("gateway.networking.k8s.io", "Gateway") => gateway::gateway(root, &meta, false, kube),
        ("networking.istio.io", "Gateway") => gateway::gateway(root, &meta, true, kube),
        ("v1", "ServiceAccount") => {
            let node = root
                .get("automountServiceAccountToken")
                .filter(|n| !n.is_null());
            kube.service_accounts
                .push(crate::facts::accounts::ServiceAccount {
                    automount: node.map(Node::as_bool),
                    automount_span: node.map(|n| n.span),
                    field: "automountServiceAccountToken",
                    name: meta.name,
                    namespace: meta.namespace,
                    name_span: meta.name_span,
                })
        }
        ("pod-security.admission.config.k8s.io", "PodSecurityConfiguration") => {
            admission::pod_security_configuration(root, &meta, kube)
        }
        _ => workload::extract(root, meta, text, kube),
    }
}

fn kube_proxy(root: &Node, meta: Meta, kube: &mut crate::facts::kube::KubeFacts) {
    let metrics = root
        .get("metricsBindAddress")
        .and_then(|n| Some(Spanned::at(n.as_str()?.to_string(), n.span)));
    let npa = root.get("nodePortAddresses");
    kube.kube_proxy.push(crate::facts::kube::KubeProxyConfig {
        metrics_bind_address: metrics,
        node_port_addresses: npa.map(|n| strings(Some(n))),
        node_port_anchor: crate::extract::nodes::key_span(root, "nodePortAddresses")
            .unwrap_or(meta.kind_span),
        meta,
    });
}
