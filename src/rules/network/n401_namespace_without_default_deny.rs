//! N401: a namespace with workloads has no default-deny network policy for ingress or egress.
//!
//! Project-level: namespaces come from `Namespace` objects and `metadata.namespace` of every
//! object; policies from any file count as evidence. A namespace is reported only when its
//! anchor and a workload of it come from a directory walk (see `crate::rules::project`), so a
//! pre-commit run over a few files never claims a policy is missing.

use crate::facts::FileFacts;
use crate::rules::netpol::{namespace_denied, system_namespace, Dir};
use crate::rules::{Cx, Rule};
use crate::rules::{FactFamily, Project, ProjectCx};
use crate::source::Span;
use std::collections::BTreeMap;

pub struct NamespaceWithoutDefaultDeny;
pub static RULE: NamespaceWithoutDefaultDeny = NamespaceWithoutDefaultDeny;

#[derive(Default)]
struct Ns {
    /// The Namespace object's name, else the first `metadata.namespace` naming it.
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
        let mut spaces: BTreeMap<&str, Ns> = BTreeMap::new();
        for (i, m) in project.each(|k| &k.objects) {
            if m.kind == "Namespace" && m.api_version == "v1" && !m.name.is_empty() {
                let ns = spaces.entry(m.name.as_str()).or_default();
                ns.namespace_object.get_or_insert((i, m.name_span));
            }
            if let (Some(name), Some(span)) = (&m.namespace, m.namespace_span) {
                let ns = spaces.entry(name.as_str()).or_default();
                ns.first_reference.get_or_insert((i, span));
            }
        }
        for (i, w) in project.each(|k| &k.workloads) {
            if let Some(ns) = w.meta.namespace.as_deref().and_then(|n| spaces.get_mut(n)) {
                if !w.control_plane {
                    ns.workloads
                        .push((i, format!("{} {}", w.meta.kind, w.meta.name)));
                }
            }
        }
        let policy_namespaces = project
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
            );
        for name in policy_namespaces {
            if let Some(ns) = spaces.get_mut(name) {
                ns.has_policy = true;
            }
        }
        let all = || project.files.iter().map(|f| &f.kube);
        for (name, ns) in &spaces {
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
            let ingress = namespace_denied(all(), name, Dir::Ingress);
            let egress = namespace_denied(all(), name, Dir::Egress);
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
                    "namespace {name} has no default-deny for {missing}: no policy selects all its pods for {missing} without also allowing everything (workloads: {})",
                    shown.join(", ")
                )
            } else {
                format!(
                    "namespace {name} has workloads ({}) and no network policy: all their ingress and egress traffic is allowed",
                    shown.join(", ")
                )
            };
            cx.report(file, span, message);
        }
    }
}
