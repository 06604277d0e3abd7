//! Shared helpers of the managed-cluster rules (EKS, GKE, AKS).

use crate::facts::{ClusterField, ClusterSetting, ManagedCluster};
use crate::rules::Cx;

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
