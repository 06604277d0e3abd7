//! C240: a role can write the kube-system ConfigMaps that decide identity and DNS: `aws-auth`
//! (EKS maps IAM principals to Kubernetes users and groups, `system:masters` included) and
//! `coredns` (the cluster's DNS answers).
//!
//! Flagged: a write verb on `configmaps` limited by `resourceNames` naming one of them, or a
//! Role in namespace kube-system writing all its ConfigMaps. ClusterRoles writing every
//! ConfigMap are not flagged here (where they are bound decides; too broad to judge).

use crate::facts::FileFacts;
use crate::rules::rbac::builtin_role;
use crate::rules::{Cx, Rule};

pub struct RbacKubeSystemConfigmapWrite;
pub static RULE: RbacKubeSystemConfigmapWrite = RbacKubeSystemConfigmapWrite;

const WRITE: &[&str] = &["create", "update", "patch", "delete", "*"];

fn why(name: &str) -> &'static str {
    match name {
        "aws-auth" => "it maps IAM roles and users to Kubernetes groups, so the subject can map its own IAM identity to system:masters",
        _ => "it holds the cluster's DNS configuration, so the subject can redirect any service name to an address it controls",
    }
}

impl Rule for RbacKubeSystemConfigmapWrite {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for role in facts.kube.roles.iter().filter(|r| !builtin_role(r)) {
            let kube_system =
                !role.cluster && role.meta.namespace.as_deref() == Some("kube-system");
            for rule in &role.rules {
                let core = rule
                    .api_groups
                    .iter()
                    .any(|g| g.value.is_empty() || g.value == "*");
                let Some(res) = rule
                    .resources
                    .iter()
                    .find(|r| r.value == "configmaps" || r.value == "*")
                else {
                    continue;
                };
                let verbs: Vec<&str> = rule
                    .verbs
                    .iter()
                    .map(|v| v.value.as_str())
                    .filter(|v| WRITE.contains(v))
                    .collect();
                if !core || verbs.is_empty() {
                    continue;
                }
                // `create` cannot be limited by name: with resourceNames it grants nothing.
                let named_verbs: Vec<&str> =
                    verbs.iter().copied().filter(|v| *v != "create").collect();
                let named_verbs = named_verbs.join(", ");
                let verbs = verbs.join(", ");
                if rule.resource_names.is_empty() {
                    if kube_system {
                        cx.report(
                            res.span,
                            format!(
                                "{} grants {verbs} on every ConfigMap of kube-system, aws-auth and coredns included: {}; and {}",
                                role.meta.display(),
                                why("aws-auth"),
                                why("coredns")
                            ),
                        );
                    }
                    continue;
                }
                if named_verbs.is_empty() {
                    continue;
                }
                for n in rule
                    .resource_names
                    .iter()
                    .filter(|n| matches!(n.value.as_str(), "aws-auth" | "coredns"))
                {
                    let ns = role
                        .meta
                        .namespace
                        .as_deref()
                        .filter(|_| !role.cluster)
                        .unwrap_or("any namespace");
                    // A Role in another namespace cannot reach kube-system's ConfigMaps.
                    if !role.cluster && ns != "kube-system" {
                        continue;
                    }
                    cx.report(
                        n.span,
                        format!(
                            "{} grants {named_verbs} on ConfigMap {} ({ns}): {}",
                            role.meta.display(),
                            n.value,
                            why(&n.value)
                        ),
                    );
                }
            }
        }
    }
}
