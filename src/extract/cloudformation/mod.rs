//! AWS CloudFormation templates (YAML with intrinsic-function tags, or JSON): security groups
//! and their ingress/egress resources into `FirewallRule` facts, `AWS::EKS::Cluster` into a
//! managed cluster, `AWS::EKS::Addon` for the VPC CNI into a pod network (`eks::addon`). A `Ref` to a template parameter resolves to the parameter's `Default` (with
//! that place as related location), as Terraform variable defaults do; every other intrinsic
//! (`!Sub`, `!GetAtt`, `!If`, `Fn::ImportValue`, a parameter without default, a pseudo
//! parameter) is unknown, and an unknown value never yields a fact that could raise a finding.
//!
//! Property names and defaults: the CloudFormation resource reference
//! (`AWS::EC2::SecurityGroup` Ingress/Egress, `AWS::EC2::SecurityGroupIngress`,
//! `AWS::EKS::Cluster` ResourcesVpcConfig: `EndpointPublicAccess` defaults to true,
//! `PublicAccessCidrs` to 0.0.0.0/0; no `Logging`, no `EncryptionConfig` by default), the same
//! defaults as the EKS API that `aws_eks_cluster` documents.

mod eks;
mod firewall;
mod instance;
mod value;

use crate::facts::FileFacts;
use crate::parse::{Document, Node};
use value::Cx;

/// A template: `AWSTemplateFormatVersion`, or `Resources` holding at least one `Type: AWS::…`.
pub fn is_template(root: &Node) -> bool {
    root.get("AWSTemplateFormatVersion").is_some()
        || root.get("Resources").is_some_and(|r| {
            r.entries()
                .iter()
                .any(|(_, v)| v.get_str("Type").is_some_and(|t| t.starts_with("AWS::")))
        })
}

/// Lowers every resource of a template.
pub fn extract(doc: &Document, text: &str, facts: &mut FileFacts) {
    let root = &doc.root;
    let cx = Cx::new(doc);
    for (id, r) in root.get("Resources").map(Node::entries).unwrap_or(&[]) {
        let (Some(id), Some(ty)) = (id.as_str(), r.get_str("Type")) else {
            continue;
        };
        // A resource behind a condition may not exist; its settings still are what it would be.
        let props = r.get("Properties");
        let type_span = r.get("Type").map_or(r.span, |t| t.span);
        match ty {
            "AWS::EC2::SecurityGroup"
            | "AWS::EC2::SecurityGroupIngress"
            | "AWS::EC2::SecurityGroupEgress" => {
                if let Some(p) = props {
                    firewall::resource(&cx, id, ty, p, type_span, facts);
                }
            }
            "AWS::EKS::Cluster" => eks::cluster(&cx, id, props, type_span, facts),
            "AWS::EKS::Addon" => {
                if let Some(p) = props {
                    eks::addon(&cx, id, p, text, facts);
                }
            }
            "AWS::EC2::LaunchTemplate" => {
                if let Some(p) = props {
                    instance::launch_template(&cx, id, p, facts);
                }
            }
            _ => {}
        }
    }
}
