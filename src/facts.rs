//! Normalised facts. Extractors lower every input format into these; rules read only these.
//! A fact never says which syntax it came from beyond `Origin`, which rules use for wording
//! and for source-specific defaults.

use crate::source::{Source, Span};

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
        }
    }
}

/// One setting of a component, under its flag name without dashes (`anonymous-auth`).
/// KubeletConfiguration fields are mapped to the equivalent flag name.
#[derive(Clone, Debug)]
pub struct Setting {
    pub name: String,
    /// `None` for a bare boolean flag (`--profiling`), which means `true`.
    pub value: Option<String>,
    /// The whole flag element, list entry or key.
    pub span: Span,
    /// The value alone when it has its own span, else the same as `span`.
    pub value_span: Span,
    /// The source's own spelling ("--anonymous-auth=true", "authentication.anonymous.enabled").
    pub written: String,
}

impl Setting {
    /// The value with the bare-flag convention applied.
    pub fn value_or_true(&self) -> &str {
        self.value.as_deref().unwrap_or("true")
    }

    /// The value as a boolean flag reads it (Go's `strconv.ParseBool`); `None` if not a boolean.
    pub fn as_bool(&self) -> Option<bool> {
        go_bool(self.value_or_true())
    }
}

/// Go's `strconv.ParseBool`, which every Kubernetes boolean flag uses.
pub fn go_bool(s: &str) -> Option<bool> {
    match s.trim() {
        "1" | "t" | "T" | "true" | "TRUE" | "True" => Some(true),
        "0" | "f" | "F" | "false" | "FALSE" | "False" => Some(false),
        _ => None,
    }
}

/// All settings of one component as one document configures it.
#[derive(Clone, Debug)]
pub struct ComponentConfig {
    pub component: Component,
    pub origin: Origin,
    /// Where an absent setting is reported: the container's `command` key, the kubeadm section
    /// key, or the document's `kind`.
    pub anchor: Span,
    pub settings: Vec<Setting>,
}

/// What a missing setting means for this component and origin.
pub enum Effective<'a> {
    Set(&'a Setting),
    /// Absent; the component (or kubeadm) uses this value.
    Default(&'static str),
    /// Absent, and the value comes from somewhere not in view (e.g. kubeadm's kubelet config).
    Unknown,
}

impl ComponentConfig {
    /// The last occurrence wins for scalar flags, as in pflag and in kubeadm's list form.
    pub fn get(&self, name: &str) -> Option<&Setting> {
        self.settings.iter().rev().find(|s| s.name == name)
    }

    pub fn effective(&self, name: &str) -> Effective<'_> {
        match self.get(name) {
            Some(s) => Effective::Set(s),
            None => {
                match crate::extract::defaults::default_for(self.component, self.origin, name) {
                    Some(v) => Effective::Default(v),
                    None => Effective::Unknown,
                }
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Ingress,
    Egress,
}

/// An inclusive port range; `0..=65535` stands for "all ports".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PortRange {
    pub from: u16,
    pub to: u16,
}

impl PortRange {
    pub const ALL: PortRange = PortRange { from: 0, to: 65535 };

    pub fn overlaps(&self, other: PortRange) -> bool {
        self.from <= other.to && other.from <= self.to
    }

    pub fn is_all(&self) -> bool {
        self.from == 0 && self.to == 65535
    }
}

impl std::fmt::Display for PortRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_all() {
            write!(f, "all ports")
        } else if self.from == self.to {
            write!(f, "port {}", self.from)
        } else {
            write!(f, "ports {}-{}", self.from, self.to)
        }
    }
}

/// A peer of a firewall rule as written: a CIDR (or provider tag) with its span.
#[derive(Clone, Debug)]
pub struct Peer {
    pub cidr: String,
    pub span: Span,
    /// Where the value was written when that is not `span` itself: a variable default, a
    /// tfvars entry, a local. Findings give it as a related location.
    pub origin: Option<ValueOrigin>,
}

/// The place a resolved Terraform value was written.
#[derive(Clone, Debug)]
pub struct ValueOrigin {
    /// `None`: the file being checked.
    pub file: Option<Source>,
    pub span: Span,
    /// What the place is: `default of variable "cidrs"`, `terraform.tfvars sets "cidrs"`.
    pub note: String,
}

impl ValueOrigin {
    /// The related location for a finding about `value`.
    /// The note may place the value itself with `{value}`.
    pub fn related(&self, value: &str) -> (Option<Source>, Span, String) {
        let message = if self.note.contains("{value}") {
            self.note.replace("{value}", value)
        } else {
            format!("{value} comes from the {}", self.note)
        };
        (self.file.clone(), self.span, message)
    }
}

/// One allow rule of a security group, firewall or host policy.
#[derive(Clone, Debug)]
pub struct FirewallRule {
    pub direction: Direction,
    /// Lower-case protocol name, `"all"` for every protocol.
    pub protocol: String,
    pub ports: PortRange,
    /// Literal CIDR peers. Rules whose peers are security groups or `self` have none here.
    pub peers: Vec<Peer>,
    /// The resource (and block) the rule came from, e.g. `aws_security_group.cp ingress #2`.
    pub resource: String,
    /// The rule's block or resource header, for messages without a better place.
    pub span: Span,
}

/// A file or config fetched by a host at boot (Ignition/Butane).
#[derive(Clone, Debug)]
pub struct RemoteResource {
    /// What is fetched: `storage.files["/etc/foo"].contents`, `ignition.config.merge[0]`.
    pub what: String,
    pub url: String,
    pub span: Span,
    /// Whether `verification.hash` is present.
    pub verified: bool,
}

/// A host setting by its dotted path (Bottlerocket `settings.host-containers.admin.enabled`).
#[derive(Clone, Debug)]
pub struct HostSetting {
    pub path: String,
    /// The scalar value as text (booleans `true`/`false`).
    pub value: String,
    pub key_span: Span,
    pub value_span: Span,
}

/// A Kubernetes object's extent and its `kube-harden.io/ignore` annotation, for suppression.
#[derive(Clone, Debug)]
pub struct ObjectScope {
    pub span: Span,
    pub ignore: Option<(String, Span)>,
}

/// A network-exposure setting of a node resource (instance, launch template, NIC), as written:
/// `associate_public_ip_address = true`, `metadata_options.http_tokens = "optional"`, a GCE
/// `access_config` block (`value = "present"`).
#[derive(Clone, Debug)]
pub struct NodeSetting {
    pub resource: String,
    pub name: String,
    pub value: String,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Provider {
    Eks,
    Gke,
    Aks,
}

impl Provider {
    pub fn name(self) -> &'static str {
        match self {
            Provider::Eks => "EKS",
            Provider::Gke => "GKE",
            Provider::Aks => "AKS",
        }
    }
}

/// One setting of a managed cluster or node pool, under its provider path
/// (`vpc_config.endpoint_public_access`). Absent settings are simply missing: rules apply the
/// provider's documented default.
#[derive(Clone, Debug)]
pub struct ClusterField {
    pub path: String,
    /// The scalar as text (`"present"` for a block); `None` when the value is unknown.
    pub value: Option<String>,
    /// The items of a known list.
    pub list: Option<Vec<String>>,
    /// The items as CIDR peers, with their origins.
    pub peers: Vec<Peer>,
    pub span: Span,
    /// Where the value was written when not at `span` (a variable default, a tfvars entry).
    pub origin: Option<ValueOrigin>,
}

/// A managed-cluster setting: absent (the provider default applies), set to a known value, or
/// set to a value only `terraform apply` knows.
pub enum Field<'a> {
    Absent,
    Unknown,
    Set(&'a str, &'a ClusterField),
}

/// A managed cluster (`aws_eks_cluster`, `google_container_cluster`,
/// `azurerm_kubernetes_cluster`) or one of its node pools.
#[derive(Clone, Debug)]
pub struct ManagedCluster {
    pub provider: Provider,
    /// The resource type: tells a cluster from a node pool.
    pub kind: String,
    pub resource: String,
    /// The resource's type label, where findings about absent settings point.
    pub span: Span,
    pub fields: Vec<ClusterField>,
}

impl ManagedCluster {
    pub fn field(&self, path: &str) -> Option<&ClusterField> {
        self.fields.iter().find(|f| f.path == path)
    }

    /// A field as set, absent, or set to something unknown.
    pub fn setting(&self, path: &str) -> Field<'_> {
        match self.field(path) {
            None => Field::Absent,
            Some(f) => match f.value.as_deref() {
                Some(v) => Field::Set(v, f),
                None => Field::Unknown,
            },
        }
    }

    pub fn is_node_pool(&self) -> bool {
        self.kind.contains("node_group") || self.kind.contains("node_pool")
    }
}

/// Everything one file says, in normalised form.
#[derive(Default, Debug)]
pub struct FileFacts {
    pub components: Vec<ComponentConfig>,
    pub firewall_rules: Vec<FirewallRule>,
    pub remote_resources: Vec<RemoteResource>,
    pub host_settings: Vec<HostSetting>,
    pub objects: Vec<ObjectScope>,
    pub node_settings: Vec<NodeSetting>,
    pub managed_clusters: Vec<ManagedCluster>,
}
