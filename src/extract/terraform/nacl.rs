//! AWS network ACLs: `aws_network_acl` (inline `ingress` blocks or the attribute form) and
//! `aws_network_acl_rule` (`egress = false`). NACLs are stateless and ordered: the rule with the
//! lowest `rule_no` that matches decides, and a deny that comes first shadows an allow. Only
//! ingress allows that win become firewall rules, and only those that open specific ports:
//! an allow of every port (the default NACL's behaviour, leaving filtering to security groups)
//! and an allow of an ephemeral range ending at 65535 (return traffic of a stateless filter,
//! which AWS documents as required) are not openings of a service. Egress is left out (return
//! traffic again). A deny whose number, protocol or ports are not known shadows every allow
//! after it, as does any deny of the same ACL with a lower number that could match.

use super::eval::Scope;
use super::module::Module;
use super::peers::{peers, protocol_name};
use super::resource::{instances, Obj, Res};
use super::syntax::label;
use crate::facts::{Direction, FileFacts, FirewallRule, Peer, PortRange};
use crate::source::Span;
use hcl_edit::structure::Body;

/// A deny entry of an ACL, by the ACL it belongs to (`aws_network_acl.main.id`).
pub struct Deny {
    acl: String,
    /// `None`: not known, shadows everything.
    number: Option<f64>,
    protocol: Option<String>,
    ports: Option<PortRange>,
}

/// One entry, read from a block, an object or an `aws_network_acl_rule`.
struct Entry {
    number: Option<f64>,
    allow: Option<bool>,
    protocol: Option<String>,
    ports: Option<PortRange>,
    peers: Option<Vec<Peer>>,
}

fn entry(res: &mut Res, b: Obj, number_key: &str, action_key: &str) -> Entry {
    let number = res.val(b, number_key).and_then(|(v, _)| v.as_num());
    let allow = res
        .text(b, action_key)
        .map(|a| a.eq_ignore_ascii_case("allow"));
    let protocol = res.text(b, "protocol").map(|p| protocol_name(&p));
    let ports = match protocol.as_deref() {
        Some("all" | "icmp" | "icmpv6") => Some(PortRange::ALL),
        Some(_) => {
            let from = res.val(b, "from_port").and_then(|(v, _)| v.as_num());
            let to = res.val(b, "to_port").and_then(|(v, _)| v.as_num());
            match (from, to) {
                (Some(f), Some(t)) if f >= 0.0 && t >= 0.0 => Some(PortRange {
                    from: f.min(t).min(65535.0) as u16,
                    to: f.max(t).min(65535.0) as u16,
                }),
                _ => None,
            }
        }
        None => None,
    };
    let mut found = Some(Vec::new());
    for key in ["cidr_block", "ipv6_cidr_block"] {
        if let Some((v, at)) = res.val(b, key) {
            match (&mut found, v.is_whole()) {
                (Some(f), true) => f.extend(peers(&v, at)),
                _ => found = None,
            }
        }
    }
    Entry {
        number,
        allow,
        protocol,
        ports,
        peers: found,
    }
}

/// Whether `d` may match traffic `e` allows and comes before it.
fn shadows(d: &Deny, e: &Entry, number: f64) -> bool {
    let before = d.number.is_none_or(|n| n < number);
    let proto = match (&d.protocol, &e.protocol) {
        (Some(a), Some(b)) => a == "all" || b == "all" || a == b,
        _ => true,
    };
    let ports = match (d.ports, e.ports) {
        (Some(a), Some(b)) => a.overlaps(b),
        _ => true,
    };
    before && proto && ports
}

/// The deny entries of every ACL of a body (inline ingress blocks and ingress
/// `aws_network_acl_rule`s), keyed by the ACL's `id` reference.
pub fn denies(body: &Body, module: &Module) -> Vec<Deny> {
    let mut out = Vec::new();
    for block in body.blocks().filter(|b| b.ident.as_str() == "resource") {
        let (Some(rtype), Some(name)) = (label(block, 0), label(block, 1)) else {
            continue;
        };
        if !matches!(rtype, "aws_network_acl" | "aws_network_acl_rule") {
            continue;
        }
        let all = instances(block, module);
        let acl_of_rule = || {
            block
                .body
                .get_attribute("network_acl_id")
                .map(|a| a.value.to_string().trim().to_string())
        };
        // Entries only apply knows (an unknown count, a `dynamic` block over an unknown
        // collection) may deny anything.
        let unknown_acl = if rtype == "aws_network_acl" {
            let dynamic_unknown = block.body.blocks().any(|d| {
                d.ident.as_str() == "dynamic" && label(d, 0) == Some("ingress") && {
                    let mut scope = Scope::new(module, None, None);
                    d.body
                        .get_attribute("for_each")
                        .is_none_or(|f| !scope.eval(&f.value).is_whole())
                }
            });
            dynamic_unknown.then(|| format!("aws_network_acl.{name}.id"))
        } else if all.is_empty() {
            acl_of_rule()
        } else {
            None
        };
        if let Some(acl) = unknown_acl {
            out.push(Deny {
                acl,
                number: None,
                protocol: None,
                ports: None,
            });
        }
        for (suffix, bindings) in all {
            let mut scope = Scope::new(module, None, None);
            for (k, v) in bindings {
                scope.bind(&k, v);
            }
            let mut res = Res::hcl(rtype, format!("{rtype}.{name}{suffix}"), block, scope);
            let root = res.root();
            let mut push = |acl: String, e: Entry| {
                if e.allow != Some(true) {
                    out.push(Deny {
                        acl,
                        number: e.number,
                        protocol: e.protocol,
                        ports: e.ports,
                    });
                }
            };
            if rtype == "aws_network_acl" {
                let acl = format!("aws_network_acl.{name}.id");
                let mut entries = Vec::new();
                res.blocks(root, "ingress", |res, b, _, _| {
                    entries.push(entry(res, b, "rule_no", "action"))
                });
                res.attribute_blocks(root, "ingress", |res, b, _, _| {
                    entries.push(entry(res, b, "rule_no", "action"))
                });
                for e in entries {
                    push(acl.clone(), e);
                }
            } else if res.bool(root, "egress") != Some(true) {
                let Some(acl) = acl_of_rule() else {
                    continue;
                };
                let e = entry(&mut res, root, "rule_number", "rule_action");
                push(acl, e);
            }
        }
    }
    out
}

/// An allow that wins, as a firewall rule; `None` for anything else.
fn opening(
    e: Entry,
    acl: &str,
    all: &[Deny],
    resource: String,
    span: Span,
) -> Option<FirewallRule> {
    if e.allow != Some(true) {
        return None;
    }
    let (number, protocol, ports, peers) =
        (e.number?, e.protocol.clone()?, e.ports?, e.peers.clone()?);
    if ports.is_all() || protocol == "all" || (ports.from >= 1024 && ports.to == 65535) {
        return None;
    }
    if all.iter().any(|d| d.acl == acl && shadows(d, &e, number)) {
        return None;
    }
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

pub fn firewall(res: &mut Res, all: &[Deny], facts: &mut FileFacts) {
    let Some(block) = res.block() else { return };
    let body = res.root();
    match res.rtype {
        "aws_network_acl" => {
            let Some(name) = label(block, 1) else { return };
            let acl = format!("aws_network_acl.{name}.id");
            let mut found = Vec::new();
            let mut each = |res: &mut Res, b: Obj, label: String, span: Span| {
                let e = entry(res, b, "rule_no", "action");
                found.push((e, format!("{} {label}", res.address), span));
            };
            res.blocks(body, "ingress", &mut each);
            res.attribute_blocks(body, "ingress", &mut each);
            for (e, name, span) in found {
                facts
                    .firewall_rules
                    .extend(opening(e, &acl, all, name, span));
            }
        }
        "aws_network_acl_rule" => {
            if res.bool(body, "egress") == Some(true)
                || res.val(body, "egress").is_some_and(|(v, _)| !v.is_known())
            {
                return;
            }
            let Some(acl) = block
                .body
                .get_attribute("network_acl_id")
                .map(|a| a.value.to_string().trim().to_string())
            else {
                return;
            };
            let e = entry(res, body, "rule_number", "rule_action");
            let (name, header) = (res.address.clone(), res.header());
            facts
                .firewall_rules
                .extend(opening(e, &acl, all, name, header));
        }
        _ => {}
    }
}
