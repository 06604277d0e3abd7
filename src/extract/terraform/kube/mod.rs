//! The Terraform kubernetes provider (`hashicorp/kubernetes`): RBAC roles and bindings,
//! Services, Ingresses, NetworkPolicies and ServiceAccounts lowered into the same Kubernetes object facts as
//! YAML manifests, so the RBAC, exposure and network-policy rules apply to them. Field names
//! are the provider's snake_case twins of the API's (`role_ref`, `load_balancer_source_ranges`,
//! `pod_selector`); values go through the evaluator, and a value that is not wholly known
//! leaves the fact in its harmless shape (no type, an opaque peer, a skipped rule).
//!
//! Schema: terraform-provider-kubernetes `kubernetes/schema_*.go` and the resource files
//! (`resource_kubernetes_cluster_role_binding_v1.go`, `resource_kubernetes_service_v1.go`,
//! `resource_kubernetes_network_policy_v1.go`, `resource_kubernetes_ingress_v1.go`). Namespaced
//! resources without `metadata.namespace` are created in `default` (`schema_metadata.go`,
//! `namespacedMetadataSchema`: `Default: "default"`).

mod netpol;
mod objects;
mod read;

use super::resource::Res;
use super::syntax::span_of;
use crate::facts::kube::Meta;
use crate::facts::FileFacts;
use read::{block, scalar, string_map};

pub fn resource(res: &mut Res, facts: &mut FileFacts) {
    let base = res.rtype.strip_suffix("_v1").unwrap_or(res.rtype);
    let (api, kind, namespaced) = match base {
        "kubernetes_cluster_role" => ("rbac.authorization.k8s.io/v1", "ClusterRole", false),
        "kubernetes_role" => ("rbac.authorization.k8s.io/v1", "Role", true),
        "kubernetes_cluster_role_binding" => {
            ("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", false)
        }
        "kubernetes_role_binding" => ("rbac.authorization.k8s.io/v1", "RoleBinding", true),
        "kubernetes_service" => ("v1", "Service", true),
        "kubernetes_ingress" => ("networking.k8s.io/v1", "Ingress", true),
        "kubernetes_network_policy" => ("networking.k8s.io/v1", "NetworkPolicy", true),
        "kubernetes_service_account" | "kubernetes_default_service_account" => {
            ("v1", "ServiceAccount", true)
        }
        _ => return,
    };
    let Some((mut meta, annotations_known)) = meta(res, api, kind, namespaced) else {
        return;
    };
    // `kubernetes_default_service_account`: `metadata.name` defaults to (and may only be)
    // `default` (resource_kubernetes_default_service_account_v1.go).
    if base == "kubernetes_default_service_account" {
        meta.name = "default".into();
    }
    facts.kube.objects.push(meta.clone());
    let kube = &mut facts.kube;
    match kind {
        "ClusterRole" | "Role" => objects::role(res, meta, kube),
        "ClusterRoleBinding" | "RoleBinding" => objects::binding(res, meta, kube),
        "Service" => objects::service(res, meta, annotations_known, kube),
        "Ingress" => objects::ingress(res, meta, annotations_known, kube),
        "ServiceAccount" => objects::service_account(res, meta, kube),
        _ => netpol::network_policy(res, meta, kube),
    }
}

/// The object's identity from its `metadata` block, and whether its annotations are known.
/// `None` when the resource has no `metadata` block (the provider requires one).
fn meta(res: &mut Res, api: &str, kind: &str, namespaced: bool) -> Option<(Meta, bool)> {
    let header = res.header();
    let whole = res.block().map_or(header, span_of);
    let (md, _) = block(res.root(), "metadata")?;
    let name = scalar(res, md, "name").or_else(|| scalar(res, md, "generate_name"));
    let namespace = scalar(res, md, "namespace");
    let namespace_unknown = namespace.is_none() && res.val(md, "namespace").is_some();
    let labels = string_map(res, md, "labels");
    let annotations = string_map(res, md, "annotations");
    let meta = Meta {
        api_version: api.to_string(),
        kind: kind.to_string(),
        // A name only apply knows: the resource address, for messages.
        name: name
            .as_ref()
            .map_or_else(|| res.address.clone(), |n| n.value.clone()),
        namespace: match &namespace {
            Some(ns) => Some(ns.value.clone()),
            None if namespaced && !namespace_unknown => Some("default".into()),
            None => None,
        },
        labels: labels.unwrap_or_default(),
        annotations: annotations.clone().unwrap_or_default(),
        span: whole,
        kind_span: header,
        name_span: name.map_or(header, |n| n.span),
        namespace_span: namespace.map(|n| n.span),
    };
    Some((meta, annotations.is_some()))
}
