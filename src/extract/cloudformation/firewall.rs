//! `AWS::EC2::SecurityGroup` (`SecurityGroupIngress` / `SecurityGroupEgress` lists) and the
//! stand-alone `AWS::EC2::SecurityGroupIngress` / `AWS::EC2::SecurityGroupEgress` resources:
//! `IpProtocol` (`-1` is every protocol and port), `FromPort`/`ToPort`, `CidrIp`/`CidrIpv6`
//! (ingress) or `CidrIp`/`CidrIpv6` (egress). A source security group or prefix list is a
//! restricted peer: the rule gets no CIDR peer.

use super::value::{Cf, Cx};
use crate::facts::{Direction, FileFacts, FirewallRule, Peer, PortRange};
use crate::parse::Node;
use crate::source::Span;

pub fn resource(cx: &Cx, id: &str, ty: &str, props: &Node, type_span: Span, facts: &mut FileFacts) {
    match ty {
        "AWS::EC2::SecurityGroup" => {
            for (key, direction) in [
                ("SecurityGroupIngress", Direction::Ingress),
                ("SecurityGroupEgress", Direction::Egress),
            ] {
                let Some(list) = props.get(key) else { continue };
                for (i, item) in list.resolved().items().iter().enumerate() {
                    let name = format!("{id} {key}[{i}]");
                    facts
                        .firewall_rules
                        .extend(rule(cx, item, direction, name, item.span));
                }
            }
        }
        _ => {
            let direction = if ty.ends_with("Ingress") {
                Direction::Ingress
            } else {
                Direction::Egress
            };
            facts
                .firewall_rules
                .extend(rule(cx, props, direction, id.to_string(), type_span));
        }
    }
}

fn known(cf: Cf) -> Option<(String, Span, Option<crate::facts::ValueOrigin>)> {
    match cf {
        Cf::Known(t, s, o) => Some((t, s, o)),
        Cf::Unknown => None,
    }
}

fn rule(
    cx: &Cx,
    p: &Node,
    direction: Direction,
    resource: String,
    span: Span,
) -> Option<FirewallRule> {
    let p = p.resolved();
    let (proto, _, _) = known(cx.scalar(p.get("IpProtocol")?))?;
    let protocol = crate::extract::terraform::peers::protocol_name(&proto);
    let ports = if matches!(protocol.as_str(), "all" | "icmp" | "icmpv6") {
        PortRange::ALL
    } else {
        let num = |k: &str| -> Option<i64> { known(cx.scalar(p.get(k)?))?.0.trim().parse().ok() };
        let (from, to) = (num("FromPort")?, num("ToPort")?);
        if from < 0 || to < 0 {
            PortRange::ALL
        } else {
            let c = |n: i64| n.clamp(0, 65535) as u16;
            PortRange {
                from: c(from.min(to)),
                to: c(from.max(to)),
            }
        }
    };
    let mut peers = Vec::new();
    for key in ["CidrIp", "CidrIpv6"] {
        if let Some(n) = p.get(key) {
            let (cidr, at, origin) = known(cx.scalar(n))?;
            peers.push(Peer::at(cidr, at).with_origin(origin));
        }
    }
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
