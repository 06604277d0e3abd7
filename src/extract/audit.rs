//! Audit policies (`audit.k8s.io/v1` and `v1beta1` `Policy`) into
//! [`AuditPolicy`](crate::facts::audit::AuditPolicy): the rules in order, each with its
//! restrictions. A restriction that is not a list of plain strings (a template, a map) makes the
//! rule's reach unknown rather than unrestricted.

use crate::extract::distro::templated;
use crate::facts::audit::{AuditPolicy, AuditResources, AuditRule};
use crate::facts::{FileFacts, Located};
use crate::parse::Node;
use crate::source::Span;

/// Reads one policy document (or an embedded policy map) anchored at `anchor`.
pub fn policy(root: &Node, anchor: Span, what: &str, facts: &mut FileFacts) {
    let rules_node = root.get("rules");
    let opaque = rules_node.is_some_and(|r| !r.is_seq() && !r.is_null());
    let rules = rules_node
        .map(Node::items)
        .unwrap_or(&[])
        .iter()
        .map(rule)
        .collect();
    let omit_stages = root
        .get("omitStages")
        .map(Node::items)
        .unwrap_or(&[])
        .iter()
        .filter_map(|n| Some(Located::at(n.as_str()?.to_string(), n.span)))
        .collect();
    facts.audit_policies.push(AuditPolicy {
        anchor,
        what: what.to_string(),
        omit_stages,
        rules,
        opaque,
    });
}

/// A list of plain strings; `None` (unknown) when the node is something else.
fn list(node: Option<&Node>) -> Option<Vec<String>> {
    let Some(node) = node else {
        return Some(Vec::new());
    };
    if node.is_null() {
        return Some(Vec::new());
    }
    if !node.is_seq() {
        return None;
    }
    node.items()
        .iter()
        .map(|n| n.as_str().filter(|s| !templated(s)).map(str::to_string))
        .collect()
}

fn rule(item: &Node) -> AuditRule {
    let mut unknown = !item.is_map();
    let mut take = |key: &str| {
        list(item.get(key)).unwrap_or_else(|| {
            unknown = true;
            Vec::new()
        })
    };
    let users = take("users");
    let user_groups = take("userGroups");
    let verbs = take("verbs");
    let namespaces = take("namespaces");
    let non_resource_urls = take("nonResourceURLs");
    let omit_stages = take("omitStages");
    let mut resources = Vec::new();
    match item.get("resources") {
        None => {}
        Some(n) if n.is_null() => {}
        Some(n) if n.is_seq() => {
            for gr in n.items() {
                let group = match gr.get("group") {
                    None => Some(String::new()),
                    Some(g) if g.is_null() => Some(String::new()),
                    Some(g) => g.as_str().filter(|s| !templated(s)).map(str::to_string),
                };
                let (Some(group), Some(res), Some(names)) = (
                    group,
                    list(gr.get("resources")),
                    list(gr.get("resourceNames")),
                ) else {
                    unknown = true;
                    continue;
                };
                resources.push(AuditResources {
                    group,
                    resources: res,
                    resource_names: names,
                });
            }
        }
        Some(_) => unknown = true,
    }
    let level = item.get_entry("level").and_then(|(k, v)| {
        let text = v.as_str()?;
        Some(Located::written(
            text.to_string(),
            Span::new(k.span.start, v.span.end),
            v.span,
        ))
    });
    AuditRule {
        span: item.span,
        level,
        users,
        user_groups,
        verbs,
        namespaces,
        non_resource_urls,
        resources,
        omit_stages,
        unknown,
    }
}
