//! Terraform plan JSON (`terraform show -json plan.out`): the firewall facts of
//! `planned_values`, every value already resolved by Terraform. Findings point into the plan
//! file and name the resource address. In `planned_values` an attribute Terraform cannot know
//! yet is left out, so here an absent attribute is unknown, never "the default".

use super::value::{At, Val, V};
use super::{peers, port_range, protocol_name};
use crate::facts::{Direction, FileFacts, FirewallRule, Peer, PortRange, ValueOrigin};
use crate::parse::{Kind, Node, Style};

/// A plan document: has `planned_values` and a `format_version`.
pub fn is_plan(root: &Node) -> bool {
    root.get("format_version").is_some() && root.get("planned_values").is_some()
}

pub fn extract(root: &Node, facts: &mut FileFacts) {
    if let Some(m) = root.path(&["planned_values", "root_module"]) {
        module(m, facts, 0);
    }
}

fn module(m: &Node, facts: &mut FileFacts, depth: usize) {
    for r in m.get("resources").map(Node::items).unwrap_or_default() {
        if r.get_str("mode") != Some("managed") {
            continue;
        }
        let (Some(rtype), Some(address), Some(values)) =
            (r.get_str("type"), r.get_str("address"), r.get("values"))
        else {
            continue;
        };
        let header = r.get("address").map_or(r.span, |a| a.span);
        resource(rtype, address, &value(values), header, facts);
    }
    if depth < 16 {
        for c in m.get("child_modules").map(Node::items).unwrap_or_default() {
            module(c, facts, depth + 1);
        }
    }
}

/// A JSON node as an evaluated value, each part remembering its place in the plan.
fn value(n: &Node) -> Val {
    let at = Some(At {
        file: None,
        span: n.span,
        note: None,
    });
    let v = match &n.resolved().kind {
        Kind::Map(entries) => V::Map(
            entries
                .iter()
                .filter_map(|(k, v)| Some((k.as_str()?.to_string(), value(v))))
                .collect(),
        ),
        Kind::Seq(items) => V::List(items.iter().map(value).collect()),
        Kind::Scalar(s) if s.style == Style::Quoted => V::Str(s.text.clone()),
        Kind::Scalar(s) => match s.text.as_str() {
            "true" => V::Bool(true),
            "false" => V::Bool(false),
            "null" => V::Null,
            t => t.parse().map(V::Num).unwrap_or(V::Unknown),
        },
        Kind::Alias(_) => V::Unknown,
    };
    Val { v, at }
}

fn field(v: &Val, key: &str) -> Option<(Val, crate::source::Span)> {
    let x = v.get(key)?.clone();
    let span = x.at.as_ref().map(|a| a.span).unwrap_or_default();
    Some((x, span))
}

fn resource(
    rtype: &str,
    address: &str,
    v: &Val,
    header: crate::source::Span,
    facts: &mut FileFacts,
) {
    match rtype {
        "aws_security_group" | "aws_default_security_group" => {
            for (key, direction) in [
                ("ingress", Direction::Ingress),
                ("egress", Direction::Egress),
            ] {
                let Some((list, whole)) = field(v, key) else {
                    continue;
                };
                for (i, obj) in list.items().unwrap_or_default().iter().enumerate() {
                    let f = super::aws::fields_of_object(obj, whole);
                    let name = format!("{address} {key}[{i}]");
                    facts
                        .firewall_rules
                        .extend(super::aws::rule_of(&f, direction, name, header));
                }
            }
        }
        "aws_security_group_rule"
        | "aws_vpc_security_group_ingress_rule"
        | "aws_vpc_security_group_egress_rule" => {
            let direction = match (rtype, v.get("type").and_then(Val::as_str)) {
                ("aws_vpc_security_group_egress_rule", _) | (_, Some("egress")) => {
                    Direction::Egress
                }
                ("aws_vpc_security_group_ingress_rule", _) | (_, Some("ingress")) => {
                    Direction::Ingress
                }
                _ => return,
            };
            let f = super::aws::fields_of_object(v, header);
            facts.firewall_rules.extend(super::aws::rule_of(
                &f,
                direction,
                address.to_string(),
                header,
            ));
        }
        "google_compute_firewall" => gcp(address, v, header, facts),
        "azurerm_network_security_rule" => azure(address, v, header, facts),
        "azurerm_network_security_group" => {
            if let Some((list, _)) = field(v, "security_rule") {
                for (i, r) in list.items().unwrap_or_default().iter().enumerate() {
                    azure(&format!("{address} security_rule[{i}]"), r, header, facts);
                }
            }
        }
        _ => {}
    }
}

/// An empty list or null (known to be nothing), as opposed to absent (unknown).
fn is_empty(v: &Val) -> bool {
    match &v.v {
        V::Null => true,
        V::List(items) => items.is_empty(),
        _ => false,
    }
}

fn gcp(address: &str, v: &Val, header: crate::source::Span, facts: &mut FileFacts) {
    if v.get("disabled").and_then(Val::as_bool) == Some(true) {
        return;
    }
    let direction = match v.get("direction").and_then(Val::text).as_deref() {
        Some("EGRESS") => Direction::Egress,
        Some("INGRESS") | None => Direction::Ingress,
        _ => return,
    };
    let (ranges, others): (&str, &[&str]) = match direction {
        Direction::Ingress => ("source_ranges", &["source_tags", "source_service_accounts"]),
        Direction::Egress => ("destination_ranges", &[]),
    };
    let Some((r, at)) = field(v, ranges) else {
        return;
    };
    let found = if !is_empty(&r) {
        peers(&r, at)
    } else if others.iter().all(|k| v.get(k).is_some_and(is_empty)) {
        vec![Peer {
            cidr: "0.0.0.0/0".into(),
            span: header,
            origin: Some(ValueOrigin {
                file: None,
                span: at,
                note: format!("GCP default: the rule sets no {ranges}"),
            }),
        }]
    } else {
        return;
    };
    let Some((allows, _)) = field(v, "allow") else {
        return;
    };
    for (i, a) in allows.items().unwrap_or_default().iter().enumerate() {
        let Some(protocol) = a
            .get("protocol")
            .and_then(Val::text)
            .map(|p| protocol_name(&p))
        else {
            continue;
        };
        let ports: Vec<PortRange> = match a.get("ports").and_then(Val::items) {
            None | Some([]) => vec![PortRange::ALL],
            Some(items) => items
                .iter()
                .filter_map(|i| i.text().and_then(|t| port_range(&t)))
                .collect(),
        };
        for p in ports {
            facts.firewall_rules.push(FirewallRule {
                direction,
                protocol: protocol.clone(),
                ports: if protocol.starts_with("icmp") {
                    PortRange::ALL
                } else {
                    p
                },
                peers: found.clone(),
                resource: format!("{address} allow[{i}]"),
                span: header,
            });
        }
    }
}

fn azure(address: &str, v: &Val, header: crate::source::Span, facts: &mut FileFacts) {
    let text = |k: &str| v.get(k).and_then(Val::text).map(|t| t.to_ascii_lowercase());
    if text("access").as_deref() != Some("allow") {
        return;
    }
    let (direction, side) = match text("direction").as_deref() {
        Some("inbound") => (Direction::Ingress, "source"),
        Some("outbound") => (Direction::Egress, "destination"),
        _ => return,
    };
    let Some(protocol) = text("protocol") else {
        return;
    };
    let protocol = match protocol_name(&protocol).as_str() {
        "asterisk" => "all".to_string(),
        p => p.to_string(),
    };
    let mut ranges = Vec::new();
    for key in ["destination_port_range", "destination_port_ranges"] {
        if let Some(x) = v.get(key) {
            let items = x
                .items()
                .map(<[Val]>::to_vec)
                .unwrap_or_else(|| vec![x.clone()]);
            ranges.extend(
                items
                    .iter()
                    .filter_map(|i| i.text().and_then(|t| port_range(&t))),
            );
        }
    }
    if protocol == "all" || protocol == "icmp" {
        ranges = vec![PortRange::ALL];
    }
    let mut found = Vec::new();
    for key in [
        format!("{side}_address_prefix"),
        format!("{side}_address_prefixes"),
    ] {
        if let Some((x, at)) = field(v, &key) {
            found.extend(peers(&x, at));
        }
    }
    for ports in ranges {
        facts.firewall_rules.push(FirewallRule {
            direction,
            protocol: protocol.clone(),
            ports,
            peers: found.clone(),
            resource: address.to_string(),
            span: header,
        });
    }
}
