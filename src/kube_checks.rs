//! Shared judgements over Kubernetes facts, used by several rules: RBAC grants, exemptions for
//! control-plane pods and network-plugin agents, sensitive host paths, and network-policy
//! isolation per namespace.

use crate::facts::kube::{
    CalicoPolicy, CiliumPolicy, KubeFacts, NetPolicy, NpPeer, RbacRule, Role, Spanned, Workload,
};

// ---------------------------------------------------------------- RBAC

/// An explicit grant: a rule naming `resource` with some of the wanted verbs.
pub struct Grant<'a> {
    pub rule: &'a RbacRule,
    pub resource: &'a Spanned,
    pub verbs: Vec<&'a str>,
}

/// ClusterRoles Kubernetes itself ships and reconciles; copies of them in a repo are not the
/// author's design.
pub fn builtin_role(role: &Role) -> bool {
    role.cluster
        && (role.meta.name.starts_with("system:")
            || matches!(
                role.meta.name.as_str(),
                "cluster-admin" | "admin" | "edit" | "view"
            ))
}

/// Reports every explicit grant of `verbs` on `targets` in the file's roles, at the resource
/// as written: the shared body of the single-permission RBAC rules (C223-C230).
pub fn report_grants(
    facts: &crate::facts::FileFacts,
    cx: &mut crate::rules::Cx,
    targets: &[(&str, &str)],
    verbs: &[&str],
) {
    for role in &facts.kube.roles {
        for g in explicit_grants(role, targets, verbs) {
            cx.report(
                g.resource.span,
                format!(
                    "{} grants {} on {}",
                    role.meta.display(),
                    g.verbs.join(", "),
                    g.resource.value
                ),
            );
        }
    }
}

/// Rules of `role` that name one of `targets` (`(api group, resource)`) with one of `verbs`.
/// Grants only through `*` (resource or verb) are left to the wildcard rule, and rules limited
/// by `resourceNames` are already scoped.
pub fn explicit_grants<'a>(
    role: &'a Role,
    targets: &[(&str, &str)],
    verbs: &[&str],
) -> Vec<Grant<'a>> {
    if builtin_role(role) {
        return Vec::new();
    }
    grants_in(role, targets, verbs)
}

/// [`explicit_grants`] without the built-in role exemption.
fn grants_in<'a>(role: &'a Role, targets: &[(&str, &str)], verbs: &[&str]) -> Vec<Grant<'a>> {
    let mut out = Vec::new();
    for rule in role.rules.iter().filter(|r| r.resource_names.is_empty()) {
        let granted: Vec<&str> = rule
            .verbs
            .iter()
            .map(|v| v.value.as_str())
            .filter(|v| verbs.contains(v))
            .collect();
        if granted.is_empty() {
            continue;
        }
        for res in &rule.resources {
            let hit = targets.iter().any(|(group, name)| {
                res.value == *name
                    && rule
                        .api_groups
                        .iter()
                        .any(|g| g.value == "*" || g.value == *group)
            });
            if hit {
                out.push(Grant {
                    rule,
                    resource: res,
                    verbs: granted.clone(),
                });
            }
        }
    }
    out
}

/// `(api group, resource)` pairs.
type Targets<'a> = &'a [(&'a str, &'a str)];

/// What is dangerous in a role, in a few words each (for aggregation messages).
pub fn dangerous_permissions(role: &Role) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |what: String| {
        if !out.contains(&what) {
            out.push(what)
        }
    };
    for rule in &role.rules {
        let wild = |l: &[Spanned]| l.iter().any(|s| s.value == "*");
        if rule.non_resource_urls.is_empty() && (wild(&rule.verbs) || wild(&rule.resources)) {
            push("wildcard permissions".into());
        }
    }
    let checks: &[(Targets, &[&str])] = &[
        (&[("", "secrets")], &["get", "list", "watch"]),
        (
            &[
                ("rbac.authorization.k8s.io", "roles"),
                ("rbac.authorization.k8s.io", "clusterroles"),
            ],
            &["bind", "escalate"],
        ),
        (
            &[("", "users"), ("", "groups"), ("", "serviceaccounts")],
            &["impersonate"],
        ),
        (
            &[("", "pods/exec"), ("", "pods/attach"), ("", "nodes/proxy")],
            &["get", "create"],
        ),
    ];
    for (targets, verbs) in checks {
        for g in grants_in(role, targets, verbs) {
            push(format!("{} {}", g.verbs.join("/"), g.resource.value));
        }
    }
    out
}

// ---------------------------------------------------------------- workloads

/// Node agents of network plugins and kube-proxy: they need host networking and privileges by
/// design, so host-level workload rules leave them alone. Matched on the image repository.
const NODE_AGENT_IMAGES: &[&str] = &[
    "calico/node",
    "calico/calico",
    "calico/cni",
    "calico/pod2daemon-flexvol",
    "calico/typha",
    "calico/kube-controllers",
    "tigera/operator",
    "cilium/cilium",
    "cilium/operator",
    "cilium/operator-generic",
    "cilium/operator-aws",
    "cilium/operator-azure",
    "cilium/startup-script",
    "kube-proxy",
    "flannel/flannel",
    "flannel/flannel-cni-plugin",
    "flannel-io/flannel",
    "flannelcni/flannel",
    "coreos/flannel",
    "amazon-k8s-cni",
    "amazon-k8s-cni-init",
    "weaveworks/weave-kube",
    "weaveworks/weave-npc",
];

fn image_repo(image: &str) -> &str {
    let no_digest = image.split('@').next().unwrap_or(image);
    // Drop a tag (a ':' after the last '/').
    match no_digest.rfind(':') {
        Some(i) if !no_digest[i..].contains('/') => &no_digest[..i],
        _ => no_digest,
    }
}

/// Whether a workload is a recognised network-plugin or kube-proxy node agent, or a CSI node
/// plugin (recognised by its node-driver-registrar sidecar): these need host access by design.
pub fn node_agent(w: &Workload) -> bool {
    if w.images()
        .any(|i| image_repo(i).ends_with("/csi-node-driver-registrar"))
    {
        return true;
    }
    let mut images = w.images().peekable();
    images.peek().is_some()
        && images.all(|i| {
            let repo = image_repo(i);
            NODE_AGENT_IMAGES
                .iter()
                .any(|a| repo == *a || repo.ends_with(&format!("/{a}")))
        })
}

/// Workloads host-level rules look at: not control-plane static pods, not node agents, and
/// not pods whose images are template placeholders (whether they are agents is unknown).
pub fn host_rules_apply(w: &Workload) -> bool {
    let templated = w
        .images()
        .any(|i| i.contains("${") || i.contains("{{") || i.contains("$("));
    !w.control_plane && !node_agent(w) && !templated
}

/// Host paths whose mount hands a pod the node: the root file system, container runtime
/// sockets, node configuration and kubelet state. Returns why the path is sensitive.
pub fn sensitive_host_path(path: &str) -> Option<&'static str> {
    let p = path.trim();
    let p = if p.len() > 1 {
        p.trim_end_matches('/')
    } else {
        p
    };
    const SOCKETS: &[&str] = &[
        "/var/run/docker.sock",
        "/run/docker.sock",
        "/var/run/containerd/containerd.sock",
        "/run/containerd/containerd.sock",
        "/var/run/crio/crio.sock",
        "/run/crio/crio.sock",
        "/var/run/cri-dockerd.sock",
        "/run/cri-dockerd.sock",
        "/var/run/containerd",
        "/run/containerd",
        "/var/run/crio",
        "/run/crio",
        "/var/lib/docker",
        "/var/lib/containerd",
    ];
    if p == "/" {
        return Some("the node's root file system");
    }
    if SOCKETS.contains(&p) {
        return Some(
            "the container runtime (its socket or state), which can start privileged containers",
        );
    }
    match p {
        "/etc" => Some("the node's configuration (/etc), including credentials and systemd units"),
        "/etc/kubernetes" | "/etc/kubernetes/pki" => {
            Some("the Kubernetes configuration and PKI of the node")
        }
        "/var/lib/kubelet" => {
            Some("the kubelet's state, including every pod's secrets and its credentials")
        }
        "/var/lib" | "/var" | "/run" | "/var/run" | "/usr" | "/root" | "/home" | "/boot" => {
            Some("a host directory that contains node credentials, runtime sockets or binaries")
        }
        _ => None,
    }
}

// ---------------------------------------------------------------- network policy

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
    let (typed, rules) = match dir {
        Dir::Ingress => (p.ingress_type, &p.ingress),
        Dir::Egress => (p.egress_type, &p.egress),
    };
    if !typed || p.host_only {
        return false;
    }
    if p.global {
        if !calico_broad_selector(p.namespace_selector.as_deref()).is_some_and(|ex| ex.is_empty()) {
            return false;
        }
    } else if p.meta.namespace.as_deref() != Some(ns) {
        return false;
    }
    let Some(excluded) = calico_broad_selector(p.selector.as_ref().map(|s| s.value.as_str()))
    else {
        return false;
    };
    !excluded.iter().any(|e| e == ns) && !rules.iter().any(|r| calico_rule_allow_all(r).is_some())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::FileFacts;

    fn facts(yaml: &str) -> FileFacts {
        let mut f = FileFacts::default();
        let (docs, _) = crate::parse::yaml::parse(yaml);
        for d in &docs {
            crate::extract::document(d, yaml, &mut f);
        }
        f
    }

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

    #[test]
    fn host_paths() {
        assert!(sensitive_host_path("/").is_some());
        assert!(sensitive_host_path("/var/run/docker.sock").is_some());
        assert!(sensitive_host_path("/var/lib/kubelet/").is_some());
        assert!(sensitive_host_path("/var/lib/kubelet/plugins").is_none());
        assert!(sensitive_host_path("/etc/ssl/certs").is_none());
    }
}
