//! Shared workload judgements: exemptions for control-plane pods and network-plugin agents,
//! sensitive host paths.

use crate::facts::kube::Workload;

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
    "flannel-io/flannel-cni-plugin",
    "rancher/mirrored-flannelcni-flannel",
    "rancher/mirrored-flannel-flannel",
    "rancher/mirrored-flannelcni-flannel-cni-plugin",
    "rancher/mirrored-flannel-flannel-cni-plugin",
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
        "/var/lib" | "/var" | "/run" | "/var/run" | "/root" | "/home" => {
            Some("a host directory that contains node credentials, runtime sockets or binaries")
        }
        "/usr" | "/boot" => Some(
            "the node's binaries or kernel and boot loader, not mounted read-only: the pod can replace what the node runs",
        ),
        _ => None,
    }
}

/// Sensitive host paths that hold no credentials or sockets (binaries, the kernel): mounted
/// read-only they give a pod nothing to use against the node.
pub fn harmless_read_only(path: &str) -> bool {
    let p = path.trim();
    let p = if p.len() > 1 {
        p.trim_end_matches('/')
    } else {
        p
    };
    matches!(p, "/usr" | "/boot")
}

// ---------------------------------------------------------------- network policy

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_paths() {
        assert!(sensitive_host_path("/").is_some());
        assert!(sensitive_host_path("/var/run/docker.sock").is_some());
        assert!(sensitive_host_path("/var/lib/kubelet/").is_some());
        assert!(sensitive_host_path("/var/lib/kubelet/plugins").is_none());
        assert!(sensitive_host_path("/etc/ssl/certs").is_none());
        assert!(harmless_read_only("/boot/") && !harmless_read_only("/etc"));
    }
}
