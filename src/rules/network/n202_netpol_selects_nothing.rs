//! N202: a network policy's pod selector matches no workload of its namespace in the scan.
//!
//! Project-level. Reported only for policies in files from a directory walk, and only when
//! the policy's directory holds at least one workload of the same namespace: policies for
//! workloads deployed from elsewhere are not judged. Workloads without `metadata.namespace` in
//! that directory are candidates for a policy of any namespace (they are applied to one at
//! deploy time), and every workload of the directory is a candidate for a policy without one.

use crate::facts::kube::{LabelSelector, Workload};
use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};
use crate::rules::{FactFamily, Project, ProjectCx};
use std::collections::HashMap;
use std::path::Path;

pub struct NetpolSelectsNothing;
pub static RULE: NetpolSelectsNothing = NetpolSelectsNothing;

/// Cilium writes label sources as prefixes (`k8s:app`, `any:app`).
fn cilium_plain(sel: &LabelSelector) -> Option<LabelSelector> {
    let strip = |k: &str| -> Option<String> {
        let k = k
            .strip_prefix("k8s:")
            .or_else(|| k.strip_prefix("any:"))
            .unwrap_or(k);
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

    fn project_facts(&self) -> &'static [FactFamily] {
        &[FactFamily::Kube]
    }

    fn check_project(&self, project: &Project, cx: &mut ProjectCx) {
        // Workloads grouped once by directory, then namespace: comparing every policy with
        // every workload (or every group) made large scans quadratic.
        type ByNamespace<'a> = HashMap<Option<&'a str>, Vec<&'a Workload>>;
        let mut groups: HashMap<Option<&Path>, ByNamespace> = HashMap::new();
        for (f, w) in project.each(|k| &k.workloads) {
            groups
                .entry(project.dir(f))
                .or_default()
                .entry(w.meta.namespace.as_deref())
                .or_default()
                .push(w);
        }
        let mut check = |file: usize, ns: Option<&str>, sel: &LabelSelector, what: String| {
            if sel.is_empty() || !project.complete(file) {
                return;
            }
            // Only workloads next to the policy (same directory: an app's manifests, a
            // kustomize base, a rendered chart) are known to be the ones it was written for.
            let Some(here) = groups.get(&project.dir(file)) else {
                return;
            };
            let Some(group) = here.get(&ns).filter(|g| !g.is_empty()) else {
                return;
            };
            // Candidates: an object without `metadata.namespace` lands in whatever namespace
            // it is applied to, so it may be what a policy of any namespace protects; a policy
            // without one may be applied next to workloads of any namespace.
            let mut candidates = here
                .iter()
                .filter(|(n, _)| ns.is_none() || n.is_none() || **n == ns)
                .flat_map(|(_, ws)| ws.iter());
            // Unknown operators count as a match: never report on what we cannot evaluate.
            if candidates.any(|w| sel.matches(&w.pod_labels) != Some(false)) {
                return;
            }
            cx.report(
                file,
                sel.span,
                format!(
                    "{what} selects no pod of the {} workloads of {} in its directory: it protects nothing (check its labels)",
                    group.len(),
                    ns.map(|n| format!("namespace {n}")).unwrap_or_else(|| "its namespace".into())
                ),
            );
        };
        for (i, p) in project.each(|k| &k.net_policies) {
            check(
                i,
                p.meta.namespace.as_deref(),
                &p.pod_selector,
                p.meta.display(),
            );
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
