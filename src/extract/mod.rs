//! Extraction: classified documents in, normalised facts out. One module per input kind.

pub mod bottlerocket;
pub mod capi;
pub mod embedded;
pub mod encryption;
pub mod flags;
pub mod hostconf;
pub mod ignition;
pub mod inflate;
pub mod kube;
pub mod kubeadm;
pub mod kubelet;
pub mod nodes;
pub mod objects;
pub mod static_pod;
pub mod template;
pub mod terraform;
pub mod written;

use crate::classify::{classify, classify_toml, DocKind};
use crate::facts::FileFacts;
use crate::parse::{hcl::Body, Document, Node};

/// Lowers one YAML or JSON document into facts.
pub fn document(doc: &Document, text: &str, facts: &mut FileFacts) {
    let root = &doc.root;
    if terraform::plan::is_plan(root) {
        terraform::plan::extract(root, facts);
        return;
    }
    match classify(root) {
        DocKind::Kubeadm { kind, version } => kubeadm::extract(root, &kind, version, text, facts),
        DocKind::KubeletConfiguration => kubelet::extract_config(root, facts),
        DocKind::Object { api_version, kind } => {
            objects::scope(root, facts);
            if kind == "Pod" {
                static_pod::extract(root, text, facts);
            }
            control_plane_objects(root, &kind, facts);
            kube::extract(root, &api_version, &kind, text, facts);
            if kind == "ClusterConfig"
                && root
                    .get_str("apiVersion")
                    .is_some_and(|a| a.starts_with("eksctl.io/"))
            {
                bottlerocket::eksctl(root, facts);
            }
        }
        DocKind::Butane => ignition::extract(root, ignition::Dialect::Butane, text, facts),
        DocKind::Ignition => ignition::extract(root, ignition::Dialect::Ignition, text, facts),
        DocKind::Bottlerocket | DocKind::Unknown => {}
    }
}

/// Control-plane pack: Cluster API kubeadm objects, encryption configs, legacy token Secrets.
fn control_plane_objects(root: &Node, kind: &str, facts: &mut FileFacts) {
    match kind {
        "KubeadmControlPlane" | "KubeadmConfig" | "KubeadmConfigTemplate" => {
            capi::extract(root, kind, facts)
        }
        "EncryptionConfiguration" | "EncryptionConfig" => encryption::extract(root, facts),
        "AuthenticationConfiguration" => encryption::authentication(root, facts),
        "Secret" => {
            if let Some(t) = root
                .get("type")
                .filter(|t| t.as_str() == Some("kubernetes.io/service-account-token"))
            {
                facts.legacy_token_secrets.push(t.span);
            }
        }
        _ => {}
    }
}

/// Lowers a TOML document into facts.
pub fn toml_document(doc: &Document, facts: &mut FileFacts) {
    if classify_toml(&doc.root) == DocKind::Bottlerocket {
        bottlerocket::extract(&doc.root, facts);
    }
}

/// Lowers a Terraform file into facts.
pub fn terraform(body: &Body, text: &str, facts: &mut FileFacts) {
    terraform::extract(body, text, facts);
}

/// Lowers a Terraform file into facts, resolving variables and locals from the other files of
/// its directory (its module). `modules` is the scan's cache of module directories.
pub fn terraform_file(
    modules: &terraform::ModuleCache,
    text: &str,
    path: &std::path::Path,
    shown: &str,
    var_files: &[std::path::PathBuf],
    facts: &mut FileFacts,
) -> Result<(), crate::parse::ParseError> {
    terraform::extract_file(modules, text, path, shown, var_files, facts)
}
