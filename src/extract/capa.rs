//! Cluster API Provider AWS (CAPA): `AWSCluster` / `AWSClusterTemplate` and
//! `AWSManagedControlPlane` / `AWSManagedControlPlaneTemplate`.
//!
//! `AWSCluster`: the API server load balancer is `internet-facing` unless
//! `controlPlaneLoadBalancer.scheme: internal` (`api/v1beta2/awscluster_types.go`,
//! `+kubebuilder:default=internet-facing`), and without `ingressRules` its security group
//! allows the API port (6443 unless the Cluster says otherwise) from 0.0.0.0/0
//! (`pkg/cloud/services/securitygroup/securitygroups.go`,
//! `getIngressRuleToAllowAnyIPInTheAPIServer`). An enabled bastion allows SSH from
//! `allowedCIDRBlocks`, which defaults to 0.0.0.0/0 and ::/0 unless `disableIngressRules`
//! (`api/v1beta2/defaults.go`).
//!
//! `AWSManagedControlPlane` becomes an EKS managed cluster under `aws_eks_cluster`'s setting
//! paths: `endpointAccess.public`/`publicCIDRs`/`private` (unset: the EKS API defaults, public
//! and open to 0.0.0.0/0, `pkg/cloud/services/eks/cluster.go` passes nil), `encryptionConfig`,
//! `logging` (every log type defaults to false, `controlplane/eks/api/v1beta2/types.go`) and
//! `version`. Values holding `${…}` (clusterctl template variables) are unknown.

use crate::facts::{
    ClusterField, Direction, FileFacts, FirewallRule, Located, ManagedCluster, Peer, PortRange,
    Provider, ValueOrigin,
};
use crate::parse::Node;
use crate::source::Span;

fn templated(s: &str) -> bool {
    s.contains("${")
}

/// The object's spec (`spec.template.spec` for templates).
fn spec<'a>(root: &'a Node, kind: &str) -> Option<&'a Node> {
    if kind.ends_with("Template") {
        root.path(&["spec", "template", "spec"])
    } else {
        root.get("spec")
    }
}

fn anchor(root: &Node) -> Span {
    crate::extract::nodes::kind_span(root)
}

pub fn extract(root: &Node, kind: &str, facts: &mut FileFacts) {
    let group = root
        .get_str("apiVersion")
        .and_then(|a| a.split('/').next())
        .unwrap_or("");
    match (group, kind) {
        ("infrastructure.cluster.x-k8s.io", "AWSCluster" | "AWSClusterTemplate") => {
            aws_cluster(root, kind, facts)
        }
        (
            "controlplane.cluster.x-k8s.io",
            "AWSManagedControlPlane" | "AWSManagedControlPlaneTemplate",
        ) => managed(root, kind, facts),
        _ => {}
    }
}

/// CIDRs of a list node; `None` when templated or not a list of strings.
fn cidrs(n: &Node) -> Option<Vec<Peer>> {
    n.items()
        .iter()
        .map(|i| {
            let s = i.as_str().filter(|s| !templated(s))?;
            Some(Peer::at(s.to_string(), i.span))
        })
        .collect()
}

fn world(span: Span, v6: bool, note: &str) -> Vec<Peer> {
    let origin = ValueOrigin::new(None, span, note);
    let mut out = vec![Peer::at("0.0.0.0/0".into(), span).with_origin(Some(origin.clone()))];
    if v6 {
        out.push(Peer::at("::/0".into(), span).with_origin(Some(origin)));
    }
    out
}

fn aws_cluster(root: &Node, kind: &str, facts: &mut FileFacts) {
    let Some(spec) = spec(root, kind) else { return };
    let name = root
        .path(&["metadata", "name"])
        .and_then(Node::as_str)
        .unwrap_or("");
    let label = format!("{kind} {name}");
    let kind_span = anchor(root);
    let lb = spec.get("controlPlaneLoadBalancer");
    let scheme = lb.and_then(|l| l.get("scheme"));
    let lb_type = lb.and_then(|l| l.get_str("loadBalancerType"));
    let public = matches!(
        scheme.map(|s| s.as_str()),
        None | Some(Some("internet-facing"))
    );
    if public && lb_type != Some("disabled") && !lb_type.is_some_and(templated) {
        let anchor = scheme
            .map(|s| s.span)
            .or_else(|| lb.map(|l| l.span))
            .unwrap_or(kind_span);
        match lb.and_then(|l| l.get("ingressRules")).filter(|r| !r.items().is_empty()) {
            Some(rules) => {
                for (i, r) in rules.items().iter().enumerate() {
                    if let Some(rule) = ingress_rule(r, format!("{label} controlPlaneLoadBalancer.ingressRules[{i}]")) {
                        facts.firewall_rules.push(rule);
                    }
                }
            }
            None => facts.firewall_rules.push(FirewallRule {
                api_port: None,
                direction: Direction::Ingress,
                protocol: "tcp".into(),
                ports: PortRange { from: 6443, to: 6443 },
                peers: world(anchor, false, "CAPA default: the internet-facing API load balancer's security group allows the API port from 0.0.0.0/0 when controlPlaneLoadBalancer sets no ingressRules"),
                resource: format!("{label} API load balancer"),
                span: anchor,
            }),
        }
    }
    if let Some(b) = spec.get("bastion") {
        if b.get("enabled").and_then(Node::as_bool) == Some(true)
            && b.get("disableIngressRules").and_then(Node::as_bool) != Some(true)
        {
            let peers = match b.get("allowedCIDRBlocks").filter(|c| !c.items().is_empty()) {
                Some(c) => cidrs(c),
                None => Some(world(
                    b.get("enabled").map_or(b.span, |e| e.span),
                    true,
                    "CAPA default: the bastion allows SSH from 0.0.0.0/0 and ::/0 when allowedCIDRBlocks is empty",
                )),
            };
            if let Some(peers) = peers {
                facts.firewall_rules.push(FirewallRule {
                    api_port: None,
                    direction: Direction::Ingress,
                    protocol: "tcp".into(),
                    ports: PortRange { from: 22, to: 22 },
                    peers,
                    resource: format!("{label} bastion"),
                    span: b.span,
                });
            }
        }
    }
}

/// A CAPA `IngressRule` (`protocol`, `fromPort`, `toPort`, `cidrBlocks`, `ipv6CidrBlocks`).
fn ingress_rule(r: &Node, resource: String) -> Option<FirewallRule> {
    let protocol = crate::extract::terraform::peers::protocol_name(r.get_str("protocol")?);
    let ports = if protocol == "all" {
        PortRange::ALL
    } else {
        let p = |k: &str| {
            r.get(k)
                .and_then(Node::as_int)
                .and_then(|v| u16::try_from(v).ok())
        };
        let (from, to) = (p("fromPort")?, p("toPort")?);
        PortRange {
            from: from.min(to),
            to: from.max(to),
        }
    };
    let mut peers = Vec::new();
    for k in ["cidrBlocks", "ipv6CidrBlocks"] {
        if let Some(c) = r.get(k) {
            peers.extend(cidrs(c)?);
        }
    }
    Some(FirewallRule {
        api_port: None,
        direction: Direction::Ingress,
        protocol,
        ports,
        peers,
        resource,
        span: r.span,
    })
}

fn field(path: &str, value: Option<String>, span: Span) -> ClusterField {
    ClusterField {
        path: path.into(),
        list: None,
        peers: Vec::new(),
        at: Located::at(value, span),
    }
}

fn scalar(path: &str, n: &Node) -> ClusterField {
    let v = n.as_str().filter(|s| !templated(s)).map(str::to_string);
    field(path, v, n.span)
}

fn managed(root: &Node, kind: &str, facts: &mut FileFacts) {
    let Some(spec) = spec(root, kind) else { return };
    let name = root
        .path(&["metadata", "name"])
        .and_then(Node::as_str)
        .unwrap_or("");
    let mut fields = Vec::new();
    if let Some(v) = spec.get("version") {
        fields.push(scalar("version", v));
    }
    if let Some(e) = spec.get("endpointAccess") {
        for (k, path) in [
            ("public", "vpc_config.endpoint_public_access"),
            ("private", "vpc_config.endpoint_private_access"),
        ] {
            if let Some(v) = e.get(k) {
                fields.push(scalar(path, v));
            }
        }
        if let Some(c) = e.get("publicCIDRs") {
            let peers = cidrs(c);
            fields.push(ClusterField {
                path: "vpc_config.public_access_cidrs".into(),
                list: peers
                    .as_ref()
                    .map(|p| p.iter().map(|p| p.value.clone()).collect()),
                at: Located::at(peers.as_ref().map(|_| "list".into()), c.span),
                peers: peers.unwrap_or_default(),
            });
        }
    }
    if let Some(e) = spec.get("encryptionConfig") {
        let known = e
            .get_str("provider")
            .is_some_and(|p| !templated(p) && !p.is_empty());
        let value = if known {
            Some("present".to_string())
        } else {
            None
        };
        if value.is_some() || e.get("provider").is_some() {
            fields.push(field("encryption_config", value, e.span));
        }
    }
    if let Some(l) = spec.get("logging") {
        let mut types = Vec::new();
        let mut unknown = false;
        for (k, t) in [
            ("apiServer", "api"),
            ("audit", "audit"),
            ("authenticator", "authenticator"),
            ("controllerManager", "controllerManager"),
            ("scheduler", "scheduler"),
        ] {
            match l.get(k).map(|v| v.as_bool()) {
                Some(Some(true)) => types.push(t.to_string()),
                Some(None) => unknown = true,
                _ => {}
            }
        }
        fields.push(ClusterField {
            path: "enabled_cluster_log_types".into(),
            list: (!unknown).then_some(types),
            peers: Vec::new(),
            at: Located::at((!unknown).then(|| "list".into()), l.span),
        });
    }
    facts.managed_clusters.push(ManagedCluster {
        dialect: crate::facts::Dialect::Terraform,
        provider: Provider::Eks,
        kind: "aws_eks_cluster".into(),
        resource: format!("{kind} {name}"),
        span: anchor(root),
        fields,
    });
}
