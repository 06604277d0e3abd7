//! eksctl `ClusterConfig` (`eksctl.io/v1alpha5`): the cluster and its node groups become
//! managed-cluster facts under the same provider paths as Terraform's `aws_eks_cluster`, so the
//! EKS rules apply; messages name eksctl's fields (`facts::Dialect::Eksctl`). Bottlerocket
//! settings of node groups are read by `extract::bottlerocket::eksctl`.
//!
//! Defaults (eksctl-io/eksctl pkg/apis/eksctl.io/v1alpha5/defaults.go): the endpoint is public
//! and not private (`ClusterEndpointAccessDefaults`), an empty `publicAccessCIDRs` means EKS's
//! 0.0.0.0/0, no control-plane log type is enabled, `["*"]`/`["all"]` enables every type. A
//! missing setting stays missing here; the rules apply those defaults.

use crate::facts::{
    ClusterField, Dialect, FileFacts, Located, ManagedCluster, NodeSetting, Peer, Provider,
};
use crate::parse::{Node, Style};
use crate::source::Span;

/// Every log type eksctl knows (`SupportedCloudWatchClusterLogTypes`).
const LOG_TYPES: &[&str] = &[
    "api",
    "audit",
    "authenticator",
    "controllerManager",
    "scheduler",
];

pub fn extract(root: &Node, facts: &mut FileFacts) {
    let name = root
        .path(&["metadata", "name"])
        .and_then(Node::as_str)
        .unwrap_or("")
        .to_string();
    let span = root.get("kind").map_or(root.span, |k| k.span);
    let mut fields = Vec::new();
    let vpc = root.get("vpc");
    let endpoints = vpc.and_then(|v| v.get("clusterEndpoints"));
    push_scalar(
        &mut fields,
        "vpc_config.endpoint_public_access",
        endpoints.and_then(|e| e.get_entry("publicAccess")),
    );
    // A fully-private cluster has no public endpoint and only private node groups (eksctl
    // rejects public ones): `privateCluster.enabled: true` stands for both.
    let private = root
        .get("privateCluster")
        .and_then(|p| p.get_entry("enabled"))
        .filter(|(_, v)| v.as_bool() == Some(true));
    // A local cluster on AWS Outposts (`outpost.controlPlaneOutpostARN`) has a private API
    // endpoint only, reached through the Outpost's local gateway (eksctl
    // userdocs/src/usage/outposts.md).
    let outpost = root
        .get("outpost")
        .and_then(|o| o.get_entry("controlPlaneOutpostARN"));
    if let Some(entry) = private.or(outpost) {
        if !fields
            .iter()
            .any(|f| f.path == "vpc_config.endpoint_public_access")
        {
            push_scalar(
                &mut fields,
                "vpc_config.endpoint_public_access",
                Some(entry),
            );
            if let Some(f) = fields.last_mut() {
                f.value = Some("false".into());
            }
        }
    }
    push_list(
        &mut fields,
        "vpc_config.public_access_cidrs",
        vpc.and_then(|v| v.get_entry("publicAccessCIDRs")),
        true,
    );
    let logging = root.path(&["cloudWatch", "clusterLogging"]);
    push_list(
        &mut fields,
        "enabled_cluster_log_types",
        logging.and_then(|l| l.get_entry("enableTypes")),
        false,
    );
    if let Some(f) = fields
        .iter_mut()
        .find(|f| f.path == "enabled_cluster_log_types")
    {
        if let Some(list) = &mut f.list {
            if list
                .iter()
                .any(|t| t == "*" || t.eq_ignore_ascii_case("all"))
            {
                *list = LOG_TYPES.iter().map(|t| t.to_string()).collect();
            }
        }
    }
    push_scalar(
        &mut fields,
        "encryption_config",
        root.get("secretsEncryption")
            .and_then(|s| s.get_entry("keyARN")),
    );
    push_scalar(
        &mut fields,
        "version",
        root.get("metadata").and_then(|m| m.get_entry("version")),
    );
    push_scalar(
        &mut fields,
        "access_config.authentication_mode",
        root.get("accessConfig")
            .and_then(|a| a.get_entry("authenticationMode")),
    );
    push_scalar(
        &mut fields,
        "upgrade_policy.support_type",
        root.get("upgradePolicy")
            .and_then(|a| a.get_entry("supportType")),
    );
    facts.managed_clusters.push(ManagedCluster {
        provider: Provider::Eks,
        kind: "eksctl_cluster".into(),
        resource: format!("ClusterConfig {name}"),
        span,
        fields,
        dialect: Dialect::Eksctl,
    });
    for (key, kind) in [
        ("nodeGroups", "eksctl_node_group"),
        ("managedNodeGroups", "eksctl_managed_node_group"),
    ] {
        for (i, ng) in root
            .get(key)
            .map(Node::items)
            .unwrap_or(&[])
            .iter()
            .enumerate()
        {
            node_group(ng, key, kind, i, private, facts);
        }
    }
}

/// `addons[]`: a `vpc-cni` entry and its `configurationValues` (JSON or YAML text), for
/// N404 (see `extract::cni::vpc`). A templated name or configuration is unknown.
pub fn addons(root: &Node, text: &str, facts: &mut FileFacts) {
    use crate::extract::cni::vpc;
    let cluster = root
        .path(&["metadata", "name"])
        .and_then(Node::as_str)
        .unwrap_or("");
    for (i, addon) in root
        .get("addons")
        .map(Node::items)
        .unwrap_or(&[])
        .iter()
        .enumerate()
    {
        let Some(name) = addon.get("name").filter(|n| n.as_str() == Some(vpc::ADDON)) else {
            continue;
        };
        let config = addon.get("configurationValues");
        let setting = match config {
            None => vpc::Setting::Absent,
            Some(c) => vpc::read_scalar(c, text),
        };
        vpc::addon(
            facts,
            format!("eksctl ClusterConfig {cluster} (addons[{i}])"),
            Located::at(vpc::ADDON.to_string(), name.span),
            "configurationValues",
            setting,
            config.map(|c| c.span),
        );
    }
}

fn node_group(
    ng: &Node,
    key: &str,
    kind: &str,
    index: usize,
    private_cluster: Option<&(Node, Node)>,
    facts: &mut FileFacts,
) {
    let resource = match ng.get_str("name") {
        Some(n) => format!("{key}[{n}]"),
        None => format!("{key}[{index}]"),
    };
    let span = ng.get("name").map_or(ng.span, |n| n.span);
    let mut fields = Vec::new();
    let ssh = ng.get("ssh");
    for name in ["publicKeyName", "publicKeyPath", "publicKey", "allow"] {
        push_scalar(
            &mut fields,
            &format!("ssh.{name}"),
            ssh.and_then(|s| s.get_entry(name)),
        );
    }
    push_list(
        &mut fields,
        "ssh.sourceSecurityGroupIds",
        ssh.and_then(|s| s.get_entry("sourceSecurityGroupIds")),
        false,
    );
    let private = ng.get_entry("privateNetworking").or(private_cluster);
    push_scalar(&mut fields, "privateNetworking", private);
    // `disableIMDSv1: false` keeps IMDSv1; its default changed between eksctl releases, so
    // only an explicit value is a node setting.
    if let Some((_, v)) = ng.get_entry("disableIMDSv1") {
        if v.as_bool() == Some(false) {
            facts.node_settings.push(NodeSetting {
                resource: resource.clone(),
                name: "disableIMDSv1".into(),
                at: Located::at("false".into(), v.span),
            });
        }
    }
    facts.managed_clusters.push(ManagedCluster {
        provider: Provider::Eks,
        kind: kind.into(),
        resource,
        span,
        fields,
        dialect: Dialect::Eksctl,
    });
}

/// A scalar setting: booleans normalised to `true`/`false`; a templated or non-scalar value is
/// unknown (`value: None`).
fn push_scalar(out: &mut Vec<ClusterField>, path: &str, entry: Option<&(Node, Node)>) {
    let Some((k, v)) = entry else {
        return;
    };
    if v.is_null() {
        return;
    }
    let value = v.as_scalar().and_then(|s| {
        if is_templated(&s.text) {
            return None;
        }
        match (s.style, crate::parse::yaml11_bool(&s.text)) {
            (Style::Plain, Some(b)) => Some(b.to_string()),
            _ => Some(s.text.clone()),
        }
    });
    out.push(ClusterField {
        path: path.to_string(),
        list: None,
        peers: Vec::new(),
        at: Located::written(value, k.span.cover(v.span), v.span),
    });
}

/// A list setting; `cidrs` makes its items CIDR peers.
fn push_list(out: &mut Vec<ClusterField>, path: &str, entry: Option<&(Node, Node)>, cidrs: bool) {
    let Some((k, v)) = entry else {
        return;
    };
    if v.is_null() {
        return;
    }
    let items: Option<Vec<(String, Span)>> = if v.is_seq() {
        v.items()
            .iter()
            .map(|i| {
                i.as_str()
                    .filter(|t| !is_templated(t))
                    .map(|t| (t.to_string(), i.span))
            })
            .collect()
    } else {
        None
    };
    let peers = match (&items, cidrs) {
        (Some(items), true) => items.iter().map(|(c, s)| Peer::at(c.clone(), *s)).collect(),
        _ => Vec::new(),
    };
    out.push(ClusterField {
        path: path.to_string(),
        at: Located::written(
            items.as_ref().map(|_| "list".to_string()),
            k.span.cover(v.span),
            v.span,
        ),
        list: items.map(|i| i.into_iter().map(|(t, _)| t).collect()),
        peers,
    });
}

/// Go or Helm template syntax, or an environment placeholder: the value is not known here.
fn is_templated(s: &str) -> bool {
    s.contains("{{") || crate::facts::is_templated(s)
}
