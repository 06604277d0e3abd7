//! GCP: `google_compute_firewall` (allow blocks; no `ports` = all ports; an ingress rule with
//! no source ranges, tags or service accounts applies to 0.0.0.0/0) and instance public IPs
//! (`network_interface.access_config`).

use super::peers::{peers, port_range, protocol_name};
use super::resource::Res;
use crate::facts::Located;
use crate::facts::{Direction, FileFacts, FirewallRule, NodeSetting, Peer, PortRange, ValueOrigin};

pub fn resource(res: &mut Res, facts: &mut FileFacts) {
    firewall(res, facts);
    if let "google_compute_instance"
    | "google_compute_instance_template"
    | "google_compute_region_instance_template" = res.rtype
    {
        service_account(res, facts);
    }
    if let "google_compute_instance" | "google_compute_instance_template" = res.rtype {
        let body = res.root();
        res.blocks(body, "network_interface", |res, nic, _, _| {
            res.blocks(nic, "access_config", |res, _, _, span| {
                facts.node_settings.push(NodeSetting {
                    resource: res.address.clone(),
                    name: "network_interface.access_config".into(),
                    at: Located::at("present".into(), span),
                });
            });
        });
    }
}

/// A VM's `service_account` block on the Compute Engine default account: `email` left out
/// (terraform-provider-google `resource_compute_instance.go`: "If not given, the default
/// Google Compute Engine service account is used"), empty, `"default"` or the project's
/// `-compute@developer.gserviceaccount.com` address. Recorded as `service_account.email` with
/// the value, or `"absent"` at the block; `value` ends with ` cloud-platform` when the scopes
/// include it. No block means no service account at all: nothing is recorded.
fn service_account(res: &mut Res, facts: &mut FileFacts) {
    let body = res.root();
    res.blocks(body, "service_account", |res, sa, _, block| {
        let (email, span, origin) = match res.val(sa, "email") {
            None => ("absent".to_string(), block, None),
            Some((v, span)) => match v.text() {
                Some(t)
                    if t.is_empty()
                        || t == "default"
                        || t.ends_with("-compute@developer.gserviceaccount.com") =>
                {
                    let origin = super::peers::origin_of(&v, span);
                    (t, span, origin)
                }
                _ => return,
            },
        };
        let full = res.val(sa, "scopes").is_some_and(|(v, _)| {
            v.items().unwrap_or_default().iter().any(|s| {
                s.text().is_some_and(|t| {
                    t == "cloud-platform" || t == "https://www.googleapis.com/auth/cloud-platform"
                })
            })
        });
        let value = if full {
            format!("{email} cloud-platform")
        } else {
            email
        };
        facts.node_settings.push(NodeSetting {
            resource: res.address.clone(),
            name: "service_account.email".into(),
            at: Located::at(value, span).with_origin(origin),
        });
    });
}

/// `google_compute_firewall` (HCL or plan).
pub fn firewall(res: &mut Res, facts: &mut FileFacts) {
    if res.rtype != "google_compute_firewall" {
        return;
    }
    let body = res.root();
    if res.bool(body, "disabled") == Some(true) {
        return;
    }
    let direction = match res.val(body, "direction") {
        None => Direction::Ingress,
        Some((v, _)) => match v.text().map(|t| t.to_ascii_uppercase()).as_deref() {
            Some("INGRESS") => Direction::Ingress,
            Some("EGRESS") => Direction::Egress,
            _ => return,
        },
    };
    let (ranges_key, others): (&str, &[&str]) = match direction {
        Direction::Ingress => ("source_ranges", &["source_tags", "source_service_accounts"]),
        Direction::Egress => ("destination_ranges", &[]),
    };
    if res.pending(body, ranges_key) {
        return;
    }
    let found =
        match res.val(body, ranges_key) {
            Some((v, at)) => {
                if !v.is_known() {
                    return;
                }
                peers(&v, at)
            }
            // Nothing names the peers: GCP uses 0.0.0.0/0, unless tags or accounts restrict it.
            None if others
                .iter()
                .any(|k| res.val(body, k).is_some() || res.pending(body, k)) =>
            {
                Vec::new()
            }
            None => vec![Peer::at("0.0.0.0/0".into(), res.header()).with_origin(Some(
                ValueOrigin::new(
                    None,
                    res.place(body, ranges_key),
                    format!("GCP default: the rule sets no {ranges_key}"),
                ),
            ))],
        };
    let address = res.address.clone();
    res.blocks(body, "allow", |res, allow, label, span| {
        let Some(protocol) = res.text(allow, "protocol").map(|p| protocol_name(&p)) else {
            return;
        };
        let ranges: Vec<PortRange> = match res.val(allow, "ports") {
            None => vec![PortRange::ALL],
            Some((v, _)) => match v.items() {
                Some([]) => vec![PortRange::ALL],
                Some(items) => {
                    let r: Option<Vec<PortRange>> = items
                        .iter()
                        .map(|i| i.text().and_then(|t| port_range(&t)))
                        .collect();
                    match r {
                        Some(r) => r,
                        None => return,
                    }
                }
                None => return,
            },
        };
        for ports in ranges {
            let ports = if matches!(protocol.as_str(), "icmp" | "icmpv6") {
                PortRange::ALL
            } else {
                ports
            };
            facts.firewall_rules.push(FirewallRule {
                api_port: None,
                direction,
                protocol: protocol.clone(),
                ports,
                peers: found.clone(),
                resource: format!("{address} {label}"),
                span,
            });
        }
    });
}
