//! N401: a namespace with workloads has no default-deny network policy for ingress or egress.
//!
//! Project-level: workloads are grouped by directory and `metadata.namespace`; a group is
//! anchored on the Namespace object of that directory, else on the first workload's
//! `metadata.namespace`. Policies from any file count as evidence. A group is reported only when
//! its anchor and a workload come from a directory walk (see `crate::rules::project`), so a
//! pre-commit run over a few files never claims a policy is missing.

use crate::facts::FileFacts;
use crate::rules::netpol::{system_namespace, DenyIndex, Dir};
use crate::rules::{Cx, Rule};
use crate::rules::{FactFamily, Project, ProjectCx};
use crate::source::Span;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

pub struct NamespaceWithoutDefaultDeny;
pub static RULE: NamespaceWithoutDefaultDeny = NamespaceWithoutDefaultDeny;

#[derive(Default)]
struct Ns {
    /// The Namespace object's name in this directory, else the first workload's
    /// `metadata.namespace` in it.
    namespace_object: Option<(usize, Span)>,
    first_reference: Option<(usize, Span)>,
    /// Workloads (file, `Kind name`).
    workloads: Vec<(usize, String)>,
    has_policy: bool,
}

impl Rule for NamespaceWithoutDefaultDeny {
    fn check(&self, _facts: &FileFacts, _cx: &mut Cx) {}

    fn project_facts(&self) -> &'static [FactFamily] {
        &[FactFamily::Kube]
    }

    fn check_project(&self, project: &Project, cx: &mut ProjectCx) {
        // One group per (directory, namespace): workloads of one namespace in unrelated
        // directories are separate applications, and a finding anchors next to them. Only a
        // Namespace object or a workload anchors (never a Service or a custom resource).
        let mut spaces: BTreeMap<(&str, Option<&Path>), Ns> = BTreeMap::new();
        for (i, w) in project.each(|k| &k.workloads) {
            let (Some(name), Some(span)) = (w.meta.namespace.as_deref(), w.meta.namespace_span)
            else {
                continue;
            };
            // NetworkPolicy does not isolate host-network pods (the Kubernetes docs leave
            // them to the plugin, and plugins let them be): a default-deny cannot help them.
            if w.control_plane || w.host_network.is_some() {
                continue;
            }
            let ns = spaces.entry((name, project.dir(i))).or_default();
            ns.first_reference.get_or_insert((i, span));
            ns.workloads
                .push((i, format!("{} {}", w.meta.kind, w.meta.name)));
        }
        for (i, m) in project.each(|k| &k.objects) {
            if m.kind == "Namespace" && m.api_version == "v1" && !m.name.is_empty() {
                if let Some(ns) = spaces.get_mut(&(m.name.as_str(), project.dir(i))) {
                    ns.namespace_object.get_or_insert((i, m.name_span));
                }
            }
        }
        let policy_namespaces: HashSet<&str> = project
            .each(|k| &k.net_policies)
            .filter_map(|(_, p)| p.meta.namespace.as_deref())
            .chain(
                project
                    .each(|k| &k.calico_policies)
                    .filter_map(|(_, p)| p.meta.namespace.as_deref()),
            )
            .chain(
                project
                    .each(|k| &k.cilium_policies)
                    .filter_map(|(_, p)| p.meta.namespace.as_deref()),
            )
            .collect();
        for ((name, _), ns) in spaces.iter_mut() {
            ns.has_policy = policy_namespaces.contains(name);
        }
        // Policies by namespace: asking every namespace about every policy is quadratic.
        let deny = DenyIndex::new(project.files.iter().map(|f| &f.kube));
        for ((name, _), ns) in &spaces {
            if system_namespace(name) || ns.workloads.is_empty() {
                continue;
            }
            let Some((file, span)) = ns.namespace_object.or(ns.first_reference) else {
                continue;
            };
            // Partial view: say nothing unless this namespace was seen through a directory walk.
            if !project.complete(file) || !ns.workloads.iter().any(|(f, _)| project.complete(*f)) {
                continue;
            }
            let ingress = deny.denied(name, Dir::Ingress);
            let egress = deny.denied(name, Dir::Egress);
            let missing = match (ingress, egress) {
                (true, true) => continue,
                (false, false) => "ingress and egress",
                (false, true) => "ingress",
                (true, false) => "egress",
            };
            let mut names: Vec<&str> = ns.workloads.iter().map(|(_, w)| w.as_str()).collect();
            let mut seen = std::collections::HashSet::new();
            names.retain(|n| seen.insert(*n));
            let more = names.len() > 3;
            let mut shown: Vec<&str> = names.into_iter().take(3).collect();
            if more {
                shown.push("…");
            }
            let message = if ns.has_policy {
                format!(
                    "namespace {name} has no default-deny for {missing} in the scanned files: no policy seen selects all its pods for {missing} without also allowing everything (workloads: {})",
                    shown.join(", ")
                )
            } else {
                format!(
                    "namespace {name} has workloads ({}) and no NetworkPolicy in the scanned files: nothing seen isolates their ingress or egress",
                    shown.join(", ")
                )
            };
            cx.report(file, span, message);
        }
    }
}
