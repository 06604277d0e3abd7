//! EKS managed node groups placed in public subnets: a node group whose `subnet_ids` names an
//! `aws_subnet` of the same file that sets `map_public_ip_on_launch = true` launches nodes with
//! public IP addresses (EKS managed node groups take the subnet's setting, "Managed node
//! groups" in the EKS user guide). A node group with its own `launch_template` may override
//! that and is left alone.

use super::eval::Scope;
use super::module::Module;
use super::resource::{instances, Res};
use super::syntax::{label, span_of};
use crate::facts::{FileFacts, NodeSetting};
use hcl_edit::structure::Body;

/// `aws_subnet` names whose every known instance sets `map_public_ip_on_launch = true`.
pub fn public_subnets(body: &Body, module: &Module) -> Vec<String> {
    let mut out = Vec::new();
    for block in body.blocks().filter(|b| b.ident.as_str() == "resource") {
        let (Some("aws_subnet"), Some(name)) = (label(block, 0), label(block, 1)) else {
            continue;
        };
        let Some(attr) = block.body.get_attribute("map_public_ip_on_launch") else {
            continue;
        };
        let all = instances(block, module);
        let public = !all.is_empty()
            && all.into_iter().all(|(_, bindings)| {
                let mut scope = Scope::new(module, None, None);
                for (k, v) in bindings {
                    scope.bind(&k, v);
                }
                scope.eval(&attr.value).as_bool() == Some(true)
            });
        if public {
            out.push(name.to_string());
        }
    }
    out
}

/// A node group whose `subnet_ids` refers to one of `public` subnets.
pub fn node_group(res: &mut Res, public: &[String], facts: &mut FileFacts) {
    if res.rtype != "aws_eks_node_group" || public.is_empty() {
        return;
    }
    let Some(block) = res.block() else { return };
    if block.body.get_blocks("launch_template").next().is_some()
        || block
            .body
            .get_blocks("dynamic")
            .any(|d| label(d, 0) == Some("launch_template"))
    {
        return;
    }
    let Some(attr) = block.body.get_attribute("subnet_ids") else {
        return;
    };
    let text = attr.value.to_string();
    let named = public.iter().find(|name| {
        let needle = format!("aws_subnet.{name}");
        text.match_indices(&needle).any(|(i, _)| {
            let after = text[i + needle.len()..].chars().next();
            let before = text[..i].chars().next_back();
            !after.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                && !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
        })
    });
    if let Some(name) = named {
        facts.node_settings.push(NodeSetting {
            resource: res.address.clone(),
            name: "subnet_ids.map_public_ip_on_launch".into(),
            at: crate::facts::Located::at(format!("aws_subnet.{name}"), span_of(&attr.value)),
        });
    }
}
