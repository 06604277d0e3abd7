//! Kubernetes objects: a pod that runs flannel as its pod network (a raw `kube-flannel.yml`
//! applied to a kubeadm cluster), and objects that install a NetworkPolicy engine.
//!
//! Flannel has no NetworkPolicy controller: its README (flannel-io/flannel) says it only moves
//! traffic between hosts and leaves network policy to other projects such as Calico (canal). Images are
//! recognised by their repository's last path segment (`docker.io/flannel/flannel`,
//! `ghcr.io/flannel-io/flannel`, `quay.io/coreos/flannel`, Rancher's `mirrored-*-flannel`);
//! `flannel-cni-plugin` only copies the CNI binary. A pod that also runs an engine (canal:
//! calico-node beside kube-flannel) records only the engine.

use super::{engine, engine_chart, network, repository};
use crate::extract::distro::common::templated;
use crate::facts::kube::Meta;
use crate::facts::{FileFacts, Located};
use crate::parse::Node;

/// Reads one object (already unpacked from a `List`).
pub fn object(root: &Node, meta: &Meta, facts: &mut FileFacts) {
    let group = meta.api_version.split('/').next().unwrap_or("");
    let chart = |path: &[&str]| {
        root.path(path)
            .filter(|c| c.as_str().is_some_and(engine_chart))
    };
    let found = match (group, meta.kind.as_str()) {
        ("operator.tigera.io", "Installation") => Some(meta.kind_span),
        ("operator.antrea.vmware.com", "AntreaInstall") => Some(meta.kind_span),
        ("helm.cattle.io", "HelmChart") => chart(&["spec", "chart"]).map(|c| c.span),
        ("helm.toolkit.fluxcd.io", "HelmRelease") => {
            chart(&["spec", "chart", "spec", "chart"]).map(|c| c.span)
        }
        ("argoproj.io", "Application") => chart(&["spec", "source", "chart"])
            .or_else(|| {
                root.path(&["spec", "sources"])
                    .map(Node::items)
                    .unwrap_or(&[])
                    .iter()
                    .filter_map(|s| s.get("chart"))
                    .find(|c| c.as_str().is_some_and(engine_chart))
            })
            .map(|c| c.span),
        _ => {
            pod(root, meta, facts);
            None
        }
    };
    if let Some(span) = found {
        engine(facts, meta.display(), span);
    }
}

/// What an engine's image is, by its repository path (`containers[]` only: init containers
/// install binaries and run nothing).
fn engine_image(repo: &[String], container: &Node) -> Option<&'static str> {
    let last = repo.last()?.as_str();
    let prev = repo
        .len()
        .checked_sub(2)
        .and_then(|i| repo.get(i))
        .map(String::as_str);
    Some(match (prev, last) {
        (Some("calico"), "node") | (_, "cnx-node") => "calico-node",
        (Some("tigera"), "operator") => "the tigera-operator (it installs Calico)",
        (_, "cilium") => "the Cilium agent",
        // kube-router's policy controller is on unless `--run-firewall=false`.
        (_, "kube-router") if flag(container, "run-firewall") != Some(false) => "kube-router",
        (_, "weave-npc") => "weave-npc",
        (_, "kube-network-policies") => "kube-network-policies",
        (_, "kube-ovn") => "Kube-OVN",
        (_, l) if l.starts_with("antrea-agent") || l == "antrea-ubuntu" => "the Antrea agent",
        // The VPC CNI's agent enforces only with `--enable-network-policy=true`.
        (_, "aws-network-policy-agent")
            if flag(container, "enable-network-policy") == Some(true) =>
        {
            "the AWS network policy agent"
        }
        _ => return None,
    })
}

fn is_flannel(repo: &[String]) -> bool {
    repo.last()
        .is_some_and(|l| l == "flannel" || l.starts_with("mirrored-") && l.ends_with("-flannel"))
}

/// A boolean `--name=value` in the container's command or args (Go's `strconv.ParseBool`
/// spellings), the last one winning; `None` when absent or not a boolean.
fn flag(container: &Node, name: &str) -> Option<bool> {
    let prefix = format!("--{name}=");
    let words: Vec<&str> = ["command", "args"]
        .iter()
        .flat_map(|k| container.get(k).map(Node::items).unwrap_or(&[]))
        .filter_map(Node::as_str)
        .collect();
    words
        .into_iter()
        .rev()
        .filter_map(|s| s.trim().strip_prefix(&prefix))
        .map(crate::facts::go_bool)
        .next()
        .flatten()
}

fn pod(root: &Node, meta: &Meta, facts: &mut FileFacts) {
    let Some(path) = crate::extract::kube::workload::pod_path(&meta.kind) else {
        return;
    };
    let Some(spec) = root.path(path).and_then(|p| p.get("spec")) else {
        return;
    };
    let mut flannel: Option<(&Node, &str)> = None;
    let mut engines = Vec::new();
    for c in spec.get("containers").map(Node::items).unwrap_or(&[]) {
        let Some(node) = c.get("image") else { continue };
        let Some(image) = node.as_str().filter(|i| !templated(i)) else {
            continue;
        };
        let repo = repository(image);
        if let Some(what) = engine_image(&repo, c) {
            engines.push((what, node.span));
        } else if is_flannel(&repo) && flannel.is_none() {
            flannel = Some((node, image));
        }
    }
    let shown = meta.display();
    if !engines.is_empty() {
        for (what, span) in engines {
            engine(facts, format!("{shown} runs {what}"), span);
        }
        return;
    }
    if let Some((node, image)) = flannel {
        network(
            facts,
            shown,
            "image",
            Located::at(image.to_string(), node.span),
            format!("runs flannel ({image}), which has no NetworkPolicy controller"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::yaml_facts as read;

    const DS: &str = "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: ds\n  namespace: kube-system\nspec:\n  template:\n    spec:\n      initContainers:\n        - name: cni\n          image: ghcr.io/flannel-io/flannel-cni-plugin:v1.5.1\n      containers:\n";

    #[test]
    fn flannel_alone_and_in_canal() {
        let alone = read(&format!(
            "{DS}        - name: kube-flannel\n          image: docker.io/flannel/flannel:v0.26.1\n"
        ));
        let n = &alone.installer.pod_networks;
        assert_eq!(n.len(), 1);
        assert_eq!(n[0].distro, "DaemonSet kube-system/ds");
        assert!(n[0].beside);
        let canal = read(&format!("{DS}        - name: calico-node\n          image: docker.io/calico/node:v3.28.0\n        - name: kube-flannel\n          image: quay.io/coreos/flannel:v0.15.1\n"));
        assert!(canal.installer.pod_networks.is_empty());
        assert_eq!(canal.installer.policy_engines.len(), 1);
        // Only the CNI plugin binary: no pod network.
        let plugin = read(&format!(
            "{DS}        - name: x\n          image: ghcr.io/flannel-io/flannel-cni-plugin:v1.5.1\n"
        ));
        assert!(plugin.installer.pod_networks.is_empty());
    }

    #[test]
    fn kube_router_firewall_flag() {
        let on = read(&format!("{DS}        - name: kube-router\n          image: cloudnativelabs/kube-router\n          args: [--run-router=true]\n"));
        assert_eq!(on.installer.policy_engines.len(), 1);
        let off = read(&format!("{DS}        - name: kube-router\n          image: cloudnativelabs/kube-router\n          args: [--run-firewall=false]\n"));
        assert!(off.installer.policy_engines.is_empty());
    }

    #[test]
    fn installers() {
        let flux = read("apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: cilium\nspec:\n  chart:\n    spec:\n      chart: cilium\n");
        assert_eq!(flux.installer.policy_engines.len(), 1);
        let tigera = read(
            "apiVersion: operator.tigera.io/v1\nkind: Installation\nmetadata:\n  name: default\n",
        );
        assert_eq!(tigera.installer.policy_engines.len(), 1);
        let other = read("apiVersion: helm.cattle.io/v1\nkind: HelmChart\nmetadata:\n  name: x\nspec:\n  chart: ingress-nginx\n");
        assert!(other.installer.policy_engines.is_empty());
    }
}
