//! Which component a setting configures, and from what kind of source it was read.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Component {
    ApiServer,
    Etcd,
    Kubelet,
    ControllerManager,
    Scheduler,
}

impl Component {
    /// The binary name, as in messages ("kube-apiserver sets --anonymous-auth=true").
    pub fn binary(self) -> &'static str {
        match self {
            Component::ApiServer => "kube-apiserver",
            Component::Etcd => "etcd",
            Component::Kubelet => "kubelet",
            Component::ControllerManager => "kube-controller-manager",
            Component::Scheduler => "kube-scheduler",
        }
    }

    pub fn from_binary(name: &str) -> Option<Component> {
        let base = name.rsplit('/').next().unwrap_or(name);
        Some(match base {
            "kube-apiserver" => Component::ApiServer,
            "etcd" => Component::Etcd,
            "kubelet" => Component::Kubelet,
            "kube-controller-manager" => Component::ControllerManager,
            "kube-scheduler" => Component::Scheduler,
            _ => return None,
        })
    }
}

/// Where a component's settings were read from. Defaults differ per origin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Command-line flags of a static pod (or any pod running the binary).
    StaticPod,
    /// kubeadm `extraArgs`, v1beta3 map form.
    KubeadmV1beta3,
    /// kubeadm `extraArgs`, v1beta4 list form.
    KubeadmV1beta4,
    /// A `KubeletConfiguration` file (its defaults are the secure ones).
    KubeletConfigFile,
    /// kubelet command-line flags (their defaults are the insecure ones).
    KubeletFlags,
    /// A file or systemd unit written by a host config (Ignition/Butane): an etcd environment
    /// file, a unit's `ExecStart` flags or `Environment=` lines. Other settings may come from
    /// elsewhere (an `EnvironmentFile`, `$OPTS`), so absences are unknown.
    HostConfig,
    /// A kustomize patch (a partial object merged into a base): absences are unknown.
    KustomizePatch,
}

impl Origin {
    /// Whether this origin is kubeadm, which supplies its own flag defaults.
    pub fn is_kubeadm(self) -> bool {
        matches!(self, Origin::KubeadmV1beta3 | Origin::KubeadmV1beta4)
    }

    pub fn describe(self) -> &'static str {
        match self {
            Origin::StaticPod => "static pod",
            Origin::KubeadmV1beta3 => "kubeadm v1beta3 extraArgs",
            Origin::KubeadmV1beta4 => "kubeadm v1beta4 extraArgs",
            Origin::KubeletConfigFile => "KubeletConfiguration",
            Origin::KubeletFlags => "kubelet flags",
            Origin::HostConfig => "host config",
            Origin::KustomizePatch => "kustomize patch",
        }
    }
}
