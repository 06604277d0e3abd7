//! Each rule page's `applies-to` must name every input family the rule reads.
//!
//! Ground truth is the code, not the page: every fixture directory is scanned, and each finding's
//! file (the document holding the flagged span) is sorted into an input family (Terraform,
//! Ignition, kubeadm, a static pod, a Talos machine config, an RBAC object…). The family must be
//! named in the page of the rule that fired. A rule that starts reading a new family gets a
//! fixture there, and this test then asks for the page to say so.

use kube_harden::classify::{classify, DocKind};
use kube_harden::config::{Config, Overrides};
use kube_harden::parse::{self, Document, Node};
use kube_harden::rules::REGISTRY;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// An input family: its name in failure messages and the words a page may use for it
/// (matched case-insensitively against the `applies-to` lines).
struct Family {
    name: String,
    words: Vec<String>,
}

fn family(name: &str, words: &[&str]) -> Family {
    Family {
        name: name.to_string(),
        words: words.iter().map(|w| w.to_string()).collect(),
    }
}

const WORKLOADS: &[&str] = &[
    "Pod",
    "Deployment",
    "DaemonSet",
    "StatefulSet",
    "ReplicaSet",
    "ReplicationController",
    "Job",
    "CronJob",
];
const RBAC: &[&str] = &["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"];
const CONTROL_PLANE: &[&str] = &[
    "kube-apiserver",
    "kube-controller-manager",
    "kube-scheduler",
    "etcd",
];

/// The first word of a pod's container commands (`command`, else `args`).
fn pod_binaries(root: &Node) -> Vec<String> {
    let spec = root.get("spec");
    let containers = spec.and_then(|s| s.get("containers"));
    let mut out = Vec::new();
    for c in containers.map(Node::items).unwrap_or_default() {
        let cmd = c.get("command").or_else(|| c.get("args"));
        if let Some(first) = cmd.and_then(|c| c.items().first()).and_then(Node::as_str) {
            let binary = first.rsplit('/').next().unwrap_or(first);
            out.push(binary.to_string());
        }
    }
    out
}

fn object_family(root: &Node, api: &str, kind: &str) -> Family {
    let group = api.split('/').next().unwrap_or("");
    if group == "kind.x-k8s.io" {
        return family("kind", &["kind cluster", "kind kubeadmconfigpatches"]);
    }
    if group == "kops.k8s.io" {
        return family("kOps", &["kops"]);
    }
    if group == "eksctl.io" {
        return family("eksctl", &["eksctl"]);
    }
    if group.ends_with("cluster.x-k8s.io") {
        return family("Cluster API", &["cluster api", "capa"]);
    }
    if group.ends_with("projectcalico.org") {
        return family("Calico", &["calico"]);
    }
    if group == "cilium.io" {
        return family("Cilium", &["cilium"]);
    }
    if api == "v1alpha1" {
        return family("Talos", &["talos"]);
    }
    if kind == "Pod" {
        let binaries = pod_binaries(root);
        if binaries.iter().any(|b| b == "kubelet") {
            return family("kubelet flags", &["kubelet flags"]);
        }
        if binaries.iter().any(|b| CONTROL_PLANE.contains(&b.as_str())) {
            return family("static pod", &["static pod"]);
        }
    }
    let lower = kind.to_ascii_lowercase();
    if RBAC.contains(&kind) {
        return family(kind, &[&lower, "rbac"]);
    }
    if WORKLOADS.contains(&kind) {
        return family(kind, &[&lower, "workload"]);
    }
    family(kind, &[&lower])
}

fn document_family(path: &Path, doc: &Document) -> Option<Family> {
    let root = &doc.root;
    if root.get("AWSTemplateFormatVersion").is_some() || root.get("Resources").is_some() {
        return Some(family("CloudFormation", &["cloudformation"]));
    }
    if root.get("planned_values").is_some() || root.get("format_version").is_some() {
        return Some(family("Terraform plan JSON", &["plan json"]));
    }
    Some(match classify(root) {
        DocKind::Kubeadm { .. } => family("kubeadm", &["kubeadm"]),
        DocKind::KubeletConfiguration => family("KubeletConfiguration", &["kubeletconfiguration"]),
        DocKind::Butane => family("Butane", &["butane"]),
        DocKind::Ignition => family("Ignition", &["ignition"]),
        DocKind::Bottlerocket => family("Bottlerocket", &["bottlerocket"]),
        DocKind::TalosMachineConfig => family("Talos", &["talos"]),
        DocKind::OpenShiftInstallConfig => family("OpenShift", &["openshift"]),
        DocKind::Object { api_version, kind } => {
            let fam = object_family(root, &api_version, &kind);
            // A patch's flags are partial (its absences unknown); its objects are plain objects.
            let flags = fam.name == "static pod" || fam.name == "kubelet flags";
            if flags && is_kustomize_patch(path) {
                family("kustomize patch", &["kustomize"])
            } else {
                fam
            }
        }
        DocKind::Unknown => return None,
    })
}

/// A file a sibling `kustomization.yaml` names (a patch merged into a base).
fn is_kustomize_patch(path: &Path) -> bool {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let kustomization = path.with_file_name("kustomization.yaml");
    std::fs::read_to_string(kustomization).is_ok_and(|k| {
        k.lines()
            .any(|l| l.contains("patch") || l.trim_start().starts_with("- path"))
            && k.contains(&name)
    })
}

/// The family of the file holding a finding at byte `offset`.
fn family_of(path: &Path, offset: usize) -> Family {
    let text = std::fs::read_to_string(path).unwrap();
    let lossy = path.to_string_lossy();
    let ext = path.extension().map(|e| e.to_string_lossy().into_owned());
    let ext = ext.as_deref().unwrap_or("");
    match ext {
        "tf" | "tfvars" | "hcl" => return family("Terraform", &["terraform"]),
        "bu" => return family("Butane", &["butane"]),
        "ign" => return family("Ignition", &["ignition"]),
        // Bottlerocket user data is the only TOML input.
        "toml" => return family("Bottlerocket", &["bottlerocket"]),
        _ => {}
    }
    // Distribution files are recognised by where they live, as on a real host.
    for (dir, name, word) in [
        ("microk8s", "MicroK8s", "microk8s"),
        ("kubespray", "kubespray", "kubespray"),
        ("k3s", "k3s", "k3s"),
        ("rke2", "RKE2", "rke2"),
    ] {
        if lossy.split('/').any(|c| c == dir) {
            return family(name, &[word]);
        }
    }
    let docs: Vec<Document> = match ext {
        "json" | "ign" => parse::json::parse(&text).unwrap().into_iter().collect(),
        _ => parse::yaml::parse(&text).0,
    };
    let doc = docs
        .iter()
        .rev()
        .find(|d| d.root.span.start <= offset)
        .or(docs.first());
    doc.and_then(|d| document_family(path, d))
        .unwrap_or_else(|| panic!("{}: no input family known for this file", path.display()))
}

fn fixture_dirs() -> Vec<PathBuf> {
    let testdata = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(testdata)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() && !p.ends_with("hostile"))
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn every_page_names_the_input_families_its_rule_reads() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // rule id -> family name -> (words, one example file)
    let mut seen: BTreeMap<&str, BTreeMap<String, (Vec<String>, String)>> = BTreeMap::new();
    for dir in fixture_dirs() {
        let config = Config::load(&dir, &Overrides::default()).unwrap();
        let input = kube_harden::Input {
            paths: vec![dir.clone()],
            ..Default::default()
        };
        let outcome = kube_harden::scan(&input, &config);
        for f in &outcome.findings {
            let path = root.join(&f.file.path);
            let fam = family_of(&path, f.span.start);
            seen.entry(f.rule_id)
                .or_default()
                .entry(fam.name)
                .or_insert((fam.words, f.file.path.clone()));
        }
    }
    let mut missing = BTreeSet::new();
    for entry in REGISTRY {
        let doc = &entry.doc;
        let applies = doc.applies_to.join("\n").to_ascii_lowercase();
        for (name, (words, example)) in seen.get(doc.id).into_iter().flatten() {
            if !words.iter().any(|w| applies.contains(w.as_str())) {
                missing.insert(format!(
                    "{}: applies-to does not name {name} (it fires on {example}; page words: {})",
                    doc.id,
                    words.join(" | ")
                ));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "rule pages miss input families their rules read:\n{}",
        missing.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn the_families_are_told_apart() {
    // The classifier above must not lump everything into one family, or the test proves nothing.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
    let names = |p: &str| family_of(&root.join(p), 0).name;
    assert_eq!(names("C250/bad.tf"), "Terraform");
    assert_eq!(names("C208/kubelet-flags-absent-bad.yaml"), "kubelet flags");
    assert_eq!(
        names("C402/encryption-wildcard-bad.json"),
        "EncryptionConfiguration"
    );
    assert_eq!(names("N301/plan/plan.json"), "Terraform plan JSON");
}
