//! The whole-scan view for project-level rules (namespaces without default-deny, policies
//! that select nothing, ClusterRole aggregation, host-firewall settings spread over files).
//!
//! Partial views: pre-commit and editors pass single files, so a namespace's policy may simply
//! be out of view. Every file therefore records whether it was found by walking a directory
//! (`complete`). Project rules use facts from every file as evidence, but only report an
//! *absence* (no default-deny, no matching pod, no host endpoint) about objects in files that
//! came from a directory walk; a scan of explicitly named files or of stdin never yields one.

use crate::facts::kube::KubeFacts;
use crate::facts::{ComponentConfig, FileFacts, HostFacts, ObjectScope, PodNetwork, PolicyEngine};
use crate::source::{Source, TextOrigin};
use std::path::Path;

/// One scanned file's project-relevant facts.
#[derive(Debug)]
pub struct ProjectFile {
    /// The file; its path alone when `origin` is set.
    pub source: Source,
    /// Set when the file's text was dropped (reports without snippets): where to read it
    /// back for the project findings that point into it.
    pub origin: Option<TextOrigin>,
    /// Path relative to the config root, for `[[ignore]]` globs.
    pub rel: Option<String>,
    /// Found by walking a directory (not named on the command line, not stdin).
    pub complete: bool,
    /// The families some enabled project rule asked for (see [`FactFamily`]); the others
    /// are left empty.
    pub kube: KubeFacts,
    pub host: HostFacts,
    /// Control-plane and kubelet configurations (static pods, kubeadm, KubeletConfiguration).
    pub components: Vec<ComponentConfig>,
    /// Pod networks chosen and NetworkPolicy engines installed (CIS 5.3.1).
    pub pod_networks: Vec<PodNetwork>,
    pub policy_engines: Vec<PolicyEngine>,
    /// Always kept: suppressions of project findings need the objects' annotations.
    pub objects: Vec<ObjectScope>,
}

/// The fact families a project rule may read. A project rule lists the ones it needs
/// ([`crate::rules::Rule::project_facts`]); the pipeline keeps exactly those for the project
/// stage, so adding a project rule never touches the pipeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FactFamily {
    /// Kubernetes objects: RBAC, workloads, services, network and host policies.
    Kube,
    /// Host configs: units, parsed config lines, reboot managers.
    Host,
    /// Component configurations (flags and config-file settings of the control plane and
    /// the kubelet), for settings that must agree across components' files.
    Components,
    /// Pod networks and NetworkPolicy engines ([`crate::facts::InstallerFacts`]).
    PodNetworks,
}

impl FactFamily {
    /// Whether a file has anything of this family.
    fn present(self, facts: &FileFacts) -> bool {
        match self {
            FactFamily::Kube => !facts.kube.is_empty(),
            FactFamily::Host => {
                !facts.host.units.is_empty()
                    || !facts.host.entries.is_empty()
                    || facts.host.reboot_manager.is_some()
            }
            FactFamily::Components => !facts.components.is_empty(),
            FactFamily::PodNetworks => {
                !facts.installer.pod_networks.is_empty()
                    || !facts.installer.policy_engines.is_empty()
            }
        }
    }
}

impl ProjectFile {
    /// Keeps the wanted families of one file's facts; `None` when the file has none of them.
    pub fn keep(
        source: Source,
        rel: Option<String>,
        complete: bool,
        facts: FileFacts,
        wanted: &[FactFamily],
    ) -> Option<Box<ProjectFile>> {
        if !wanted.iter().any(|f| f.present(&facts)) {
            return None;
        }
        let has = |f: FactFamily| wanted.contains(&f);
        let mut facts = facts;
        facts.kube.shrink_to_fit();
        facts.components.shrink_to_fit();
        facts.objects.shrink_to_fit();
        Some(Box::new(ProjectFile {
            source,
            origin: None,
            rel,
            complete,
            kube: if has(FactFamily::Kube) {
                facts.kube
            } else {
                KubeFacts::default()
            },
            host: if has(FactFamily::Host) {
                facts.host
            } else {
                HostFacts::default()
            },
            components: if has(FactFamily::Components) {
                facts.components
            } else {
                Vec::new()
            },
            pod_networks: if has(FactFamily::PodNetworks) {
                facts.installer.pod_networks
            } else {
                Vec::new()
            },
            policy_engines: if has(FactFamily::PodNetworks) {
                facts.installer.policy_engines
            } else {
                Vec::new()
            },
            objects: facts.objects,
        }))
    }
}

/// Every file of the scan with Kubernetes facts, sorted by path.
#[derive(Debug, Default)]
pub struct Project {
    /// Boxed: every per-file result carries an `Option` of one (mostly `None`), and a
    /// large struct inline would cost its full size per scanned file.
    pub files: Vec<Box<ProjectFile>>,
}

impl Project {
    /// Items of every file with the file's index: `project.each(|k| &k.workloads)`.
    pub fn each<'a, T: 'a>(
        &'a self,
        pick: impl Fn(&'a KubeFacts) -> &'a Vec<T> + 'a,
    ) -> impl Iterator<Item = (usize, &'a T)> + 'a {
        self.files
            .iter()
            .enumerate()
            .flat_map(move |(i, f)| pick(&f.kube).iter().map(move |t| (i, t)))
    }

    pub fn complete(&self, file: usize) -> bool {
        self.files.get(file).is_some_and(|f| f.complete)
    }

    /// The directory of a file's shown path: rules that judge files side by side (an app's
    /// manifests, one node's static pods) group by it.
    pub fn dir(&self, file: usize) -> Option<&Path> {
        self.files
            .get(file)
            .and_then(|f| Path::new(&f.source.path).parent())
    }
}
