//! Extraction: classified documents in, normalised facts out. One module per input kind.

pub mod audit;
pub mod bottlerocket;
pub mod capa;
pub mod capi;
pub mod cloudformation;
pub mod cni;
pub mod distro;
pub mod embedded;
pub mod encryption;
pub mod flags;
pub mod hostconf;
pub mod ignition;
pub mod inflate;
pub mod kube;
pub mod kubeadm;
pub mod kubelet;
pub mod kustomize;
pub mod nodes;
pub mod objects;
pub mod static_pod;
pub mod terraform;
pub mod written;

use crate::classify::{classify, classify_toml, DocKind};
use crate::facts::{DocFormat, EmbeddedDoc, FileFacts, Want};
use crate::parse::{hcl::Body, Document, Node};

/// Lowers one YAML or JSON document into facts, with the documents embedded in it.
pub fn document(doc: &Document, text: &str, facts: &mut FileFacts) {
    lower_document(doc, text, facts);
    read_embedded(facts);
}

fn lower_document(doc: &Document, text: &str, facts: &mut FileFacts) {
    let root = &doc.root;
    if terraform::plan::is_plan(root) {
        terraform::plan::extract(root, facts);
        return;
    }
    if cloudformation::is_template(root) {
        cloudformation::extract(doc, text, facts);
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
            if kind == "Policy" && api_version.starts_with("audit.k8s.io/") {
                audit::policy(root, nodes::kind_span(root), "audit Policy", facts);
            }
            kube::extract(root, &api_version, &kind, text, facts);
            if distro::kops::is_kops(&api_version) {
                distro::kops::extract(root, &kind, text, facts);
            }
            if api_version == "v1alpha1" {
                distro::talos::extra_document(root, &kind, facts);
            }
            if kind == "ClusterConfig"
                && root
                    .get_str("apiVersion")
                    .is_some_and(|a| a.starts_with("eksctl.io/"))
            {
                bottlerocket::eksctl(root, facts);
                distro::eksctl::extract(root, facts);
                distro::eksctl::addons(root, text, facts);
            }
        }
        DocKind::Butane => ignition::extract(root, ignition::Dialect::Butane, text, facts),
        DocKind::Ignition => ignition::extract(root, ignition::Dialect::Ignition, text, facts),
        DocKind::TalosMachineConfig => distro::talos::machine_config(root, facts),
        DocKind::OpenShiftInstallConfig => distro::openshift::install_config(root, facts),
        DocKind::Bottlerocket | DocKind::Unknown => {}
    }
}

/// Reads the documents recorded in `facts.embedded_docs` (and those embedded in them in turn)
/// and moves their facts into the outer file.
fn read_embedded(facts: &mut FileFacts) {
    for doc in std::mem::take(&mut facts.embedded_docs) {
        let inner = embedded_facts(&doc);
        match doc.want {
            Want::ComponentFiles => {
                facts.components.extend(inner.components);
                facts.audit_policies.extend(inner.audit_policies);
            }
            Want::AuditPolicy => facts.audit_policies.extend(inner.audit_policies),
            _ => facts.append(inner),
        }
    }
}

/// The facts of one embedded document, with spans in the outer file. Text that does not parse
/// to the end (a template) keeps what did.
fn embedded_facts(doc: &EmbeddedDoc) -> FileFacts {
    let mut facts = FileFacts::default();
    let text = doc.text.text.as_str();
    match doc.format {
        DocFormat::Yaml => {
            for d in &crate::parse::yaml::parse(text).0 {
                if wanted(doc.want, &classify(&d.root)) {
                    document(d, text, &mut facts);
                }
            }
        }
        DocFormat::Json => {
            if let Ok(Some(d)) = crate::parse::json::parse(text) {
                if wanted(doc.want, &classify(&d.root)) {
                    document(&d, text, &mut facts);
                }
            }
        }
        DocFormat::Toml => {
            if let Ok(d) = crate::parse::toml::parse(text) {
                if wanted(doc.want, &classify_toml(&d.root)) {
                    toml_document(&d, &mut facts);
                }
            }
        }
    }
    facts.map_spans(&mut |s| doc.text.map(s));
    facts
}

/// Whether a document of kind `kind` counts for `want`.
fn wanted(want: Want, kind: &DocKind) -> bool {
    match want {
        Want::Ignition => *kind == DocKind::Ignition,
        Want::Butane => *kind == DocKind::Butane,
        Want::Bottlerocket => *kind == DocKind::Bottlerocket,
        Want::Kubeadm => matches!(kind, DocKind::Kubeadm { .. }),
        Want::ComponentFiles => match kind {
            DocKind::Kubeadm { .. } | DocKind::KubeletConfiguration => true,
            DocKind::Object { kind, .. } => kind == "Pod" || is_audit_policy(kind),
            _ => false,
        },
        Want::AuditPolicy => {
            matches!(kind, DocKind::Object { api_version, kind } if is_audit_policy(kind) && api_version.starts_with("audit.k8s.io/"))
        }
    }
}

fn is_audit_policy(kind: &str) -> bool {
    kind == "Policy"
}

/// Control-plane pack: Cluster API kubeadm objects, CAPA clusters, encryption configs, legacy
/// token Secrets.
fn control_plane_objects(root: &Node, kind: &str, facts: &mut FileFacts) {
    match kind {
        "KubeadmControlPlane" | "KubeadmConfig" | "KubeadmConfigTemplate" => {
            capi::extract(root, kind, facts)
        }
        "AWSCluster"
        | "AWSClusterTemplate"
        | "AWSManagedControlPlane"
        | "AWSManagedControlPlaneTemplate" => capa::extract(root, kind, facts),
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
    read_embedded(facts);
}

/// Lowers a Terraform file into facts.
pub fn terraform(body: &Body, text: &str, facts: &mut FileFacts) {
    terraform::extract(body, text, facts);
    read_embedded(facts);
}

/// Lowers a Terraform file into facts, resolving variables and locals from the other files of
/// its directory (its module). `modules` is the scan's cache of module directories; local
/// module sources are followed only inside `scan_root`. Returns what left the file not fully
/// scanned.
pub fn terraform_file(
    modules: &terraform::ModuleCache,
    text: &str,
    path: &std::path::Path,
    shown: &str,
    var_files: &[std::path::PathBuf],
    scan_root: &std::path::Path,
    facts: &mut FileFacts,
) -> Result<Vec<terraform::budget::Unscanned>, crate::parse::ParseError> {
    let result = terraform::extract_file(modules, text, path, shown, var_files, scan_root, facts);
    read_embedded(facts);
    result
}

/// The facts of a YAML text, every document lowered: what unit tests of extractors and rules
/// start from.
#[cfg(test)]
pub(crate) fn yaml_facts(text: &str) -> FileFacts {
    let (docs, _) = crate::parse::yaml::parse(text);
    let mut facts = FileFacts::default();
    for d in &docs {
        document(d, text, &mut facts);
    }
    facts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Component;
    use crate::parse::embedded::Embedded;
    use crate::source::Span;

    /// kind's `kubeadmConfigPatches`: kubeadm YAML in a literal block scalar of YAML.
    #[test]
    fn kubeadm_in_a_yaml_block_scalar() {
        let outer = "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nkubeadmConfigPatches:\n  - |\n    apiVersion: kubeadm.k8s.io/v1beta3\n    kind: ClusterConfiguration\n    apiServer:\n      extraArgs:\n        anonymous-auth: \"true\"\n        profiling: \"false\"\n";
        let (docs, _) = crate::parse::yaml::parse(outer);
        let patch = &docs[0].root.get("kubeadmConfigPatches").unwrap().items()[0];
        let doc = EmbeddedDoc {
            text: Embedded::scalar(patch, outer).unwrap(),
            format: DocFormat::Yaml,
            want: Want::Kubeadm,
        };
        let facts = embedded_facts(&doc);
        let api = facts
            .components
            .iter()
            .find(|c| c.component == Component::ApiServer)
            .unwrap();
        let at = |s: Span| &outer[s.start..s.end];
        let anon = api.get("anonymous-auth").unwrap();
        assert_eq!(at(anon.span), "anonymous-auth: \"true\"");
        assert_eq!(at(anon.value_span), "\"true\"");
        assert_eq!(at(api.get("profiling").unwrap().value_span), "\"false\"");
        assert_eq!(at(api.anchor), "apiServer");
        // The kubeadm document's own facts moved too.
        let k = &facts.kubeadm[0];
        assert_eq!(at(k.anchor), "ClusterConfiguration");
        assert!(outer[k.span.start..].starts_with("apiVersion: kubeadm"));
        // The document still holds its components (rules match them by containment).
        assert!(k.span.start <= api.anchor.start && api.anchor.end <= k.span.end);
        assert!(outer[..k.span.end].ends_with("\"false\""));
    }
}
