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
    /// A Talos machine config (`cluster.*.extraArgs`, `machine.kubelet.extraArgs` and
    /// `extraConfig`): Talos writes hardened flags itself (`facts::defaults`).
    Talos,
    /// A kOps `Cluster` spec (`kubeAPIServer`, `kubelet`): kOps fills in its own flags.
    Kops,
    /// A k3s or RKE2 `config.yaml` (`kube-apiserver-arg: [...]` and friends). `complete`: the
    /// distribution's defaults apply to absent flags (the main config, and no drop-in of the
    /// same set touches the component); else absences are unknown.
    Rancher { distro: Distro, complete: bool },
    /// kubespray inventory variables (`kube_api_anonymous_auth`): one file of a precedence
    /// chain, so an absent variable is unknown.
    Kubespray,
    /// A kind `kubeadmConfigPatches` entry: merged into the kubeadm config kind generates, so
    /// only what the patch sets is known.
    KindPatch,
    /// A MicroK8s launch configuration (`extraKubeAPIServerArgs`…): flags added to or removed
    /// from MicroK8s' own default args, which apply to absent flags when `complete` (no addon
    /// that may rewrite flags is enabled).
    MicroK8sLaunch { complete: bool },
    /// A MicroK8s args file (`args/kube-apiserver`): the component's whole command line, so an
    /// absent flag takes the component's own flag default.
    MicroK8s,
    /// A kustomize patch (a partial object merged into a base): absences are unknown.
    KustomizePatch,
}

/// A Kubernetes distribution whose own config file sets component flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Distro {
    K3s,
    Rke2,
    /// RKE2 with `profile: cis` (audit logging on, among others).
    Rke2Cis,
}

impl Distro {
    pub fn name(self) -> &'static str {
        match self {
            Distro::K3s => "k3s",
            Distro::Rke2 | Distro::Rke2Cis => "RKE2",
        }
    }
}

impl Origin {
    /// Whether this origin is kubeadm, which supplies its own flag defaults.
    pub fn is_kubeadm(self) -> bool {
        matches!(self, Origin::KubeadmV1beta3 | Origin::KubeadmV1beta4)
    }

    /// How the user writes a flag in this source, for messages about an absent one:
    /// `--audit-policy-file`, or the distribution's own field (`spec.kubeAPIServer.auditPolicyFile`
    /// in a kOps Cluster).
    pub fn spelling(self, flag: &str) -> String {
        const KOPS: &[(&str, &str)] = &[
            ("audit-policy-file", "spec.kubeAPIServer.auditPolicyFile"),
            ("audit-log-path", "spec.kubeAPIServer.auditLogPath"),
            (
                "audit-webhook-config-file",
                "spec.kubeAPIServer.auditWebhookConfigFile",
            ),
            ("encryption-provider-config", "spec.encryptionConfig"),
        ];
        let own = match self {
            Origin::Kops => KOPS.iter().find(|(f, _)| *f == flag).map(|(_, n)| *n),
            _ => None,
        };
        own.map_or_else(|| format!("--{flag}"), str::to_string)
    }

    /// Whether this is a kubelet command line (its flag defaults are the insecure ones).
    pub fn is_kubelet_flags(self) -> bool {
        matches!(self, Origin::KubeletFlags | Origin::MicroK8s)
    }

    pub fn describe(self) -> &'static str {
        match self {
            Origin::StaticPod => "static pod",
            Origin::KubeadmV1beta3 => "kubeadm v1beta3 extraArgs",
            Origin::KubeadmV1beta4 => "kubeadm v1beta4 extraArgs",
            Origin::KubeletConfigFile => "KubeletConfiguration",
            Origin::KubeletFlags => "kubelet flags",
            Origin::HostConfig => "host config",
            Origin::Talos => "Talos machine config",
            Origin::Kops => "kOps Cluster spec",
            Origin::Rancher {
                distro: Distro::K3s,
                ..
            } => "k3s config",
            Origin::Rancher {
                distro: Distro::Rke2 | Distro::Rke2Cis,
                ..
            } => "RKE2 config",
            Origin::Kubespray => "kubespray variables",
            Origin::MicroK8s => "MicroK8s args file",
            Origin::MicroK8sLaunch { .. } => "MicroK8s launch configuration",
            Origin::KindPatch => "kind kubeadmConfigPatches",
            Origin::KustomizePatch => "kustomize patch",
        }
    }
}
