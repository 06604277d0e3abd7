//! N307: an EKS managed node group enables SSH without source security groups, which makes
//! EKS open port 22 on the nodes to 0.0.0.0/0.

use crate::facts::{ClusterSetting, Dialect, FileFacts, ManagedCluster, Provider};
use crate::rules::managed::{flag, is_unknown};
use crate::rules::{Cx, Rule};

/// eksctl node group fields that turn SSH on (a key enables it unless `ssh.allow: false`;
/// eksctl `setSSHDefaults` in pkg/apis/eksctl.io/v1alpha5/defaults.go).
const EKSCTL_SSH: &[&str] = &[
    "ssh.publicKeyName",
    "ssh.publicKeyPath",
    "ssh.publicKey",
    "ssh.allow",
];

/// An eksctl node group: without `ssh.sourceSecurityGroupIds` eksctl's CloudFormation opens 22
/// to 0.0.0.0/0 and ::/0, or to the VPC CIDR with `privateNetworking: true`
/// (pkg/cfn/builder/managed_launch_template.go).
fn eksctl(c: &ManagedCluster, cx: &mut Cx) {
    if flag(c, "ssh.allow") == Some(false)
        || is_unknown(c, "ssh.allow")
        || flag(c, "privateNetworking") == Some(true)
        || is_unknown(c, "privateNetworking")
    {
        return;
    }
    let Some(key) = EKSCTL_SSH.iter().find_map(|p| match c.setting(p) {
        ClusterSetting::Set(v, f) if *p != "ssh.allow" || v == "true" => Some((p, f)),
        _ => None,
    }) else {
        return;
    };
    let restricted = match c.setting("ssh.sourceSecurityGroupIds") {
        ClusterSetting::Absent => false,
        ClusterSetting::Unknown => true,
        ClusterSetting::Set(_, f) => f.list.as_ref().is_none_or(|l| !l.is_empty()),
    };
    if !restricted {
        let what = if *key.0 == "ssh.allow" {
            "ssh.allow: true".to_string()
        } else {
            key.0.to_string()
        };
        cx.report(
            key.1.span,
            format!(
                "{} enables SSH ({what}) on a public node group without ssh.sourceSecurityGroupIds: eksctl then opens SSH (22) on every node to 0.0.0.0/0 and ::/0",
                c.resource
            ),
        );
    }
}

pub struct EksNodeGroupSshOpen;
pub static RULE: EksNodeGroupSshOpen = EksNodeGroupSshOpen;

impl Rule for EksNodeGroupSshOpen {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in facts
            .managed_clusters
            .iter()
            .filter(|c| c.dialect == Dialect::Eksctl && c.is_node_pool())
        {
            eksctl(c, cx);
        }
        for c in facts
            .managed_clusters
            .iter()
            .filter(|c| c.provider == Provider::Eks && c.kind == "aws_eks_node_group")
        {
            let ClusterSetting::Set(_, key) = c.setting("remote_access.ec2_ssh_key") else {
                continue;
            };
            if is_unknown(c, "remote_access") {
                continue;
            }
            let restricted = match c.setting("remote_access.source_security_group_ids") {
                ClusterSetting::Absent => false,
                ClusterSetting::Unknown => true,
                ClusterSetting::Set(_, f) => f.list.as_ref().is_none_or(|l| !l.is_empty()),
            };
            if !restricted {
                cx.report(
                    key.span,
                    format!(
                        "{} sets remote_access.ec2_ssh_key without source_security_group_ids: EKS then opens SSH (22) on every node to 0.0.0.0/0",
                        c.resource
                    ),
                );
            }
        }
    }
}
