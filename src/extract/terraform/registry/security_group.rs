//! `terraform-aws-modules/security-group/aws`, majors 4 and 5: the ingress rules it creates
//! from `ingress_rules` (named rules, with `ingress_cidr_blocks` / `ingress_ipv6_cidr_blocks`)
//! and `ingress_with_cidr_blocks` (maps with `from_port`/`to_port`/`protocol` or `rule`, and
//! `cidr_blocks` as one comma-separated string, else `ingress_cidr_blocks`).
//!
//! From the module's `main.tf` (`aws_security_group_rule.ingress_rules`,
//! `.ingress_with_cidr_blocks`) and `rules.tf` at v4.0.0, v5.0.0 and v5.3.1; the CIDR inputs
//! default to `[]` (`variables.tf`). Only the named rules below are modelled; any other name
//! gives no rule.

use super::Call;
use crate::extract::terraform::peers::{peers, protocol_name};
use crate::extract::terraform::value::{Val, V};
use crate::facts::{Direction, FileFacts, FirewallRule, PortRange};
use crate::source::Span;

/// `rules.tf`: name → (from, to, protocol, first major that has it).
const RULES: &[(&str, i32, i32, &str, u32)] = &[
    ("ssh-tcp", 22, 22, "tcp", 4),
    ("rdp-tcp", 3389, 3389, "tcp", 4),
    ("http-80-tcp", 80, 80, "tcp", 4),
    ("https-443-tcp", 443, 443, "tcp", 4),
    ("kubernetes-api-tcp", 6443, 6443, "tcp", 4),
    ("etcd-client-tcp", 2379, 2379, "tcp", 5),
    ("all-all", -1, -1, "-1", 4),
    ("all-tcp", 0, 65535, "tcp", 4),
    ("all-udp", 0, 65535, "udp", 4),
];

fn named(name: &str, major: u32) -> Option<(String, PortRange)> {
    let (_, from, to, proto, since) = RULES.iter().find(|r| r.0 == name)?;
    (major >= *since).then(|| ports(&protocol_name(proto), *from as f64, *to as f64))?
}

fn ports(protocol: &str, from: f64, to: f64) -> Option<(String, PortRange)> {
    if matches!(protocol, "all" | "icmp" | "icmpv6") || from < 0.0 || to < 0.0 {
        return Some((protocol.to_string(), PortRange::ALL));
    }
    let c = |n: f64| n.clamp(0.0, 65535.0) as u16;
    Some((
        protocol.to_string(),
        PortRange {
            from: c(from.min(to)),
            to: c(from.max(to)),
        },
    ))
}

pub fn lower(call: &mut Call, facts: &mut FileFacts) {
    if !(4..=5).contains(&call.major) {
        return;
    }
    for flag in ["create", "create_sg"] {
        match call.input(flag) {
            None => {}
            Some((v, _)) if v.as_bool() == Some(true) => {}
            _ => return,
        }
    }
    let cidrs = call.input("ingress_cidr_blocks");
    let cidrs6 = call.input("ingress_ipv6_cidr_blocks");
    let mut shared = Vec::new();
    for (v, span) in cidrs.iter().chain(cidrs6.iter()) {
        if !v.is_whole() {
            return;
        }
        shared.extend(peers(v, *span));
    }
    if let Some((names, span)) = call.input("ingress_rules") {
        for n in names.items().unwrap_or_default() {
            let Some((protocol, ports)) = n.as_str().and_then(|n| named(n, call.major)) else {
                continue;
            };
            let at =
                n.at.as_ref()
                    .filter(|a| a.file.is_none())
                    .map_or(span, |a| a.span);
            facts.firewall_rules.push(FirewallRule {
                api_port: None,
                direction: Direction::Ingress,
                protocol,
                ports,
                peers: shared.clone(),
                resource: format!(
                    "{} ingress_rules {}",
                    call.address,
                    n.as_str().unwrap_or("")
                ),
                span: at,
            });
        }
    }
    if let Some((list, span)) = call.input("ingress_with_cidr_blocks") {
        for (i, item) in list.items().unwrap_or_default().iter().enumerate() {
            let Some(rule) = with_cidr(item, span, &shared, call.major) else {
                continue;
            };
            facts.firewall_rules.push(FirewallRule {
                api_port: None,
                resource: format!("{} ingress_with_cidr_blocks[{i}]", call.address),
                ..rule
            });
        }
    }
}

/// One map of `ingress_with_cidr_blocks`; `None` when a part of it is not known.
fn with_cidr(
    item: &Val,
    attr: Span,
    shared: &[crate::facts::Peer],
    major: u32,
) -> Option<FirewallRule> {
    if !item.is_whole() {
        return None;
    }
    let named_rule = item.get("rule").and_then(Val::as_str);
    let (protocol, range) = match (item.get("from_port"), item.get("to_port")) {
        (Some(f), Some(t)) => {
            let proto = match item.get("protocol") {
                Some(p) => protocol_name(&p.text()?),
                None => named(named_rule?, major)?.0,
            };
            ports(&proto, f.as_num()?, t.as_num()?)?
        }
        _ => named(named_rule?, major)?,
    };
    let span = item
        .at
        .as_ref()
        .filter(|a| a.file.is_none())
        .map_or(attr, |a| a.span);
    let found = match item.get("cidr_blocks") {
        Some(c) => {
            let text = c.as_str()?;
            let list = Val {
                v: V::List(
                    text.split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(|s| Val {
                            v: V::Str(s.to_string()),
                            at: c.at.clone(),
                        })
                        .collect(),
                ),
                at: c.at.clone(),
            };
            peers(&list, span)
        }
        None => shared.to_vec(),
    };
    Some(FirewallRule {
        api_port: None,
        direction: Direction::Ingress,
        protocol,
        ports: range,
        peers: found,
        resource: String::new(),
        span,
    })
}
