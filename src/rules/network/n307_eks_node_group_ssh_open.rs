//! N307: an EKS managed node group enables SSH without source security groups, which makes
//! EKS open port 22 on the nodes to 0.0.0.0/0.

use crate::facts::{ClusterSetting, FileFacts, Provider};
use crate::rules::managed::is_unknown;
use crate::rules::{Cx, Rule};

pub struct EksNodeGroupSshOpen;
pub static RULE: EksNodeGroupSshOpen = EksNodeGroupSshOpen;

impl Rule for EksNodeGroupSshOpen {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
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
