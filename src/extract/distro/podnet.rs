//! The pod network a distribution or installer config chooses, and whether it enforces
//! NetworkPolicy (CIS Kubernetes 5.3.1): k3s/RKE2 `config.yaml`, kubespray inventories, kOps
//! `Cluster`s. Each lowering calls in here with the entries it already judged effective (later
//! drop-ins and higher-precedence inventory files removed), so a value another file replaces
//! is never reported here. What each choice means was read in the distribution's own source:
//!
//! - k3s (`pkg/cli/cmds/server.go`: `flannel-backend` defaults to `vxlan`,
//!   `disable-network-policy` sets `DisableNPC`; `pkg/agent/run.go` runs the embedded
//!   kube-router policy controller only when `!DisableNPC`): flannel itself enforces nothing.
//! - RKE2 (rancher/rke2 @6ce1a80 `pkg/cli/defaults/defaults.go` forces `DisableNPC = true` and
//!   `pkg/cli/cmds/server.go` drops `disable-network-policy`; `cni` defaults to `canal`, a
//!   list or comma list with `multus` first; rancher/rke2-charts @262e21a
//!   `packages/rke2-flannel/generated-changes/patch/` removes the upstream chart's `netpol`
//!   container): `cni: flannel` has no policy controller at all.
//! - kubespray (@46dbdd3 `roles/kubespray_defaults/defaults/main/main.yml`:
//!   `kube_network_plugin: calico`; `roles/network_plugin/{flannel,macvlan}` deploy no policy
//!   controller; `roles/network_plugin/kube-router/defaults/main.yml`:
//!   `kube_router_run_firewall: true`, kube-router's `--run-firewall` is its policy
//!   controller; `cilium_deploy_additionally` adds Cilium beside any plugin).
//! - kOps (@268927e `pkg/apis/kops/networking.go` `UsesKubenet`: kubenet, gce, external and
//!   kopeio are kubenet-based; `docs/networking/aws-vpc.md` and the amazon-vpc add-on template,
//!   `--enable-network-policy=false`; the kindnet template passes `--network-policy` only when
//!   set, and kindnetd defaults it to true).
//! - Talos (docs.siderolabs.com, Kubernetes guides, "Flannel CNI"; machine config reference
//!   `cluster.network.cni`): flannel is the default CNI; from Talos 1.13 it enforces policies
//!   only with `cni.flannel.kubeNetworkPoliciesEnabled: true` (in 1.14 also a
//!   `KubeFlannelCNIConfig` document, which this lowering leaves undecided); `custom` and
//!   `none` bring the user's own CNI.

use super::common::templated;
use crate::facts::{FileFacts, Located, Place, PodNetwork};
use crate::parse::Node;

fn located(key: &Node, value: &Node) -> Option<Located<String>> {
    let text = value.as_str()?;
    (!templated(text))
        .then(|| Located::written(text.to_string(), key.span.cover(value.span), value.span))
}

/// Records a choice; callers with settings that take part add them to the returned `related`.
fn push<'f>(
    facts: &'f mut FileFacts,
    distro: &str,
    key: &str,
    value: Located<String>,
    enforces: Option<bool>,
    why: &str,
) -> &'f mut Vec<Place> {
    let networks = &mut facts.installer.pod_networks;
    networks.push(PodNetwork {
        distro: distro.to_string(),
        key: key.to_string(),
        value,
        enforces,
        why: why.to_string(),
        related: Vec::new(),
        beside: false,
    });
    &mut networks.last_mut().expect("just pushed").related
}

/// k3s: `disable-network-policy: true` while flannel stays the pod network. RKE2: `cni` whose
/// primary plugin is flannel. `effective` are this file's entries no later file replaces
/// (keys as written, `key+` appends), `elsewhere` the keys the other files of the set write.
pub fn rancher(
    rke2: bool,
    effective: &[&(&str, &Node, &Node)],
    elsewhere: &[String],
    facts: &mut FileFacts,
) {
    let last = |key: &str| {
        effective
            .iter()
            .rev()
            .find(|e| e.0 == key)
            .map(|e| (e.1, e.2))
    };
    if rke2 {
        // An appended `cni+` depends on the earlier files' list: not judged.
        if let Some((k, v)) = last("cni") {
            rke2_cni(k, v, facts);
        }
        return;
    }
    let Some(off) = last("disable-network-policy").and_then(|(k, v)| located(k, v)) else {
        return;
    };
    if crate::parse::yaml11_bool(&off.value) != Some(true) {
        return;
    }
    // The deprecated `no-flannel: true` is `flannel-backend: none` (a CNI the user brings).
    if last("no-flannel").is_some() || elsewhere.iter().any(|k| k == "no-flannel") {
        return;
    }
    let (backend, related) = match last("flannel-backend") {
        Some((k, v)) => {
            let Some(b) = located(k, v) else { return };
            if b.value == "none" {
                return;
            }
            let place = Place::new(
                None,
                b.span,
                format!(
                    "`flannel-backend: {}` keeps flannel as the pod network, which `{{value}}` leaves without policy enforcement",
                    b.value
                ),
            );
            (format!("flannel-backend: {}", b.value), vec![place])
        }
        None if elsewhere.iter().any(|k| k == "flannel-backend") => return,
        None => (
            "flannel-backend: vxlan, k3s' default".to_string(),
            Vec::new(),
        ),
    };
    let why = format!(
        "k3s' embedded network policy controller is off and flannel ({backend}) enforces no policies"
    );
    *push(
        facts,
        "k3s",
        "disable-network-policy",
        off,
        Some(false),
        &why,
    ) = related;
}

/// RKE2 `cni`: a string, a comma list or a list; `multus` may come first.
fn rke2_cni(key: &Node, value: &Node, facts: &mut FileFacts) {
    let items: Vec<&Node> = if value.is_seq() {
        value.items().iter().collect()
    } else {
        vec![value]
    };
    let mut chosen: Vec<(String, &Node)> = Vec::new();
    for item in items {
        let Some(text) = item.as_str() else { return };
        if templated(text) {
            return;
        }
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            if part != "multus" {
                chosen.push((part.to_string(), item));
            }
        }
    }
    let [(primary, item)] = chosen.as_slice() else {
        return;
    };
    let span = if value.is_seq() {
        item.span
    } else {
        key.span.cover(value.span)
    };
    let (enforces, why) = match primary.as_str() {
        "flannel" => (
            Some(false),
            "RKE2's flannel chart deploys no network policy controller and RKE2 always turns off k3s' own",
        ),
        "canal" | "calico" | "cilium" => (Some(true), ""),
        _ => (None, ""),
    };
    push(
        facts,
        "RKE2",
        "cni",
        Located::written(primary.clone(), span, item.span),
        enforces,
        why,
    );
}

/// kubespray `kube_network_plugin` (and kube-router's `kube_router_run_firewall`) in this file,
/// when no file of higher or equal precedence sets it (`live`). `elsewhere` says whether
/// another file of the inventory (or its host file) names a variable.
pub fn kubespray(
    entries: &[(&str, &Node, &Node)],
    live: &dyn Fn(&str) -> bool,
    elsewhere: &dyn Fn(&str) -> bool,
    facts: &mut FileFacts,
) {
    let here = |var: &str| {
        entries
            .iter()
            .rev()
            .find(|e| e.0 == var && live(var))
            .map(|e| (e.1, e.2))
    };
    let Some(plugin) = here("kube_network_plugin").and_then(|(k, v)| located(k, v)) else {
        return;
    };
    // Cilium deployed beside the plugin may enforce policies: not in view unless off here.
    let cilium = here("cilium_deploy_additionally")
        .map(|(_, v)| v.as_str().and_then(crate::parse::yaml11_bool));
    match cilium {
        Some(Some(false)) => {}
        Some(_) => return,
        None if elsewhere("cilium_deploy_additionally") => return,
        None => {}
    }
    let why = match plugin.value.as_str() {
        "flannel" => "kubespray's flannel deploys no network policy controller",
        "macvlan" => {
            "the macvlan plugin attaches pods to the host interface and enforces no policies"
        }
        "kube-router" => {
            if let Some(fw) = here("kube_router_run_firewall").and_then(|(k, v)| located(k, v)) {
                if crate::parse::yaml11_bool(&fw.value) == Some(false) {
                    push(
                        facts,
                        "kubespray",
                        "kube_router_run_firewall",
                        fw,
                        Some(false),
                        "kube-router (`kube_network_plugin: kube-router`) runs without its network policy controller",
                    )
                    .push(Place::new(
                        None,
                        plugin.span,
                        "`kube_network_plugin: kube-router` makes kube-router the pod network, whose policy controller `{value}` turns off",
                    ));
                    return;
                }
            }
            ""
        }
        "calico" | "cilium" | "kube-ovn" => "",
        _ => return,
    };
    let enforces = Some(why.is_empty());
    push(
        facts,
        "kubespray",
        "kube_network_plugin",
        plugin,
        enforces,
        why,
    );
}

/// kOps `spec.networking`: the provider key the cluster names.
pub fn kops(cluster: &str, networking: &Node, facts: &mut FileFacts) {
    for (k, _) in networking.entries() {
        let Some(provider) = k.as_str() else { continue };
        let (enforces, why) = match provider {
            "kubenet" => (
                Some(false),
                "kubenet is the kubelet's basic bridge network and enforces no policies",
            ),
            "gce" => (
                Some(false),
                "kOps' GCE IP-alias networking is built on kubenet and enforces no policies",
            ),
            "kopeio" => (
                Some(false),
                "kopeio networking is built on kubenet and only routes pod traffic",
            ),
            "classic" => (
                Some(false),
                "classic networking has no network plugin at all",
            ),
            "flannel" => (
                Some(false),
                "kOps' flannel add-on deploys no network policy controller",
            ),
            "amazonvpc" => (
                Some(false),
                "kOps deploys the Amazon VPC CNI with its network policy agent off",
            ),
            "calico" | "canal" | "cilium" | "weave" | "kuberouter" | "romana" | "kindnet" => {
                (Some(true), "")
            }
            "cni" | "external" | "lyftvpc" => (None, ""),
            _ => continue,
        };
        let who = if cluster.is_empty() {
            "kOps Cluster".to_string()
        } else {
            format!("kOps Cluster {cluster}")
        };
        push(
            facts,
            &who,
            &format!("spec.networking.{provider}"),
            Located::at(provider.to_string(), k.span),
            enforces,
            why,
        );
    }
}

/// Talos: a control-plane machine config deploys the CNI. `cluster.network.cni.name` absent or
/// `flannel` without `flannel.kubeNetworkPoliciesEnabled: true` enforces nothing. A worker's
/// copy of the setting is not the one applied, and a `KubeFlannelCNIConfig` document of the same
/// file ([`talos_flannel_document`]) leaves the answer open.
pub fn talos(cluster_key: &Node, cluster: &Node, facts: &mut FileFacts) {
    let network = cluster.get_entry("network");
    let cni = network.and_then(|(_, n)| n.get_entry("cni"));
    let name = cni.and_then(|(_, c)| c.get_entry("name"));
    let value = match name {
        Some((k, v)) => match located(k, v) {
            Some(l) if l.value == "flannel" => l,
            _ => return,
        },
        // Absent: Talos' default flannel, reported at the nearest key written
        // (`cluster.network.cni`, `cluster.network` or `cluster`).
        None => {
            let at = cni.or(network).map_or(cluster_key.span, |(k, _)| k.span);
            Located::written("flannel (the default)".to_string(), at, at)
        }
    };
    let policies = cni
        .and_then(|(_, c)| c.path(&["flannel", "kubeNetworkPoliciesEnabled"]))
        .and_then(Node::as_str);
    let enforces = match policies.map(crate::parse::yaml11_bool) {
        None => Some(false),
        Some(Some(on)) => Some(on),
        Some(None) => None,
    };
    push(
        facts,
        "Talos",
        "cluster.network.cni.name",
        value,
        enforces,
        "Talos' flannel enforces policies only with cluster.network.cni.flannel.kubeNetworkPoliciesEnabled: true (Talos 1.13+)",
    );
}

/// A `KubeFlannelCNIConfig` document (Talos 1.14+) configures flannel's policy support apart
/// from the machine config: the pod network of the file is then not decided here.
pub fn talos_flannel_document(root: &Node, facts: &mut FileFacts) {
    let at = root
        .get_entry("kind")
        .map_or(root.span, |(k, v)| k.span.cover(v.span));
    push(
        facts,
        "Talos",
        "KubeFlannelCNIConfig",
        Located::written("KubeFlannelCNIConfig".to_string(), at, at),
        None,
        "",
    );
}

#[cfg(test)]
mod tests {
    use crate::facts::FileFacts;

    /// What `rancher` records for a one-file config: (key, value, enforces).
    fn rancher(rke2: bool, text: &str, elsewhere: &[&str]) -> Vec<(String, String, Option<bool>)> {
        let (docs, _) = crate::parse::yaml::parse(text);
        let entries: Vec<(&str, &crate::parse::Node, &crate::parse::Node)> = docs[0]
            .root
            .entries()
            .iter()
            .filter_map(|(k, v)| Some((k.as_str()?, k, v)))
            .collect();
        let effective: Vec<&(&str, &crate::parse::Node, &crate::parse::Node)> =
            entries.iter().collect();
        let elsewhere: Vec<String> = elsewhere.iter().map(|s| s.to_string()).collect();
        let mut facts = FileFacts::default();
        super::rancher(rke2, &effective, &elsewhere, &mut facts);
        facts
            .installer
            .pod_networks
            .into_iter()
            .map(|n| (n.key, n.value.value, n.enforces))
            .collect()
    }

    #[test]
    fn rke2_primary_plugin() {
        let flannel = vec![("cni".to_string(), "flannel".to_string(), Some(false))];
        assert_eq!(rancher(true, "cni: flannel\n", &[]), flannel);
        assert_eq!(rancher(true, "cni: multus,flannel\n", &[]), flannel);
        assert_eq!(rancher(true, "cni: [multus, flannel]\n", &[]), flannel);
        assert_eq!(rancher(true, "cni: canal\n", &[])[0].2, Some(true));
        assert_eq!(rancher(true, "cni: none\n", &[])[0].2, None);
        // Two primary plugins are refused by RKE2; a template is unknown.
        assert!(rancher(true, "cni: [flannel, canal]\n", &[]).is_empty());
        assert!(rancher(true, "cni: \"{{ cni }}\"\n", &[]).is_empty());
        // RKE2 drops `disable-network-policy`.
        assert!(rancher(true, "disable-network-policy: true\n", &[]).is_empty());
    }

    #[test]
    fn k3s_flannel_without_policy_controller() {
        let off = "disable-network-policy: true\n";
        assert_eq!(rancher(false, off, &[])[0].2, Some(false));
        assert_eq!(
            rancher(
                false,
                "disable-network-policy: true\nflannel-backend: host-gw\n",
                &[]
            )[0]
            .2,
            Some(false)
        );
        assert!(rancher(
            false,
            "disable-network-policy: true\nflannel-backend: none\n",
            &[]
        )
        .is_empty());
        assert!(rancher(false, off, &["flannel-backend"]).is_empty());
        assert!(rancher(
            false,
            "disable-network-policy: true\nno-flannel: true\n",
            &[]
        )
        .is_empty());
        assert!(rancher(false, "disable-network-policy: false\n", &[]).is_empty());
        assert!(rancher(false, "flannel-backend: vxlan\n", &[]).is_empty());
    }
}
