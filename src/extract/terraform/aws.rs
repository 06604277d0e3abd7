//! AWS security groups: inline `ingress`/`egress` blocks of `aws_security_group` and
//! `aws_default_security_group`, `aws_security_group_rule`, and
//! `aws_vpc_security_group_ingress_rule` / `_egress_rule`.

use super::{attr, lit_text, span_of, Lit};
use crate::facts::{Direction, FileFacts, FirewallRule, Peer, PortRange};
use hcl_edit::structure::{Block, Body};

pub fn resource(rtype: &str, rname: &str, block: &Block, facts: &mut FileFacts) {
    let address = format!("{rtype}.{rname}");
    match rtype {
        "aws_security_group" | "aws_default_security_group" => {
            for (i, inner) in block.body.blocks().enumerate() {
                let direction = match inner.ident.as_str() {
                    "ingress" => Direction::Ingress,
                    "egress" => Direction::Egress,
                    _ => continue,
                };
                let label = format!("{address} {} #{}", inner.ident.as_str(), i + 1);
                let rule = classic(&inner.body, direction, label, span_of(&inner.ident));
                facts.firewall_rules.extend(rule);
            }
        }
        "aws_security_group_rule" => {
            let direction = match attr(&block.body, "type")
                .as_ref()
                .and_then(lit_text)
                .as_deref()
            {
                Some("ingress") => Direction::Ingress,
                Some("egress") => Direction::Egress,
                _ => return,
            };
            let header = block.labels.first().map(span_of).unwrap_or_default();
            facts
                .firewall_rules
                .extend(classic(&block.body, direction, address, header));
        }
        "aws_vpc_security_group_ingress_rule" | "aws_vpc_security_group_egress_rule" => {
            let direction = if rtype.ends_with("ingress_rule") {
                Direction::Ingress
            } else {
                Direction::Egress
            };
            let header = block.labels.first().map(span_of).unwrap_or_default();
            facts
                .firewall_rules
                .extend(vpc_rule(&block.body, direction, address, header));
        }
        _ => {}
    }
}

/// The classic shape: `from_port`, `to_port`, `protocol`, `cidr_blocks`, `ipv6_cidr_blocks`.
fn classic(
    body: &Body,
    direction: Direction,
    resource: String,
    span: crate::source::Span,
) -> Option<FirewallRule> {
    let protocol = protocol(&attr(body, "protocol")?)?;
    let ports = ports(body, &protocol)?;
    let mut peers = Vec::new();
    for key in ["cidr_blocks", "ipv6_cidr_blocks"] {
        if let Some(Lit::List(items, _)) = attr(body, key) {
            peers.extend(items.iter().filter_map(peer));
        }
    }
    Some(FirewallRule {
        direction,
        protocol,
        ports,
        peers,
        resource,
        span,
    })
}

/// The VPC rule shape: `ip_protocol`, `from_port`, `to_port`, `cidr_ipv4`, `cidr_ipv6`.
fn vpc_rule(
    body: &Body,
    direction: Direction,
    resource: String,
    span: crate::source::Span,
) -> Option<FirewallRule> {
    let protocol = protocol(&attr(body, "ip_protocol")?)?;
    let ports = ports(body, &protocol)?;
    let peers = ["cidr_ipv4", "cidr_ipv6"]
        .iter()
        .filter_map(|k| attr(body, k))
        .filter_map(|l| peer(&l))
        .collect();
    Some(FirewallRule {
        direction,
        protocol,
        ports,
        peers,
        resource,
        span,
    })
}

/// `-1`, `all` and `"-1"` mean every protocol; numbers are mapped to names.
fn protocol(l: &Lit) -> Option<String> {
    let p = lit_text(l)?.to_ascii_lowercase();
    Some(match p.as_str() {
        "-1" | "all" => "all".into(),
        "6" => "tcp".into(),
        "17" => "udp".into(),
        "1" => "icmp".into(),
        "58" => "icmpv6".into(),
        _ => p,
    })
}

fn ports(body: &Body, protocol: &str) -> Option<PortRange> {
    if protocol == "all" {
        return Some(PortRange::ALL);
    }
    let num = |k: &str| -> Option<i64> {
        match attr(body, k)? {
            Lit::Num(n, _) => Some(n as i64),
            Lit::Str(s, _) => s.trim().parse().ok(),
            _ => None,
        }
    };
    let (from, to) = (num("from_port")?, num("to_port")?);
    if from < 0 || to < 0 {
        return Some(PortRange::ALL);
    }
    let clamp = |n: i64| n.clamp(0, 65535) as u16;
    Some(PortRange {
        from: clamp(from.min(to)),
        to: clamp(from.max(to)),
    })
}

fn peer(l: &Lit) -> Option<Peer> {
    match l {
        Lit::Str(s, span) => Some(Peer {
            cidr: s.to_string(),
            span: *span,
        }),
        _ => None,
    }
}
