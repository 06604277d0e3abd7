//! Distributions' and installers' own config files, lowered into the shared facts (so the
//! control-plane, firewall and managed-cluster rules apply with each distribution's defaults)
//! and into `DistroConfig` / installer facts (for the rules that read the distribution's own
//! keys): k3s, RKE2, kubespray, MicroK8s and kind here; Talos, kOps, eksctl and OpenShift
//! install-config through the document dispatcher (`extract::document`). Recognition is by
//! path plus content for files without `apiVersion`/`kind` (k3s/RKE2 `config.yaml`, kubespray
//! inventories, MicroK8s args files) and by `apiVersion`/`kind` (or a distinctive key set)
//! otherwise.
//!
//! A distribution that merges several files (k3s/RKE2 drop-ins, kubespray's variable
//! precedence) is judged per file: each file reports only what it sets and no later file of
//! its set overrides, and an absence is judged only where the whole set is in view.

pub mod common;
pub mod eksctl;
pub mod kind;
pub mod kops;
pub mod kubespray;
pub mod microk8s;
pub mod openshift;
pub mod podnet;
pub mod rancher;
pub mod talos;

pub use common::templated;

use crate::facts::FileFacts;
use crate::parse::Document;
use std::path::Path;

/// Lowers the documents of a YAML file: a file a distribution owns by its path (k3s/RKE2
/// config, kubespray inventory) as that, else each document as usual, kind `Cluster`s with
/// their own fields and patches.
pub fn yaml_file(path: &Path, docs: &[Document], text: &str, facts: &mut FileFacts) {
    if distro_file(path, docs, text, facts) {
        return;
    }
    for doc in docs {
        super::document(doc, text, facts);
        let root = &doc.root;
        if let (Some(api), Some(k)) = (root.get_str("apiVersion"), root.get_str("kind")) {
            if kind::is_kind_cluster(api, k) {
                kind::extract(root, text, facts);
            }
        }
    }
}

/// A file a distribution owns by its path; `false` when it is none of them.
fn distro_file(path: &Path, docs: &[Document], text: &str, facts: &mut FileFacts) -> bool {
    let [doc] = docs else { return false };
    if microk8s::launch(&doc.root, facts) {
        return true;
    }
    if let Some(at) = rancher::recognise(path) {
        return rancher::extract(&at, &doc.root, text, facts);
    }
    if let Some(at) = kubespray::recognise(path) {
        return kubespray::extract(&at, &doc.root, facts);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Component;

    fn taken(path: &str, text: &str) -> bool {
        let (docs, _) = crate::parse::yaml::parse(text);
        let mut facts = FileFacts::default();
        distro_file(Path::new(path), &docs, text, &mut facts)
    }

    /// A `config.yaml` is a k3s/RKE2 config only under `rancher/{k3s,rke2}/` and with a key of
    /// theirs; group_vars only with a kubespray variable.
    #[test]
    fn lookalikes_are_not_taken() {
        let k3s = "write-kubeconfig-mode: \"0644\"\ntoken: abc\n";
        assert!(taken("/r/etc/rancher/k3s/config.yaml", k3s));
        assert!(taken("/r/etc/rancher/rke2/config.yaml.d/10-a.yaml", k3s));
        assert!(!taken("/r/config.yaml", k3s));
        assert!(!taken("/r/app/k3s/config.yaml", k3s));
        assert!(!taken("/r/rancher/k3s/other.yaml", k3s));
        assert!(!taken("/r/rancher/k3s/config.yaml.d/notes.txt", k3s));
        assert!(!taken(
            "/r/rancher/k3s/config.yaml",
            "apiVersion: v1\nkind: ConfigMap\ntoken: x\n"
        ));
        assert!(!taken(
            "/r/rancher/k3s/config.yaml",
            "logLevel: debug\nport: 8080\n"
        ));
        assert!(!taken("/r/rancher/k3s/config.yaml", "- a\n- b\n"));
        let ks = "kube_network_plugin: calico\n";
        assert!(taken(
            "/i/inventory/x/group_vars/k8s_cluster/k8s-cluster.yml",
            ks
        ));
        assert!(taken("/i/inventory/x/group_vars/all.yml", ks));
        assert!(!taken(
            "/k/roles/kubespray_defaults/defaults/main/main.yml",
            ks
        ));
        assert!(!taken(
            "/i/inventory/x/group_vars/all/all.yml",
            "ntp_enabled: true\n"
        ));
        assert!(!taken("/i/vars/main.yml", ks));
        assert!(!taken("/i/group_vars/a/b/c/deep.yml", ks));
    }

    #[test]
    fn microk8s_launch_configs_by_content() {
        let l = "version: 0.1.0\naddons:\n  - name: rbac\n";
        assert!(taken("/any/where.yaml", l));
        assert!(!taken("/a.yaml", "version: 0.1.0\nname: x\n"));
        assert!(!taken("/a.yaml", "version: 1.2.0\naddons: []\n"));
        assert!(!taken("/a.yaml", "version: v1alpha1\nmachine: {}\n"));
        assert!(!taken("/a.yaml", "variant: fcos\nversion: 1.5.0\n"));
    }

    #[test]
    fn microk8s_args_files_by_path() {
        let c = |p: &str| microk8s::component_of(Path::new(p));
        assert_eq!(c("/s/args/kube-apiserver"), Some(Component::ApiServer));
        assert_eq!(c("/s/default-args/kubelet"), Some(Component::Kubelet));
        assert_eq!(c("/s/bin/kube-apiserver"), None);
        assert_eq!(c("/s/args/kube-apiserver.yaml"), None);
        assert_eq!(c("/s/args/containerd"), None);
        let mut f = FileFacts::default();
        assert!(!microk8s::extract(
            Component::Kubelet,
            "#!/bin/sh\nexec kubelet\n",
            &mut f
        ));
        assert!(microk8s::extract(
            Component::Kubelet,
            "--a=b # c\n\n# d\n--e\n",
            &mut f
        ));
        let s = &f.components[0].settings;
        assert_eq!(
            (s[0].value.as_deref(), s[1].value.as_deref()),
            (Some("b"), None)
        );
    }

    /// Items keep their own spans; `+`/`-` suffixes add to the distribution's own list.
    #[test]
    fn arg_items_and_affixes() {
        let text = "cluster-init: true\nkube-apiserver-arg:\n  - \"enable-admission-plugins+=AlwaysPullImages\"\n  - --profiling=true\n";
        let (docs, _) = crate::parse::yaml::parse(text);
        let mut f = FileFacts::default();
        assert!(distro_file(
            Path::new("/r/rancher/k3s/config.yaml"),
            &docs,
            text,
            &mut f
        ));
        let api = f
            .components
            .iter()
            .find(|c| c.component == Component::ApiServer)
            .unwrap();
        let adm = api.get("enable-admission-plugins").unwrap();
        assert_eq!(
            adm.value.as_deref(),
            Some("NodeRestriction,AlwaysPullImages")
        );
        let p = api.get("profiling").unwrap();
        assert_eq!(&text[p.value_span.start..p.value_span.end], "true");
        assert_eq!(&text[p.span.start..p.span.end], "--profiling=true");
    }

    /// Odd shapes (lists, maps, nulls, binary tags, wrong types) never panic.
    #[test]
    fn odd_input_never_panics() {
        let odd = [
            "- a\n- b\n",
            "kube-apiserver-arg: {a: 1}\nkubelet-arg: [[x], \"\", \"=\", \"--\", \"-=v\", \"a+=\", \"\u{e9}=\u{fc}\"]\ntoken: [1]\nwrite-kubeconfig-mode: 99999999999\ndatastore-endpoint: \"mysql://@@:\"\n",
            "kube_api_anonymous_auth: [ {a: b} ]\nkube_profiling: !!binary aGk=\nkubernetes_audit: ~\n",
            "version: 0.1.0\naddons: [1, {name: [x]}]\nextraKubeAPIServerArgs: [1]\nextraKubeletArgs: {--a: [b], 3: c, --d: ~}\n",
            "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnetworking: [1]\nkubeadmConfigPatches: [1, {a: b}, \"kind: ClusterConfiguration\\napiServer: [x]\"]\nnodes: [{extraPortMappings: [1, {listenAddress: [x]}]}, 3]\n",
        ];
        for text in odd {
            for path in [
                "/r/etc/rancher/k3s/config.yaml",
                "/r/etc/rancher/rke2/config.yaml.d/a.yaml",
                "/i/group_vars/k8s_cluster/k8s-cluster.yml",
                "/k/kind.yaml",
            ] {
                let (docs, _) = crate::parse::yaml::parse(text);
                let mut facts = FileFacts::default();
                yaml_file(Path::new(path), &docs, text, &mut facts);
            }
            let mut facts = FileFacts::default();
            microk8s::extract(Component::ApiServer, text, &mut facts);
        }
    }
}
