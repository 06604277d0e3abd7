//! `AWS::EKS::Cluster` as a managed cluster, under the same setting paths as `aws_eks_cluster`
//! (the rules apply the EKS API defaults, which CloudFormation shares):
//! `Version` → `version`, `ResourcesVpcConfig.EndpointPublicAccess` /
//! `.EndpointPrivateAccess` / `.PublicAccessCidrs` → `vpc_config.*`, `EncryptionConfig` →
//! `encryption_config`, `Logging.ClusterLogging.EnabledTypes[].Type` →
//! `enabled_cluster_log_types`, `AccessConfig.AuthenticationMode` →
//! `access_config.authentication_mode`, `UpgradePolicy.SupportType` →
//! `upgrade_policy.support_type`. `AWS::EKS::Addon` with `AddonName: vpc-cni`: its
//! `ConfigurationValues` (a JSON or YAML string) read for `enableNetworkPolicy`
//! (`extract::cni::vpc`).

use super::value::{Cf, Cx};
use crate::facts::{ClusterField, FileFacts, Located, ManagedCluster, Peer, Provider};
use crate::parse::Node;
use crate::source::Span;

fn scalar_field(cx: &Cx, path: &str, n: &Node) -> ClusterField {
    match cx.scalar(n) {
        Cf::Known(v, span, origin) => ClusterField {
            path: path.into(),
            list: None,
            peers: Vec::new(),
            at: Located::at(Some(v), span).with_origin(origin),
        },
        Cf::Unknown => unknown(path, n.span),
    }
}

fn unknown(path: &str, span: Span) -> ClusterField {
    ClusterField {
        path: path.into(),
        list: None,
        peers: Vec::new(),
        at: Located::at(None, span),
    }
}

/// A list of scalars; `key` picks a field of each item (`EnabledTypes: [{Type: audit}]`).
fn list_field(cx: &Cx, path: &str, n: &Node, key: Option<&str>) -> ClusterField {
    let items = match key {
        None => cx.list(n),
        Some(k) => n.resolved().is_seq().then(|| {
            n.resolved()
                .items()
                .iter()
                .map(|i| i.resolved().get(k).map_or(Cf::Unknown, |v| cx.scalar(v)))
                .collect()
        }),
    };
    let Some(items) = items else {
        return unknown(path, n.span);
    };
    let mut list = Vec::new();
    let mut peers = Vec::new();
    for i in items {
        let Cf::Known(v, span, origin) = i else {
            return unknown(path, n.span);
        };
        peers.push(Peer::at(v.clone(), span).with_origin(origin));
        list.push(v);
    }
    ClusterField {
        path: path.into(),
        list: Some(list),
        peers,
        at: Located::at(Some("list".into()), n.span),
    }
}

pub fn cluster(cx: &Cx, id: &str, props: Option<&Node>, type_span: Span, facts: &mut FileFacts) {
    let mut fields = Vec::new();
    if let Some(p) = props.map(Node::resolved) {
        if cx.intrinsic(p).is_some() {
            return;
        }
        if let Some(v) = p.get("Version") {
            fields.push(scalar_field(cx, "version", v));
        }
        if let Some(vpc) = p.get("ResourcesVpcConfig").map(Node::resolved) {
            if cx.intrinsic(vpc).is_some() {
                return;
            }
            for (k, path) in [
                ("EndpointPublicAccess", "vpc_config.endpoint_public_access"),
                (
                    "EndpointPrivateAccess",
                    "vpc_config.endpoint_private_access",
                ),
            ] {
                if let Some(v) = vpc.get(k) {
                    fields.push(scalar_field(cx, path, v));
                }
            }
            if let Some(v) = vpc.get("PublicAccessCidrs") {
                fields.push(list_field(cx, "vpc_config.public_access_cidrs", v, None));
            }
        }
        if let Some(e) = p.get("EncryptionConfig") {
            let present = !e.resolved().items().is_empty();
            if cx.intrinsic(e.resolved()).is_some() {
                fields.push(unknown("encryption_config", e.span));
            } else if present {
                fields.push(ClusterField {
                    at: Located::at(Some("present".into()), e.span),
                    ..unknown("encryption_config", e.span)
                });
            }
        }
        if let Some(l) = p.get("Logging") {
            let types = l
                .resolved()
                .get("ClusterLogging")
                .map(Node::resolved)
                .and_then(|c| c.get("EnabledTypes"));
            match types {
                Some(t) => {
                    fields.push(list_field(cx, "enabled_cluster_log_types", t, Some("Type")))
                }
                None if cx.intrinsic(l.resolved()).is_some() => {
                    fields.push(unknown("enabled_cluster_log_types", l.span))
                }
                None => {}
            }
        }
        if let Some(m) = p
            .get("AccessConfig")
            .and_then(|a| a.resolved().get("AuthenticationMode"))
        {
            fields.push(scalar_field(cx, "access_config.authentication_mode", m));
        }
        if let Some(s) = p
            .get("UpgradePolicy")
            .and_then(|a| a.resolved().get("SupportType"))
        {
            fields.push(scalar_field(cx, "upgrade_policy.support_type", s));
        }
    }
    facts.managed_clusters.push(ManagedCluster {
        dialect: crate::facts::Dialect::Terraform,
        provider: Provider::Eks,
        kind: "aws_eks_cluster".into(),
        resource: format!("{id} (AWS::EKS::Cluster)"),
        span: type_span,
        fields,
    });
}

/// `AWS::EKS::Addon` installing the VPC CNI; a name or configuration behind an intrinsic other
/// than a `Ref` to a parameter default is unknown.
pub fn addon(cx: &Cx, id: &str, props: &Node, text: &str, facts: &mut FileFacts) {
    use crate::extract::cni::vpc;
    let props = props.resolved();
    let Some(Cf::Known(name, span, origin)) = props.get("AddonName").map(|n| cx.scalar(n)) else {
        return;
    };
    if name != vpc::ADDON {
        return;
    }
    let config = props.get("ConfigurationValues");
    let setting = match config.map(|c| (c, cx.scalar(c))) {
        None => vpc::Setting::Absent,
        // Written here: placed inside the string where it maps.
        Some((c, Cf::Known(_, _, None))) => vpc::read_scalar(c.resolved(), text),
        Some((_, Cf::Known(t, at, Some(origin)))) => match vpc::read_text(&t) {
            vpc::Setting::Set(v, on) => {
                vpc::Setting::Set(Located::at(v.value, at).with_origin(Some(origin)), on)
            }
            other => other,
        },
        Some((_, Cf::Unknown)) => vpc::Setting::Unknown,
    };
    vpc::addon(
        facts,
        format!("{id} (AWS::EKS::Addon)"),
        Located::at(name, span).with_origin(origin),
        "ConfigurationValues",
        setting,
        config.map(|c| c.span),
    );
}
