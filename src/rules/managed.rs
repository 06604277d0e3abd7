//! Shared helpers of the managed-cluster rules (EKS, GKE, AKS).

use crate::facts::{ClusterField, ClusterSetting, ManagedCluster, Provider};
use crate::rules::Cx;
use crate::source::Span;

/// Reports at a setting, with the variable default or tfvars entry it came from as related.
pub fn report_field(cx: &mut Cx, f: &ClusterField, message: String) {
    let value = f.value.clone().unwrap_or_default();
    let related = f.origin().iter().map(|o| o.related(&value)).collect();
    cx.report_related(f.span, message, related);
}

/// A known boolean setting; `None` when absent or unknown.
pub fn flag(c: &ManagedCluster, path: &str) -> Option<bool> {
    match c.setting(path) {
        ClusterSetting::Set(v, _) => crate::facts::go_bool(v),
        _ => None,
    }
}

/// One set of GKE node settings: a `google_container_node_pool`'s `node_config`, the default
/// node pool's (the cluster's own `node_config`) or an inline `node_pool` block's.
pub struct GkeNodeConfig {
    /// Path prefix of its settings: `node_config`, `node_pool[0].node_config`.
    pub prefix: String,
    /// The user's name for the block, for messages: `node_config`, `node_pool.node_config`.
    pub field: &'static str,
    /// Which nodes, after the resource address in messages: `` (a node pool resource),
    /// ` (default node pool)`, `, node_pool #2`.
    pub what: String,
    /// Where a finding about an absent setting points: the `node_config` block, else the pool
    /// block, else the resource label.
    pub anchor: Span,
}

impl GkeNodeConfig {
    pub fn path(&self, rest: &str) -> String {
        format!("{}.{rest}", self.prefix)
    }

    /// The span of the deepest block of `blocks` (paths under the prefix) that is written, else
    /// the anchor: where an absent attribute inside them is reported.
    pub fn nearest(&self, c: &ManagedCluster, blocks: &[&str]) -> Span {
        blocks
            .iter()
            .rev()
            .find_map(|b| c.field(&self.path(b)).map(|f| f.span))
            .unwrap_or(self.anchor)
    }
}

/// The node configurations of a GKE cluster or node pool whose settings Terraform decides.
/// Autopilot clusters (or a cluster whose `enable_autopilot` is unknown) have none. A cluster's
/// own `node_config` counts only while the default node pool exists: no `node_pool` block and
/// `remove_default_node_pool` absent or false (provider docs: `node_config` configures the
/// default node pool; `node_pool` blocks replace it).
pub fn gke_node_configs(c: &ManagedCluster) -> Vec<GkeNodeConfig> {
    let mut out = Vec::new();
    if c.provider != Provider::Gke {
        return out;
    }
    let anchor = |path: &str, fallback: Span| c.field(path).map_or(fallback, |f| f.span);
    if c.kind == "google_container_node_pool" {
        out.push(GkeNodeConfig {
            prefix: "node_config".into(),
            field: "node_config",
            what: String::new(),
            anchor: anchor("node_config", c.span),
        });
        return out;
    }
    let autopilot_off = matches!(c.setting("enable_autopilot"), ClusterSetting::Absent)
        || flag(c, "enable_autopilot") == Some(false);
    if c.kind != "google_container_cluster" || !autopilot_off {
        return out;
    }
    let default_pool = matches!(c.setting("node_pool"), ClusterSetting::Absent)
        && (matches!(
            c.setting("remove_default_node_pool"),
            ClusterSetting::Absent
        ) || flag(c, "remove_default_node_pool") == Some(false));
    if default_pool {
        out.push(GkeNodeConfig {
            prefix: "node_config".into(),
            field: "node_config",
            what: " (default node pool)".into(),
            anchor: anchor("node_config", c.span),
        });
    }
    for (n, pool) in c
        .fields
        .iter()
        .filter(|f| f.path.starts_with("node_pool[") && f.path.ends_with(']'))
        .enumerate()
    {
        let prefix = format!("{}.node_config", pool.path);
        out.push(GkeNodeConfig {
            anchor: anchor(&prefix, pool.span),
            prefix,
            field: "node_pool.node_config",
            what: format!(", node_pool #{}", n + 1),
        });
    }
    out
}

pub fn is_unknown(c: &ManagedCluster, path: &str) -> bool {
    matches!(c.setting(path), ClusterSetting::Unknown)
}

/// The minor of a version string (`1.29`, `1.29.3`, `1.29.1-gke.100`, `v1.30`); `None` for
/// `latest`, channels and anything else. One parser for the whole tool: `k8s::minor_of`.
pub fn minor(version: &str) -> Option<u32> {
    crate::k8s::minor_of(version)
}

#[cfg(test)]
mod tests {
    #[test]
    fn minors() {
        assert_eq!(super::minor("1.29"), Some(29));
        assert_eq!(super::minor("1.30.1-gke.100"), Some(30));
        assert_eq!(super::minor("latest"), None);
    }
}
