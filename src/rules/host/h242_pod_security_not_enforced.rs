//! H242: a namespace with workloads is not under Pod Security Admission enforcement.
//!
//! Project-level. A Namespace object in a walked file, with workloads of that namespace somewhere
//! in the scan, is reported when its `pod-security.kubernetes.io/enforce` label is absent and no
//! cluster-wide PodSecurity default enforces `baseline` or `restricted`, or when the label says
//! `privileged`. Policy engines in the scan (Kyverno, Gatekeeper, Kubewarden, jsPolicy,
//! ValidatingAdmissionPolicy) replace PSA: nothing is reported then. Distributions that enforce a
//! default themselves (Talos: baseline) or whose default is not in view (RKE2 profiles, an
//! `--admission-control-config-file` whose file is not scanned) make an absent label unknown.

use crate::facts::{Component, FileFacts, Origin};
use crate::rules::netpol::system_namespace;
use crate::rules::{Cx, Rule};
use crate::rules::{FactFamily, Project, ProjectCx};
use std::collections::{HashMap, HashSet};

pub struct PodSecurityNotEnforced;
pub static RULE: PodSecurityNotEnforced = PodSecurityNotEnforced;

const LABEL: &str = "pod-security.kubernetes.io/enforce";

/// API groups of admission policy engines that replace Pod Security Admission.
const ENGINES: &[&str] = &[
    "kyverno.io",
    "templates.gatekeeper.sh",
    "constraints.gatekeeper.sh",
    "policies.kubewarden.io",
    "policy.jspolicy.com",
];

impl Rule for PodSecurityNotEnforced {
    fn check(&self, _facts: &FileFacts, _cx: &mut Cx) {}

    fn project_facts(&self) -> &'static [FactFamily] {
        &[FactFamily::Kube, FactFamily::Components]
    }

    fn check_project(&self, project: &Project, cx: &mut ProjectCx) {
        let engine = project.each(|k| &k.objects).any(|(_, m)| {
            let group = m.api_version.split('/').next().unwrap_or("");
            ENGINES.contains(&group)
                || group == "admissionregistration.k8s.io" && m.kind == "ValidatingAdmissionPolicy"
        });
        if engine {
            return;
        }
        let configs: Vec<_> = project.each(|k| &k.pod_security).map(|(_, p)| p).collect();
        let apiservers = || {
            project
                .files
                .iter()
                .flat_map(|f| &f.components)
                .filter(|c| c.component == Component::ApiServer)
        };
        // An absent label is decided by a default that is not in view.
        let default_unknown = configs.iter().any(|p| p.unknown)
            || apiservers().any(|c| {
                matches!(c.origin, Origin::Talos | Origin::Rancher { .. })
                    || configs.is_empty() && c.get("admission-control-config-file").is_some()
            });
        let default_enforced = configs.iter().find_map(|p| {
            p.enforce
                .as_ref()
                .filter(|e| matches!(e.value.as_str(), "baseline" | "restricted"))
        });
        let exempt = |ns: &str| {
            configs
                .iter()
                .any(|p| p.exempt_namespaces.iter().any(|e| e == ns))
        };
        // Namespaces that another Namespace object of the scan labels (a kustomize patch, an
        // overlay): the label there decides, and a missing label here is not the whole story.
        let labelled: HashSet<&str> = project
            .each(|k| &k.objects)
            .filter(|(_, o)| o.kind == "Namespace" && o.labels.iter().any(|(k, _)| k == LABEL))
            .map(|(_, o)| o.name.as_str())
            .collect();
        // Workloads by namespace, once (in scan order, each named once): asking every
        // namespace about every workload was quadratic on large trees.
        // Also whether every one of them is a node agent that only `privileged` admits.
        let mut by_namespace: HashMap<&str, (Vec<String>, bool)> = HashMap::new();
        let mut seen: HashSet<(&str, String)> = HashSet::new();
        for (_, w) in project.each(|k| &k.workloads) {
            if let (false, Some(ns)) = (w.control_plane, w.meta.namespace.as_deref()) {
                let named = format!("{} {}", w.meta.kind, w.meta.name);
                let (names, agents) = by_namespace.entry(ns).or_insert((Vec::new(), true));
                *agents &= w.needs_privileged_level();
                if seen.insert((ns, named.clone())) {
                    names.push(named);
                }
            }
        }
        for (file, m) in project.each(|k| &k.objects) {
            if m.kind != "Namespace" || m.api_version != "v1" || m.name.is_empty() {
                continue;
            }
            let name = m.name.as_str();
            if system_namespace(name) || exempt(name) || !project.complete(file) {
                continue;
            }
            let Some((all, agents_only)) = by_namespace.get(name) else {
                continue;
            };
            let mut workloads: Vec<String> = all.iter().take(3).cloned().collect();
            let more = all.len() > 3;
            if more {
                workloads.push("…".to_string());
            }
            let shown = workloads.join(", ");
            let message = match m
                .labels
                .iter()
                .find(|(k, _)| k == LABEL)
                .map(|(_, v)| v.as_str())
            {
                Some("baseline" | "restricted") => continue,
                // Every workload there needs it (a CNI or storage agent's own namespace):
                // `privileged` is the exemption the fix would make.
                Some("privileged") if *agents_only => continue,
                Some("privileged") => format!(
                    "Namespace {name} has workloads ({shown}) and label {LABEL}: privileged: Pod Security Admission admits privileged, host-namespace and hostPath pods there"
                ),
                // Another value (a template, a typo the API server rejects) is unknown.
                Some(_) => continue,
                None if default_unknown
                    || default_enforced.is_some()
                    || labelled.contains(name) =>
                {
                    continue
                }
                None if configs.is_empty() => format!(
                    "Namespace {name} has workloads ({shown}) and no {LABEL} label, and no PodSecurity admission configuration or policy engine is in the scanned files: its pods are admitted without Pod Security checks"
                ),
                None => format!(
                    "Namespace {name} has workloads ({shown}) and no {LABEL} label, and the PodSecurity configuration in the scanned files enforces only privileged by default: its pods are admitted without Pod Security checks"
                ),
            };
            cx.report(file, m.name_span, message);
        }
    }
}
