//! OpenStack and Hetzner Cloud firewalls.
//!
//! OpenStack (terraform-provider-openstack): `openstack_networking_secgroup_rule_v2` (one rule
//! per resource: `direction`, `ethertype`, `protocol`, `port_range_min`/`_max`,
//! `remote_ip_prefix`, `remote_group_id`) and the legacy `openstack_compute_secgroup_v2`
//! (`rule { ip_protocol, from_port, to_port, cidr, from_group_id, self }`, ingress only).
//! Neutron's semantics (api-ref "Security group rules"): no `protocol` is every protocol, no
//! port range is every port, and a rule with neither `remote_ip_prefix` nor `remote_group_id`
//! (nor `remote_address_group_id`) matches every remote address of its ethertype.
//!
//! Hetzner Cloud (terraform-provider-hcloud, `hcloud_firewall`): `rule { direction = "in" |
//! "out", protocol, port = "80" | "30000-32767" | "any", source_ips | destination_ips }`; ICMP,
//! GRE and ESP rules have no port.

use super::peers::{peers, port_range, protocol_name};
use super::resource::{Obj, Res};
use super::value::Val;
use crate::facts::{Direction, FileFacts, FirewallRule, Peer, PortRange, ValueOrigin};
use crate::source::Span;

pub fn firewall(res: &mut Res, facts: &mut FileFacts) {
    let body = res.root();
    match res.rtype {
        "openstack_networking_secgroup_rule_v2" => {
            let (name, header) = (res.address.clone(), res.header());
            facts
                .firewall_rules
                .extend(neutron_rule(res, body, name, header));
        }
        "openstack_compute_secgroup_v2" => {
            let address = res.address.clone();
            res.blocks(body, "rule", |res, r, label, span| {
                facts.firewall_rules.extend(compute_rule(
                    res,
                    r,
                    format!("{address} {label}"),
                    span,
                ));
            });
        }
        "hcloud_firewall" => {
            let address = res.address.clone();
            res.blocks(body, "rule", |res, r, label, span| {
                facts.firewall_rules.extend(hcloud_rule(
                    res,
                    r,
                    format!("{address} {label}"),
                    span,
                ));
            });
        }
        _ => {}
    }
}

fn neutron_rule(res: &mut Res, body: Obj, resource: String, span: Span) -> Option<FirewallRule> {
    let direction = match res.text(body, "direction")?.as_str() {
        "ingress" => Direction::Ingress,
        "egress" => Direction::Egress,
        _ => return None,
    };
    let v6 = match res.val(body, "ethertype") {
        None => false,
        Some((v, _)) => match v.text()?.as_str() {
            "IPv4" => false,
            "IPv6" => true,
            _ => return None,
        },
    };
    let protocol = match res.val(body, "protocol") {
        None => "all".to_string(),
        Some((v, _)) => match v.text()?.as_str() {
            "" => "all".to_string(),
            p => protocol_name(p),
        },
    };
    let ports = if matches!(protocol.as_str(), "tcp" | "udp" | "sctp") {
        let min = res.val(body, "port_range_min");
        let max = res.val(body, "port_range_max");
        match (min, max) {
            (None, None) => PortRange::ALL,
            (Some((a, _)), b) => {
                let a = port(&a)?;
                let b = match b {
                    Some((b, _)) => port(&b)?,
                    None => a,
                };
                range(a, b)
            }
            (None, Some(_)) => return None,
        }
    } else {
        PortRange::ALL
    };
    let peers = match res.val(body, "remote_ip_prefix") {
        Some((v, at)) => {
            if !v.is_whole() {
                return None;
            }
            peers(&v, at)
        }
        None if ["remote_group_id", "remote_address_group_id"]
            .iter()
            .any(|k| res.val(body, k).is_some()) =>
        {
            Vec::new()
        }
        None => vec![Peer::at(if v6 { "::/0" } else { "0.0.0.0/0" }.into(), span)
            .with_origin(Some(ValueOrigin::new(
                None,
                span,
                "OpenStack default: a rule with no remote_ip_prefix or remote_group_id matches every address",
            )))],
    };
    Some(FirewallRule {
        api_port: None,
        direction,
        protocol,
        ports,
        peers,
        resource,
        span,
    })
}

fn compute_rule(res: &mut Res, r: Obj, resource: String, span: Span) -> Option<FirewallRule> {
    let protocol = protocol_name(&res.text(r, "ip_protocol")?);
    let ports = if matches!(protocol.as_str(), "tcp" | "udp") {
        let from = port(&res.val(r, "from_port")?.0)?;
        let to = port(&res.val(r, "to_port")?.0)?;
        range(from, to)
    } else {
        PortRange::ALL
    };
    let peers = match res.val(r, "cidr") {
        Some((v, at)) if v.is_whole() => peers(&v, at),
        Some(_) => return None,
        // A group or `self`: restricted to members.
        None => Vec::new(),
    };
    Some(FirewallRule {
        api_port: None,
        direction: Direction::Ingress,
        protocol,
        ports,
        peers,
        resource,
        span,
    })
}

fn hcloud_rule(res: &mut Res, r: Obj, resource: String, span: Span) -> Option<FirewallRule> {
    let (direction, key) = match res.text(r, "direction")?.as_str() {
        "in" => (Direction::Ingress, "source_ips"),
        "out" => (Direction::Egress, "destination_ips"),
        _ => return None,
    };
    let protocol = protocol_name(&res.text(r, "protocol")?);
    let ports = if matches!(protocol.as_str(), "tcp" | "udp") {
        let p = res.text(r, "port")?;
        if p.trim() == "any" {
            PortRange::ALL
        } else {
            port_range(&p)?
        }
    } else {
        PortRange::ALL
    };
    let (v, at) = res.val(r, key)?;
    if !v.is_whole() {
        return None;
    }
    Some(FirewallRule {
        api_port: None,
        direction,
        protocol,
        ports,
        peers: peers(&v, at),
        resource,
        span,
    })
}

fn port(v: &Val) -> Option<u16> {
    v.as_num()
        .filter(|n| (0.0..=65535.0).contains(n) && n.fract() == 0.0)
        .map(|n| n as u16)
}

fn range(a: u16, b: u16) -> PortRange {
    PortRange {
        from: a.min(b),
        to: a.max(b),
    }
}
