//! Every resource of a module's body, instance by instance, through the provider adapters.

use super::eval::Scope;
use super::module::Module;
use super::resource::{instances, Res};
use super::syntax::label;
use super::{addons, aws, azure, gcp, kube, managed, nacl, openstack, subnets};
use crate::facts::FileFacts;
use hcl_edit::structure::Body;

/// Every resource of a body, each instance evaluated in `module`.
pub(crate) fn resources(body: &Body, module: &Module, facts: &mut FileFacts) {
    let public_subnets = subnets::public_subnets(body, module);
    let acl_denies = nacl::denies(body, module);
    for block in body.blocks() {
        if block.ident.as_str() == "data" {
            if let (Some("aws_ami"), Some(name)) = (label(block, 0), label(block, 1)) {
                let scope = Scope::new(module, None, None);
                let mut res = Res::hcl("aws_ami", format!("data.aws_ami.{name}"), block, scope);
                aws::ami_data(&mut res, facts);
            }
            continue;
        }
        if block.ident.as_str() != "resource" {
            continue;
        }
        let (Some(rtype), Some(rname)) = (label(block, 0), label(block, 1)) else {
            continue;
        };
        let first_rule = facts.firewall_rules.len();
        for (suffix, bindings) in instances(block, module) {
            let mut scope = Scope::new(module, None, None);
            for (k, v) in bindings {
                scope.bind(&k, v);
            }
            let mut res = Res::hcl(rtype, format!("{rtype}.{rname}{suffix}"), block, scope);
            aws::resource(&mut res, facts);
            gcp::resource(&mut res, facts);
            azure::resource(&mut res, facts);
            managed::resource(&mut res, facts);
            kube::resource(&mut res, facts);
            addons::resource(&mut res, facts);
            openstack::firewall(&mut res, facts);
            subnets::node_group(&mut res, &public_subnets, facts);
            nacl::firewall(&mut res, &acl_denies, facts);
        }
        dedup_rules(facts, first_rule);
    }
}

/// Instances that do not depend on `count.index`/`each` give identical rules; keep one.
fn dedup_rules(facts: &mut FileFacts, from: usize) {
    let mut seen = std::collections::HashSet::new();
    let mut i = from;
    while i < facts.firewall_rules.len() {
        let r = &facts.firewall_rules[i];
        let key = format!(
            "{:?}{}{:?}{:?}{:?}",
            r.direction,
            r.protocol,
            r.ports,
            r.span,
            r.peers
                .iter()
                .map(|p| (&p.value, p.span, p.origin().map(|o| o.span)))
                .collect::<Vec<_>>()
        );
        if seen.insert(key) {
            i += 1;
        } else {
            facts.firewall_rules.remove(i);
        }
    }
}
