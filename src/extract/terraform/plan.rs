//! Terraform plan JSON (`terraform show -json plan.out`): the resources of `planned_values`,
//! every value already resolved by Terraform, converted to values and read by the same
//! firewall adapters as HCL (through `Res::plan`). Findings point into the plan file and name
//! the resource address. In `planned_values` an attribute Terraform cannot know yet is left
//! out: `Res::val` then gives nothing, as for an unset (`null`, `[]`) one, and adapters ask
//! `Res::pending` where the two differ.

use super::resource::Res;
use super::value::{Val, V};
use crate::facts::FileFacts;
use crate::facts::Place;
use crate::parse::{Kind, Node, Style};
use crate::source::Span;

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
    let at = Some(Place {
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

/// Every adapter that reads plan resources: firewalls and kubernetes provider objects (node
/// settings and clusters are not taken from plans).
fn resource(rtype: &str, address: &str, values: &Val, header: Span, facts: &mut FileFacts) {
    let mut res = Res::plan(rtype, address.to_string(), values, header);
    super::aws::firewall(&mut res, facts);
    super::gcp::firewall(&mut res, facts);
    super::azure::firewall(&mut res, facts);
    super::openstack::firewall(&mut res, facts);
    super::kube::resource(&mut res, facts);
}
