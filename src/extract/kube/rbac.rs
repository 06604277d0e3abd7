//! Roles, ClusterRoles and their bindings.

use super::fields::{label_selector, strings};
use crate::facts::kube::{Binding, KubeFacts, Meta, RbacRule, Role, Subject};
use crate::parse::Node;

pub fn role(root: &Node, meta: Meta, kube: &mut KubeFacts) {
    let rules = root
        .get("rules")
        .map(Node::items)
        .unwrap_or(&[])
        .iter()
        .map(|r| RbacRule {
            api_groups: strings(r.get("apiGroups")),
            resources: strings(r.get("resources")),
            verbs: strings(r.get("verbs")),
            resource_names: strings(r.get("resourceNames")),
            non_resource_urls: strings(r.get("nonResourceURLs")),
            span: r.span,
        })
        .collect();
    let aggregation = root
        .path(&["aggregationRule", "clusterRoleSelectors"])
        .map(Node::items)
        .unwrap_or(&[])
        .iter()
        .filter_map(|s| label_selector(Some(s)))
        .collect();
    kube.roles.push(Role {
        cluster: meta.kind == "ClusterRole",
        meta,
        rules,
        aggregation,
    });
}

pub fn binding(root: &Node, meta: Meta, kube: &mut KubeFacts) {
    let role_ref = root.get("roleRef");
    let role_name_node = role_ref.and_then(|r| r.get("name"));
    let subjects = root
        .get("subjects")
        .map(Node::items)
        .unwrap_or(&[])
        .iter()
        .filter_map(|s| {
            let name = s.get("name")?;
            Some(Subject {
                kind: s.get_str("kind").unwrap_or("").to_string(),
                name: name.as_str()?.to_string(),
                namespace: s.get_str("namespace").map(str::to_string),
                span: name.span,
            })
        })
        .collect();
    kube.bindings.push(Binding {
        cluster: meta.kind == "ClusterRoleBinding",
        role_kind: role_ref
            .and_then(|r| r.get_str("kind"))
            .unwrap_or("")
            .to_string(),
        role_name: role_name_node
            .and_then(Node::as_str)
            .unwrap_or("")
            .to_string(),
        role_span: role_name_node.map(|n| n.span).unwrap_or(meta.kind_span),
        subjects,
        meta,
    });
}
