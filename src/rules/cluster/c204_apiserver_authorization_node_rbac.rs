//! C204: the API server's authorization modes lack Node or RBAC.

use crate::facts::{Component, EffectiveList, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct ApiserverAuthorizationNodeRbac;
pub static RULE: ApiserverAuthorizationNodeRbac = ApiserverAuthorizationNodeRbac;

impl Rule for ApiserverAuthorizationNodeRbac {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::ApiServer) {
            // Absent on a bare API server is AlwaysAllow: C203's finding, not this one.
            let EffectiveList::Set(items) = c.effective_values("authorization-mode") else {
                continue;
            };
            let modes: Vec<&str> = items.iter().map(|i| i.value.as_str()).collect();
            // AlwaysAllow is C203's; an empty value is left to the API server's own error.
            if modes.is_empty() || modes.contains(&"AlwaysAllow") {
                continue;
            }
            let missing: Vec<&str> = ["Node", "RBAC"]
                .into_iter()
                .filter(|m| !modes.contains(m))
                .collect();
            if missing.is_empty() {
                continue;
            }
            let at = c
                .get("authorization-mode")
                .map(|s| s.value_span)
                .unwrap_or(c.anchor);
            let why = if missing.contains(&"Node") {
                "kubelets are not limited to their own node's objects"
            } else {
                "roles and bindings are not enforced"
            };
            cx.report(
                at,
                format!(
                    "kube-apiserver --authorization-mode={} lacks {} ({}): {why}",
                    modes.join(","),
                    missing.join(" and "),
                    c.origin.describe()
                ),
            );
        }
    }
}
