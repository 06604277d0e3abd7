//! N202: a network policy's pod selector matches no workload of its namespace in the scan.
//!
//! Project-level. Reported only for policies in files from a directory walk, and only when
//! the scan holds at least one workload of the same namespace (objects without a namespace
//! form one group): a namespace whose workloads are deployed from elsewhere is not judged.

use crate::facts::kube::{LabelSelector, Workload};
use crate::facts::FileFacts;
use crate::project::{Project, ProjectCx};
use crate::rules::{Cx, Rule};

pub struct NetpolSelectsNothing;
pub static RULE: NetpolSelectsNothing = NetpolSelectsNothing;

/// Cilium writes label sources as prefixes (`k8s:app`, `any:app`).
fn cilium_plain(sel: &LabelSelector) -> Option<LabelSelector> {
    let strip = |k: &str| -> Option<String> {
        let k = k.strip_prefix("k8s:").or_else(|| k.strip_prefix("any:")).unwrap_or(k);
        // Reserved and namespace labels are not pod-template labels.
        (!k.contains(':') && !k.starts_with("io.kubernetes.") && !k.starts_with("io.cilium."))
            .then(|| k.to_string())
    };
    let mut out = sel.clone();
    out.match_labels = sel
        .match_labels
        .iter()
        .map(|(k, v)| Some((strip(k)?, v.clone())))
        .collect::<Option<_>>()?;
    for e in &mut out.expressions {
        e.key = strip(&e.key)?;
    }
    Some(out)
}

impl Rule for NetpolSelectsNothing {
    fn check(&self, _facts: &FileFacts, _cx: &mut Cx) {}

    fn check_project(&self, project: &Project, cx: &mut ProjectCx) {
        let workloads: Vec<&Workload> = project.each(|k| &k.workloads).map(|(_, w)| w).collect();
        let mut check = |file: usize, ns: Option<&str>, sel: &LabelSelector, what: String| {
            if sel.is_empty() || !project.complete(file) {
                return;
            }
            let group: Vec<&&Workload> = workloads
                .iter()
                .filter(|w| w.meta.namespace.as_deref() == ns)
                .collect();
            if group.is_empty() {
                return;
            }
            // Unknown operators count as a match: never report on what we cannot evaluate.
            if group.iter().any(|w| sel.matches(&w.pod_labels) != Some(false)) {
                return;
            }
            cx.report(
                file,
                sel.span,
                format!(
                    "{what} selects no pod of the {} workloads of {} in the scan: it protects nothing (check its labels)",
                    group.len(),
                    ns.map(|n| format!("namespace {n}")).unwrap_or_else(|| "its namespace".into())
                ),
            );
        };
        for (i, p) in project.each(|k| &k.net_policies) {
            check(i, p.meta.namespace.as_deref(), &p.pod_selector, p.meta.display());
        }
        for (i, p) in project.each(|k| &k.cilium_policies) {
            if p.clusterwide {
                continue;
            }
            if let Some(sel) = p.endpoint_selector.as_ref().and_then(cilium_plain) {
                check(i, p.meta.namespace.as_deref(), &sel, p.meta.display());
            }
        }
    }
}
