//! Azure: network security rules (`azurerm_network_security_rule` and inline `security_rule`
//! blocks of `azurerm_network_security_group`) and NIC public IPs. Prefixes may be CIDRs or
//! service tags; `*`, `Internet` and `Any` mean everyone (see `cidr::is_world_source`).

use super::peers::{origin_of, peers, port_range, protocol_name};
use super::resource::{Obj, Res};
use crate::facts::Located;
use crate::facts::{Direction, FileFacts, FirewallRule, NodeSetting, PortRange};
use crate::source::Span;
use hcl_edit::expr::Expression;

pub fn resource(res: &mut Res, facts: &mut FileFacts) {
    firewall(res, facts);
    password_auth(res, facts);
    if res.rtype == "azurerm_network_interface" {
        let body = res.root();
        res.blocks(body, "ip_configuration", |res, body, _, _| {
            let Obj::Hcl(body) = body else {
                return;
            };
            let Some(a) = body.get_attribute("public_ip_address_id") else {
                return;
            };
            // A reference to a public IP resource is a public IP, whatever its id.
            if references(&a.value, "azurerm_public_ip") {
                facts.node_settings.push(NodeSetting {
                    resource: res.address.clone(),
                    name: "ip_configuration.public_ip_address_id".into(),
                    at: Located::at("present".into(), super::syntax::span_of(&a.value)),
                });
            }
        });
    }
}

/// Whether Linux VMs accept SSH passwords. terraform-provider-azurerm: the
/// `azurerm_linux_virtual_machine(_scale_set)` attribute defaults to true
/// (`linux_virtual_machine_resource.go`, `linux_virtual_machine_scale_set_resource.go`); the
/// legacy `azurerm_virtual_machine(_scale_set)` `os_profile_linux_config` attribute defaults to
/// false (`virtual_machine_resource.go`, `virtual_machine_scale_set_resource.go`), recorded as
/// `"default"` at the block. Only known values are recorded.
fn password_auth(res: &mut Res, facts: &mut FileFacts) {
    const KEY: &str = "disable_password_authentication";
    let mut push = |res: &Res, name: String, value: String, span: Span, origin| {
        facts.node_settings.push(NodeSetting {
            resource: res.address.clone(),
            name,
            at: Located::at(value, span).with_origin(origin),
        });
    };
    let body = res.root();
    match res.rtype {
        "azurerm_linux_virtual_machine" | "azurerm_linux_virtual_machine_scale_set" => {
            if let Some((v, span)) = res.val(body, KEY) {
                if v.as_bool() == Some(false) {
                    push(res, KEY.into(), "false".into(), span, origin_of(&v, span));
                }
            }
        }
        "azurerm_virtual_machine" | "azurerm_virtual_machine_scale_set" => {
            res.blocks(body, "os_profile_linux_config", |res, block, _, at| {
                let name = format!("os_profile_linux_config.{KEY}");
                match res.val(block, KEY) {
                    None => push(res, name, "default".into(), at, None),
                    Some((v, span)) if v.as_bool() == Some(false) => {
                        push(res, name, "false".into(), span, origin_of(&v, span))
                    }
                    Some(_) => {}
                }
            });
        }
        _ => {}
    }
}

/// Network security rules, standalone or inline in a group (HCL or plan).
pub fn firewall(res: &mut Res, facts: &mut FileFacts) {
    let body = res.root();
    match res.rtype {
        "azurerm_network_security_rule" => {
            let (name, header) = (res.address.clone(), res.header());
            rule(res, body, name, header, facts);
        }
        "azurerm_network_security_group" => {
            res.blocks(body, "security_rule", |res, body, label, span| {
                let name = format!("{} {label}", res.address);
                rule(res, body, name, span, facts);
            });
        }
        _ => {}
    }
}

/// Whether the expression is a plain reference to a resource of this type.
pub fn references(e: &Expression, rtype: &str) -> bool {
    match e {
        Expression::Traversal(t) => {
            matches!(&t.expr, Expression::Variable(v) if v.value().as_str() == rtype)
        }
        _ => false,
    }
}

fn rule(res: &mut Res, body: Obj, resource: String, span: Span, facts: &mut FileFacts) {
    let allow = res.text(body, "access").map(|a| a.to_ascii_lowercase());
    if allow.as_deref() != Some("allow") {
        return;
    }
    let direction = match res
        .text(body, "direction")
        .map(|d| d.to_ascii_lowercase())
        .as_deref()
    {
        Some("inbound") => Direction::Ingress,
        Some("outbound") => Direction::Egress,
        _ => return,
    };
    let Some(protocol) = res.text(body, "protocol") else {
        return;
    };
    let protocol = match protocol_name(&protocol).as_str() {
        "asterisk" => "all".to_string(),
        p => p.to_string(),
    };
    let mut ranges = Vec::new();
    for key in ["destination_port_range", "destination_port_ranges"] {
        if let Some((v, _)) = res.val(body, key) {
            let items = match v.items() {
                Some(items) => items.to_vec(),
                None => vec![v],
            };
            for i in items {
                match i.text().and_then(|t| port_range(&t)) {
                    Some(r) => ranges.push(r),
                    None if !i.is_known() => return,
                    None => {}
                }
            }
        }
    }
    if protocol == "all" || protocol == "icmp" {
        ranges = vec![PortRange::ALL];
    }
    let side = match direction {
        Direction::Ingress => "source",
        Direction::Egress => "destination",
    };
    let mut found = Vec::new();
    for key in [
        format!("{side}_address_prefix"),
        format!("{side}_address_prefixes"),
    ] {
        if let Some((v, at)) = res.val(body, &key) {
            found.extend(peers(&v, at));
        }
    }
    for ports in ranges {
        facts.firewall_rules.push(FirewallRule {
            api_port: None,
            direction,
            protocol: protocol.clone(),
            ports,
            peers: found.clone(),
            resource: resource.clone(),
            span,
        });
    }
}
