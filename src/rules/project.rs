//! The whole-scan view for project-level rules (namespaces without default-deny, policies
//! that select nothing, ClusterRole aggregation, host-firewall settings spread over files).
//!
//! Partial views: pre-commit and editors pass single files, so a namespace's policy may simply
//! be out of view. Every file therefore records whether it was found by walking a directory
//! (`complete`). Project rules use facts from every file as evidence, but only report an
//! *absence* (no default-deny, no matching pod, no host endpoint) about objects in files that
//! came from a directory walk; a scan of explicitly named files or of stdin never yields one.

use crate::facts::kube::KubeFacts;
use crate::facts::{HostFacts, ObjectScope};
use crate::source::Source;

/// One scanned file's project-relevant facts.
#[derive(Debug)]
pub struct ProjectFile {
    pub source: Source,
    /// Path relative to the config root, for `[[ignore]]` globs.
    pub rel: Option<String>,
    /// Found by walking a directory (not named on the command line, not stdin).
    pub complete: bool,
    pub kube: KubeFacts,
    /// Host-config facts (Ignition, Butane, Bottlerocket) of the file.
    pub host: HostFacts,
    pub objects: Vec<ObjectScope>,
}

/// Every file of the scan with Kubernetes facts, sorted by path.
#[derive(Debug, Default)]
pub struct Project {
    pub files: Vec<ProjectFile>,
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
}
