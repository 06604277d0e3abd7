//! Shared network-policy judgements: allow-all peers and rules, default-deny per namespace for
//! NetworkPolicy, Calico and Cilium policies.

use crate::facts::kube::{CalicoPolicy, CiliumPolicy, KubeFacts, NetPolicy, NpPeer};
use std::collections::HashMap;

/// Whether a NetworkPolicy rule peer admits everyone: `0.0.0.0/0`/`::/0` without `except`, or
/// an empty namespaceSelector without a (non-empty) podSelector.
pub fn np_peer_allow_all(peer: &NpPeer) -> Option<String> {
    match peer {
        NpPeer::IpBlock { cidr, except } => (crate::cidr::is_world(&cidr.value)
            && except.is_empty())
        .then(|| format!("ipBlock {} without except", cidr.value)),
        NpPeer::Selectors { pod, namespace, .. } => match (namespace, pod) {
            (Some(ns), p) if ns.is_empty() && p.as_ref().is_none_or(|p| p.is_empty()) => {
                Some("namespaceSelector {} (every pod of every namespace)".into())
            }
            _ => None,
        },
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Dir {
    Ingress,
    Egress,
}

impl Dir {
    pub fn name(self) -> &'static str {
        match self {
            Dir::Ingress => "ingress",
            Dir::Egress => "egress",
        }
    }
}

/// A NetworkPolicy isolates every pod of its namespace for `dir` and has no allow-all rule
/// there (the textbook default-deny has no rules at all).
pub fn np_default_deny(p: &NetPolicy, dir: Dir) -> bool {
    let (typed, rules) = match dir {
        Dir::Ingress => (p.ingress_type, &p.ingress),
        Dir::Egress => (p.egress_type, &p.egress),
    };
    typed
        && p.pod_selector.is_empty()
        && !rules.iter().any(|r| {
            r.allows_all()
                || (!r.has_ports && r.peers.iter().any(|x| np_peer_allow_all(x).is_some()))
        })
}

/// A Calico selector that selects every endpoint, or every endpoint outside some excluded
/// namespaces (only negated terms). Returns the namespaces it excludes.
pub fn calico_broad_selector(sel: Option<&str>) -> Option<Vec<String>> {
    let s = sel.unwrap_or("").trim();
    if s.is_empty() || s == "all()" {
        return Some(Vec::new());
    }
    let mut excluded = Vec::new();
    for term in s.split("&&").map(str::trim) {
        let negated = term.starts_with("!has(")
            || term.contains("not in")
            || (term.contains("!=") && !term.contains("=="));
        if !negated {
            return None;
        }
        if term.starts_with("projectcalico.org/namespace") && term.contains("not in") {
            excluded.extend(
                term.split(['{', '}', ','])
                    .skip(1)
                    .map(|v| v.trim().trim_matches(['\'', '"']).to_string())
                    .filter(|v| !v.is_empty()),
            );
        }
    }
    Some(excluded)
}

/// A Calico policy denies `dir` by default for namespace `ns`: it selects every endpoint there
/// and has no unconditional Allow for that direction.
pub fn calico_default_deny(p: &CalicoPolicy, dir: Dir, ns: &str) -> bool {
    (p.global || p.meta.namespace.as_deref() == Some(ns))
        && calico_deny_exclusions(p, dir).is_some_and(|excluded| !excluded.iter().any(|e| e == ns))
}

/// When a Calico policy denies `dir` by default wherever it applies (every namespace for a
/// global one, its own otherwise): the namespaces its selector leaves out. `None` when it
/// denies nothing by default.
fn calico_deny_exclusions(p: &CalicoPolicy, dir: Dir) -> Option<Vec<String>> {
    let (typed, rules) = match dir {
        Dir::Ingress => (p.ingress_type, &p.ingress),
        Dir::Egress => (p.egress_type, &p.egress),
    };
    if !typed || p.host_only {
        return None;
    }
    if p.global
        && !calico_broad_selector(p.namespace_selector.as_deref()).is_some_and(|ex| ex.is_empty())
    {
        return None;
    }
    let excluded = calico_broad_selector(p.selector.as_ref().map(|s| s.value.as_str()))?;
    if rules.iter().any(|r| calico_rule_allow_all(r).is_some()) {
        return None;
    }
    Some(excluded)
}

/// An Allow rule without any constraint on the peer: everything is allowed.
pub fn calico_rule_allow_all(r: &crate::facts::kube::CalicoRule) -> Option<String> {
    // ICMP-only or HTTP-matched rules are narrow whatever their ends say.
    let any_protocol = matches!(
        r.protocol.as_deref(),
        None | Some("tcp" | "udp" | "sctp" | "6" | "17" | "132")
    );
    if r.action != "Allow" || r.other || !any_protocol {
        return None;
    }
    let ends = [&r.source, &r.destination];
    if ends.iter().all(|e| e.unconstrained()) {
        return Some("an Allow rule with no source or destination".into());
    }
    for e in ends {
        if e.selector.is_none()
            && e.namespace_selector.is_none()
            && e.ports.is_empty()
            && !e.other
            && e.nets.iter().any(|n| crate::cidr::is_world(&n.value))
            && r.source.ports.is_empty()
            && r.destination.ports.is_empty()
        {
            let n = e.nets.iter().find(|n| crate::cidr::is_world(&n.value))?;
            return Some(format!("an Allow rule for nets {} on all ports", n.value));
        }
    }
    None
}

/// A Cilium policy denies `dir` by default for namespace `ns`.
pub fn cilium_default_deny(p: &CiliumPolicy, dir: Dir, ns: &str) -> bool {
    if p.node_selector.is_some() {
        return false;
    }
    if !p.clusterwide && p.meta.namespace.as_deref() != Some(ns) {
        return false;
    }
    if !p.endpoint_selector.as_ref().is_some_and(|s| s.is_empty()) {
        return false;
    }
    let (present, dd, rules) = match dir {
        Dir::Ingress => (p.has_ingress, p.default_deny_ingress, &p.ingress),
        Dir::Egress => (p.has_egress, p.default_deny_egress, &p.egress),
    };
    present && dd != Some(false) && !rules.iter().any(|r| cilium_rule_allow_all(r).is_some())
}

/// A Cilium rule that admits everything: entity `all`, or a world CIDR on all ports.
pub fn cilium_rule_allow_all(r: &crate::facts::kube::CiliumRule) -> Option<String> {
    // `world` is everything outside the cluster, like a 0.0.0.0/0 ipBlock.
    if let Some(e) = r
        .entities
        .iter()
        .find(|e| matches!(e.value.as_str(), "all" | "world"))
    {
        if r.ports.is_empty() {
            return Some(format!("entity `{}` on all ports", e.value));
        }
    }
    let c = r.cidrs.iter().find(|c| crate::cidr::is_world(&c.value))?;
    r.ports
        .is_empty()
        .then(|| format!("CIDR {} on all ports", c.value))
}

/// Namespaces exempt from per-namespace default-deny: Kubernetes' own, and those of the Calico
/// operator, whose policies the operator itself creates at run time.
pub fn system_namespace(ns: &str) -> bool {
    matches!(
        ns,
        "kube-system"
            | "kube-public"
            | "kube-node-lease"
            | "calico-system"
            | "calico-apiserver"
            | "tigera-operator"
    )
}

/// Whether any policy of this file set isolates namespace `ns` for `dir`.
pub fn namespace_denied<'a>(
    all: impl Iterator<Item = &'a KubeFacts> + Clone,
    ns: &str,
    dir: Dir,
) -> bool {
    all.clone()
        .flat_map(|k| &k.net_policies)
        .any(|p| p.meta.namespace.as_deref() == Some(ns) && np_default_deny(p, dir))
        || all
            .clone()
            .flat_map(|k| &k.calico_policies)
            .any(|p| calico_default_deny(p, dir, ns))
        || all
            .flat_map(|k| &k.cilium_policies)
            .any(|p| cilium_default_deny(p, dir, ns))
}

/// The policies of a file set by the namespace they can isolate, so asking about every
/// namespace of a large scan is not quadratic: [`DenyIndex::denied`] answers what
/// [`namespace_denied`] answers, looking only at the namespace's own policies and the
/// cluster-wide ones.
#[derive(Default)]
pub struct DenyIndex<'a> {
    net: HashMap<&'a str, Vec<&'a NetPolicy>>,
    calico: HashMap<&'a str, Vec<&'a CalicoPolicy>>,
    /// Each global Calico policy judged once: per direction, the namespaces left out by each
    /// one that denies by default.
    calico_global_ingress: Vec<Vec<String>>,
    calico_global_egress: Vec<Vec<String>>,
    cilium: HashMap<&'a str, Vec<&'a CiliumPolicy>>,
    cilium_clusterwide: Vec<&'a CiliumPolicy>,
}

impl<'a> DenyIndex<'a> {
    pub fn new(all: impl Iterator<Item = &'a KubeFacts>) -> DenyIndex<'a> {
        let mut ix = DenyIndex::default();
        for k in all {
            for p in &k.net_policies {
                if let Some(ns) = p.meta.namespace.as_deref() {
                    ix.net.entry(ns).or_default().push(p);
                }
            }
            for p in &k.calico_policies {
                if p.global {
                    ix.calico_global_ingress
                        .extend(calico_deny_exclusions(p, Dir::Ingress));
                    ix.calico_global_egress
                        .extend(calico_deny_exclusions(p, Dir::Egress));
                } else if let Some(ns) = p.meta.namespace.as_deref() {
                    ix.calico.entry(ns).or_default().push(p);
                }
            }
            for p in &k.cilium_policies {
                if p.clusterwide {
                    ix.cilium_clusterwide.push(p);
                } else if let Some(ns) = p.meta.namespace.as_deref() {
                    ix.cilium.entry(ns).or_default().push(p);
                }
            }
        }
        ix
    }

    /// Whether any policy isolates namespace `ns` for `dir` (as [`namespace_denied`]).
    pub fn denied(&self, ns: &str, dir: Dir) -> bool {
        self.net
            .get(ns)
            .into_iter()
            .flatten()
            .any(|p| np_default_deny(p, dir))
            || self
                .calico
                .get(ns)
                .into_iter()
                .flatten()
                .any(|p| calico_default_deny(p, dir, ns))
            || match dir {
                Dir::Ingress => &self.calico_global_ingress,
                Dir::Egress => &self.calico_global_egress,
            }
            .iter()
            .any(|excluded| !excluded.iter().any(|e| e == ns))
            || self
                .cilium
                .get(ns)
                .into_iter()
                .flatten()
                .chain(&self.cilium_clusterwide)
                .any(|p| cilium_default_deny(p, dir, ns))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::yaml_facts as facts;
    use crate::facts::FileFacts;

    #[test]
    fn textbook_default_deny_and_allow_all() {
        let f = facts(
            "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: d, namespace: a}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n",
        );
        let p = &f.kube.net_policies[0];
        assert!(np_default_deny(p, Dir::Ingress) && np_default_deny(p, Dir::Egress));
        let f = facts(
            "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: d, namespace: a}\nspec:\n  podSelector: {}\n  ingress:\n    - {}\n",
        );
        let p = &f.kube.net_policies[0];
        assert!(p.ingress[0].allows_all());
        assert!(!np_default_deny(p, Dir::Ingress));
        // policyTypes defaults to [Ingress] without egress rules.
        assert!(!p.egress_type);
    }

    #[test]
    fn calico_selectors() {
        assert_eq!(calico_broad_selector(Some("all()")), Some(vec![]));
        assert_eq!(calico_broad_selector(None), Some(vec![]));
        assert_eq!(
            calico_broad_selector(Some(
                "projectcalico.org/namespace not in {'kube-system', \"calico-system\"}"
            )),
            Some(vec!["kube-system".to_string(), "calico-system".to_string()])
        );
        assert_eq!(calico_broad_selector(Some("app == 'web'")), None);
    }

    /// The index answers what the linear scan answers, for namespaced, global Calico and
    /// cluster-wide Cilium policies and for namespaces without any policy.
    #[test]
    fn deny_index_matches_linear_scan() {
        let docs = [
            "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: d, namespace: a}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n",
            "apiVersion: crd.projectcalico.org/v1\nkind: GlobalNetworkPolicy\nmetadata: {name: g}\nspec:\n  selector: all()\n  namespaceSelector: all()\n  types: [Egress]\n",
            "apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata: {name: c, namespace: b}\nspec:\n  selector: all()\n  types: [Ingress, Egress]\n",
            "apiVersion: cilium.io/v2\nkind: CiliumClusterwideNetworkPolicy\nmetadata: {name: w}\nspec:\n  endpointSelector: {}\n  ingress:\n    - fromEndpoints: [{matchLabels: {app: x}}]\n",
        ];
        let facts: Vec<FileFacts> = docs.iter().map(|d| facts(d)).collect();
        let all = || facts.iter().map(|f| &f.kube);
        let index = DenyIndex::new(all());
        for ns in ["a", "b", "c", ""] {
            for dir in [Dir::Ingress, Dir::Egress] {
                assert_eq!(
                    index.denied(ns, dir),
                    namespace_denied(all(), ns, dir),
                    "{ns} {dir:?}"
                );
            }
        }
    }
}
