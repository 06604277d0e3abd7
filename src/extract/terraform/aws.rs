//! AWS: security groups (inline `ingress`/`egress` blocks of `aws_security_group` and
//! `aws_default_security_group`, literal or `dynamic`; `aws_security_group_rule`;
//! `aws_vpc_security_group_ingress_rule` / `_egress_rule`), and node settings (public IPs,
//! IMDS) of instances, launch templates and launch configurations.
//! `self`, security-group references and prefix lists are restricted sources: they add no peer.

use super::peers::{origin_of, peers, protocol_name};
use super::resource::{Obj, Res};
use super::value::Val;
use crate::facts::Located;
use crate::facts::{Direction, FileFacts, FirewallRule, NodeSetting, PortRange};
use crate::source::Span;
use std::collections::HashMap;

pub fn resource(res: &mut Res, facts: &mut FileFacts) {
    firewall(res, facts);
    node_settings(res, facts);
}

/// Security groups and their rules (HCL or plan).
pub fn firewall(res: &mut Res, facts: &mut FileFacts) {
    let from = facts.firewall_rules.len();
    let api_port = kops_api_group(res).then_some(443);
    firewall_rules(res, facts);
    for r in &mut facts.firewall_rules[from..] {
        r.api_port = api_port;
    }
}

/// kOps serves the Kubernetes API on 443 (`kops/pkg/model/...`: the `api-elb-*` load balancer
/// and, without one, the `masters-*` instances); its Terraform output names those security
/// groups `masters-<cluster>` and `api-elb-<cluster>`. A group of that name (or a rule whose
/// `security_group_id` references one) carries the API on 443.
fn kops_api_group(res: &Res) -> bool {
    let Some(block) = res.block() else {
        return false;
    };
    let kops = |name: &str| name.starts_with("masters-") || name.starts_with("api-elb-");
    match res.rtype {
        "aws_security_group" => super::syntax::label(block, 1).is_some_and(kops),
        _ => block
            .body
            .get_attribute("security_group_id")
            .map(|a| a.value.to_string())
            .and_then(|t| {
                let t = t.trim().strip_prefix("aws_security_group.")?.to_string();
                Some(t.split('.').next().is_some_and(kops))
            })
            .unwrap_or(false),
    }
}

fn firewall_rules(res: &mut Res, facts: &mut FileFacts) {
    let body = res.root();
    match res.rtype {
        "aws_security_group" | "aws_default_security_group" => {
            for (ident, direction) in [
                ("ingress", Direction::Ingress),
                ("egress", Direction::Egress),
            ] {
                let mut rule = |res: &mut Res, body: Obj, label: String, span: Span| {
                    let name = format!("{} {label}", res.address);
                    facts
                        .firewall_rules
                        .extend(classic(res, body, direction, name, span));
                };
                res.blocks(body, ident, &mut rule);
                // The attribute form: `ingress = [{ ... }, ...]`.
                res.attribute_blocks(body, ident, &mut rule);
            }
        }
        "aws_security_group_rule" => {
            let direction = match res.text(body, "type").as_deref() {
                Some("ingress") => Direction::Ingress,
                Some("egress") => Direction::Egress,
                _ => return,
            };
            let (name, header) = (res.address.clone(), res.header());
            facts
                .firewall_rules
                .extend(classic(res, body, direction, name, header));
        }
        "aws_vpc_security_group_ingress_rule" | "aws_vpc_security_group_egress_rule" => {
            let direction = if res.rtype.ends_with("ingress_rule") {
                Direction::Ingress
            } else {
                Direction::Egress
            };
            let (name, header) = (res.address.clone(), res.header());
            facts
                .firewall_rules
                .extend(classic(res, body, direction, name, header));
        }
        _ => {}
    }
}

/// A `data "aws_ami"` that trusts any publisher: no `owners` (or a known empty list) and no
/// `filter` on `owner-id`, `owner-alias` or `image-id`. Recorded at the type label as
/// `owners` = `"most_recent"` or `"absent"`. An unknown `owners` or filter name counts as
/// pinned.
pub fn ami_data(res: &mut Res, facts: &mut FileFacts) {
    let body = res.root();
    if let Some((v, _)) = res.val(body, "owners") {
        if !v.is_whole() || v.items().is_none_or(|i| !i.is_empty()) {
            return;
        }
    }
    // A `dynamic "filter"` may add an owner filter: unknown.
    let mut pinned = res.block().is_some_and(|b| {
        b.body
            .get_blocks("dynamic")
            .any(|d| super::syntax::label(d, 0) == Some("filter"))
    });
    res.blocks(body, "filter", |res, f, _, _| match res.text(f, "name") {
        Some(n) if !matches!(n.as_str(), "owner-id" | "owner-alias" | "image-id") => {}
        _ => pinned = true,
    });
    if pinned {
        return;
    }
    let most_recent = res.bool(body, "most_recent") == Some(true);
    facts.node_settings.push(NodeSetting {
        resource: res.address.clone(),
        name: "owners".into(),
        at: Located::at(
            if most_recent { "most_recent" } else { "absent" }.into(),
            res.header(),
        ),
    });
}

/// Public IPs and IMDS settings of instances, launch templates and launch configurations.
fn node_settings(res: &mut Res, facts: &mut FileFacts) {
    let body = res.root();
    match res.rtype {
        "aws_instance" | "aws_launch_configuration" => {
            node_public_ip(res, body, facts);
            res.blocks(body, "metadata_options", |res, body, _, _| {
                imds(res, body, facts)
            });
        }
        "aws_launch_template" => {
            res.blocks(body, "network_interfaces", |res, body, _, _| {
                node_public_ip(res, body, facts)
            });
            res.blocks(body, "metadata_options", |res, body, _, _| {
                imds(res, body, facts)
            });
        }
        _ => {}
    }
}

/// An AWS rule's attributes, read from a block, an object of the attribute form
/// (`ingress = [{ ... }]`) or a plan object.
type Fields = HashMap<&'static str, (Val, Span)>;

const KEYS: &[&str] = &[
    "protocol",
    "ip_protocol",
    "from_port",
    "to_port",
    "cidr_blocks",
    "ipv6_cidr_blocks",
    "cidr_ipv4",
    "cidr_ipv6",
];

fn fields_of_body(res: &mut Res, body: Obj) -> Fields {
    KEYS.iter()
        .filter_map(|k| res.val(body, k).map(|v| (*k, v)))
        .collect()
}

/// The classic shape (`protocol`, ports, `cidr_blocks`, `ipv6_cidr_blocks`) and the VPC rule
/// shape (`ip_protocol`, ports, `cidr_ipv4`, `cidr_ipv6`).
fn rule_of(f: &Fields, direction: Direction, resource: String, span: Span) -> Option<FirewallRule> {
    let proto = f
        .get("protocol")
        .or_else(|| f.get("ip_protocol"))?
        .0
        .text()?;
    let protocol = protocol_name(&proto);
    let ports = ports(f, &protocol)?;
    let mut found = Vec::new();
    for key in ["cidr_blocks", "ipv6_cidr_blocks", "cidr_ipv4", "cidr_ipv6"] {
        if let Some((v, at)) = f.get(key) {
            found.extend(peers(v, *at));
        }
    }
    Some(FirewallRule {
        api_port: None,
        direction,
        protocol,
        ports,
        peers: found,
        resource,
        span,
    })
}

fn classic(
    res: &mut Res,
    body: Obj,
    direction: Direction,
    resource: String,
    span: Span,
) -> Option<FirewallRule> {
    let f = fields_of_body(res, body);
    rule_of(&f, direction, resource, span)
}

/// AWS ignores ports for protocol `-1`; ICMP uses them for type and code.
fn ports(f: &Fields, protocol: &str) -> Option<PortRange> {
    if matches!(protocol, "all" | "icmp" | "icmpv6") {
        return Some(PortRange::ALL);
    }
    let from = f.get("from_port")?.0.as_num()?;
    let to = f.get("to_port")?.0.as_num()?;
    if from < 0.0 || to < 0.0 {
        return Some(PortRange::ALL);
    }
    let clamp = |n: f64| n.clamp(0.0, 65535.0) as u16;
    Some(PortRange {
        from: clamp(from.min(to)),
        to: clamp(from.max(to)),
    })
}

fn node_public_ip(res: &mut Res, body: Obj, facts: &mut FileFacts) {
    if let Some((v, span)) = res.val(body, "associate_public_ip_address") {
        if let Some(b) = v.as_bool() {
            facts.node_settings.push(NodeSetting {
                resource: res.address.clone(),
                name: "associate_public_ip_address".into(),
                at: Located::at(b.to_string(), span),
            });
        }
    }
}

fn imds(res: &mut Res, body: Obj, facts: &mut FileFacts) {
    for key in [
        "http_tokens",
        "http_endpoint",
        "http_put_response_hop_limit",
    ] {
        if let Some((v, span)) = res.val(body, key) {
            if let Some(t) = v.text() {
                // The hop limit names where a variable default or tfvars entry set it; the
                // other keys keep their findings as they were.
                let origin = (key == "http_put_response_hop_limit")
                    .then(|| origin_of(&v, span))
                    .flatten();
                facts.node_settings.push(NodeSetting {
                    resource: res.address.clone(),
                    name: format!("metadata_options.{key}"),
                    at: Located::at(t, span).with_origin(origin),
                });
            }
        }
    }
}
