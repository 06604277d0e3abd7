//! Kustomize patches. A file listed under `patches:` (`- path: x.yaml` or `- x.yaml`) or
//! `patchesStrategicMerge:` of a `kustomization.yaml` in its directory or the one above is a
//! partial object merged into a base: what it does not say is said elsewhere. Its facts keep
//! what is written (presence rules still apply) but absences mean nothing, and its objects do
//! not anchor namespaces (kustomize may rename them).

use crate::facts::{FileFacts, Origin};
use std::path::{Component, Path, PathBuf};

const NAMES: &[&str] = &["kustomization.yaml", "kustomization.yml", "Kustomization"];

/// Kustomization files are small; larger ones are not read.
const MAX_KUSTOMIZATION_BYTES: u64 = 1024 * 1024;

fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// The patch files a kustomization lists, as paths relative to `dir`'s parent directory tree.
fn patches(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for name in NAMES {
        let path = dir.join(name);
        if !path.is_file() {
            continue;
        }
        let Ok(text) = crate::read::read_text(&path, MAX_KUSTOMIZATION_BYTES) else {
            continue;
        };
        let (docs, _) = crate::parse::yaml::parse(&text);
        for doc in &docs {
            let root = &doc.root;
            let listed = ["patches", "patchesStrategicMerge"]
                .iter()
                .flat_map(|k| root.get(k).map(|n| n.items()).unwrap_or(&[]))
                .filter_map(|p| p.as_str().or_else(|| p.get_str("path")));
            out.extend(listed.map(|p| normalize(&dir.join(p))));
        }
    }
    out
}

/// Whether the YAML file at `path` is a patch of a kustomization beside it or one level up.
pub fn is_patch(path: &Path) -> bool {
    let Some(dir) = path.parent() else {
        return false;
    };
    let me = normalize(path);
    let mut d = Some(dir);
    for _ in 0..2 {
        let Some(here) = d else { break };
        if patches(here).contains(&me) {
            return true;
        }
        d = here.parent().filter(|p| !p.as_os_str().is_empty());
    }
    false
}

/// Facts of a patch: absences become unknown (an origin without defaults, whose absent
/// settings no rule judges) and objects anchor no namespace.
pub fn partial(facts: &mut FileFacts) {
    for c in &mut facts.components {
        c.origin = Origin::KustomizePatch;
    }
    for o in &mut facts.kube.objects {
        o.namespace_span = None;
    }
}
