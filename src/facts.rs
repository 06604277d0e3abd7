//! Normalised facts. Extractors lower every input format into these; rules read only these.
//! A fact never says which syntax it came from beyond `Origin`, which rules use for wording
//! and for source-specific defaults.

pub mod kube;
pub mod spans;

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
    /// A file or systemd unit written by a host config (Ignition/Butane): an etcd environment
    /// file, a unit's `ExecStart` flags or `Environment=` lines. Other settings may come from
    /// elsewhere (an `EnvironmentFile`, `$OPTS`), so absences are unknown.
    HostConfig,
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

/// One element of a comma-separated list flag, with its own span when the source allows it.
#[derive(Clone, Debug)]
pub struct ListItem<'a> {
    pub value: String,
    pub span: Span,
    pub setting: &'a Setting,
}

/// A list flag after defaults.
pub enum EffectiveList<'a> {
    Set(Vec<ListItem<'a>>),
    /// Absent; the comma-separated default (possibly empty: nothing enabled).
    Default(&'static str),
    Unknown,
}

impl EffectiveList<'_> {
    /// The values as plain strings (defaults split on commas); `None` when unknown.
    pub fn strings(&self) -> Option<Vec<String>> {
        match self {
            EffectiveList::Set(items) => Some(items.iter().map(|i| i.value.clone()).collect()),
            EffectiveList::Default(d) => Some(
                d.split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
            ),
            EffectiveList::Unknown => None,
        }
    }
}

impl Setting {
    /// The comma-separated elements of the value. Each gets its own span when the value's span
    /// holds the text verbatim (plain, or quoted without escapes); else the value's span.
    pub fn items(&self) -> Vec<ListItem<'_>> {
        let value = self.value_or_true();
        let vs = self.value_span;
        let base = if vs.len() == value.len() {
            Some(vs.start)
        } else if vs.len() == value.len() + 2 {
            Some(vs.start + 1)
        } else {
            None
        };
        let mut out = Vec::new();
        let mut offset = 0;
        for part in value.split(',') {
            let trimmed = part.trim();
            let lead = part.len() - part.trim_start().len();
            if !trimmed.is_empty() {
                let span = match base {
                    Some(b) => Span::new(b + offset + lead, b + offset + lead + trimmed.len()),
                    None => vs,
                };
                out.push(ListItem {
                    value: trimmed.to_string(),
                    span,
                    setting: self,
                });
            }
            offset += part.len() + 1;
        }
        out
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

    /// Every value of a list flag (`--authorization-mode`, `--enable-admission-plugins`), split
    /// on commas. Repeated command-line flags and repeated kubeadm v1beta4 entries accumulate
    /// (pflag's string slices append); a v1beta3 map keeps only its last key.
    pub fn values(&self, name: &str) -> Vec<ListItem<'_>> {
        let mut matching: Vec<&Setting> = self.settings.iter().filter(|s| s.name == name).collect();
        if self.origin == Origin::KubeadmV1beta3 && matching.len() > 1 {
            matching.drain(..matching.len() - 1);
        }
        matching.into_iter().flat_map(Setting::items).collect()
    }

    /// List values with the defaults table applied when the flag is absent.
    pub fn effective_values(&self, name: &str) -> EffectiveList<'_> {
        let items = self.values(name);
        if self.get(name).is_some() {
            return EffectiveList::Set(items);
        }
        match crate::extract::defaults::default_for(self.component, self.origin, name) {
            Some(v) => EffectiveList::Default(v),
            None => EffectiveList::Unknown,
        }
    }

    /// Whether some setting here is decided in a file not in view (`--config`, `--config-file`,
    /// `--authorization-config`…): then an absence says nothing.
    pub fn has_any(&self, names: &[&str]) -> bool {
        names.iter().any(|n| self.get(n).is_some())
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
pub enum ClusterSetting<'a> {
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
    pub fn setting(&self, path: &str) -> ClusterSetting<'_> {
        match self.field(path) {
            None => ClusterSetting::Absent,
            Some(f) => match f.value.as_deref() {
                Some(v) => ClusterSetting::Set(v, f),
                None => ClusterSetting::Unknown,
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
    /// kubeadm documents (stand-alone or embedded in Cluster API objects), beyond component flags.
    pub kubeadm: Vec<KubeadmFacts>,
    /// Kubernetes versions a file pins (kubeadm, control-plane images, managed clusters).
    pub kubernetes_versions: Vec<KubernetesVersion>,
    pub encryption_configs: Vec<EncryptionConfig>,
    /// `Secret`s of type `kubernetes.io/service-account-token` (the `type` value's span).
    pub legacy_token_secrets: Vec<Span>,
    /// API server `AuthenticationConfiguration` files (`--authentication-config`).
    pub authentication_configs: Vec<AuthenticationConfig>,
    /// Kubernetes objects: RBAC, services, workloads, network policies.
    pub kube: kube::KubeFacts,
    /// What Ignition/Butane/Bottlerocket host configs say (files, units, users, kernel args).
    pub host: HostFacts,
    /// Terraform node settings (public IPs, IMDS) and managed clusters (EKS, GKE, AKS).
    pub node_settings: Vec<NodeSetting>,
    pub managed_clusters: Vec<ManagedCluster>,
}

/// What an `AuthenticationConfiguration` says about anonymous access and JWT issuers.
#[derive(Clone, Debug)]
pub struct AuthenticationConfig {
    /// The `kind` value.
    pub anchor: Span,
    /// `anonymous.enabled`.
    pub anonymous_enabled: Option<Field>,
    /// `anonymous.conditions[].path`; `None` when the key is absent.
    pub anonymous_paths: Option<Vec<Field>>,
    /// `jwt[].issuer.url`.
    pub jwt_issuers: Vec<Field>,
}

/// A scalar as written: the key..value span and the value's own span.
#[derive(Clone, Debug)]
pub struct Field {
    pub value: String,
    pub span: Span,
    pub value_span: Span,
}

/// What a kubeadm Init/Cluster/JoinConfiguration says besides component flags.
#[derive(Clone, Debug, Default)]
pub struct KubeadmFacts {
    /// `InitConfiguration`, `ClusterConfiguration` or `JoinConfiguration`.
    pub kind: String,
    /// The `apiVersion` field; `None` when embedded in a Cluster API object (which has its own).
    pub api_version: Option<Field>,
    /// The document's `kind` value, or the embedding key in a Cluster API object.
    pub anchor: Span,
    pub bootstrap_tokens: Vec<BootstrapToken>,
    pub certificate_validity_period: Option<Field>,
    pub ca_certificate_validity_period: Option<Field>,
    /// `certificateKey` (Init: `certificateKey`; Join: `controlPlane.certificateKey`).
    pub certificate_key: Option<Field>,
    pub discovery: Option<Discovery>,
    pub external_etcd: Option<ExternalEtcd>,
    /// The whole kubeadm document (or embedded section), to match it with its components.
    pub span: Span,
    /// `apiServer.extraVolumes[].mountPath` values.
    pub apiserver_mounts: Vec<Field>,
}

#[derive(Clone, Debug)]
pub struct BootstrapToken {
    /// The list item.
    pub span: Span,
    pub token: Option<Field>,
    pub ttl: Option<Field>,
}

/// `JoinConfiguration.discovery`.
#[derive(Clone, Debug)]
pub struct Discovery {
    /// The `discovery` key.
    pub anchor: Span,
    /// The `bootstrapToken` key, when token discovery is used.
    pub bootstrap_token: Option<Span>,
    pub token: Option<Field>,
    pub unsafe_skip_ca_verification: Option<Field>,
    /// `caCertHashes` entries; `None` when the key is absent.
    pub ca_cert_hashes: Option<Vec<Field>>,
    pub tls_bootstrap_token: Option<Field>,
}

/// `ClusterConfiguration.etcd.external`.
#[derive(Clone, Debug)]
pub struct ExternalEtcd {
    /// The `external` key.
    pub anchor: Span,
    pub endpoints: Vec<Field>,
    pub ca_file: Option<Field>,
    pub cert_file: Option<Field>,
    pub key_file: Option<Field>,
}

/// A Kubernetes version a file pins.
#[derive(Clone, Debug)]
pub struct KubernetesVersion {
    /// What pins it, for messages: "kubeadm kubernetesVersion", "kube-apiserver image".
    pub what: String,
    /// As written (`v1.35.2`, `1.34`, `v1.37.0-rc.1`).
    pub version: String,
    pub span: Span,
}

/// An `EncryptionConfiguration`.
#[derive(Clone, Debug)]
pub struct EncryptionConfig {
    /// The `kind` value.
    pub anchor: Span,
    pub resources: Vec<EncryptionRule>,
}

/// One `resources[]` entry: the resources it covers and its ordered providers.
#[derive(Clone, Debug)]
pub struct EncryptionRule {
    /// The list item.
    pub span: Span,
    pub resources: Vec<Field>,
    pub providers: Vec<EncryptionProvider>,
}

#[derive(Clone, Debug)]
pub struct EncryptionProvider {
    /// `identity`, `aescbc`, `aesgcm`, `secretbox`, `kms`.
    pub kind: String,
    /// The provider key (`aescbc:`).
    pub span: Span,
    /// `kms` only: `apiVersion` (`v2`; absent means v1).
    pub kms_api_version: Option<String>,
    pub keys: Vec<EncryptionKey>,
}

#[derive(Clone, Debug)]
pub struct EncryptionKey {
    pub name: Option<String>,
    /// The `secret` value as written and its span.
    pub secret: Field,
    /// Decoded length in bytes; `None` when the secret is not base64 (a placeholder).
    pub decoded_len: Option<usize>,
}

/// Text a host config writes (a file's decoded contents, a unit body or drop-in), with the
/// span of each of its lines when they can be mapped back into the scanned file.
#[derive(Clone, Debug)]
pub struct HostText {
    pub text: String,
    /// The value that holds the text (`inline`, `contents`, a `source` data URL).
    pub span: Span,
    /// One span per line of `text`; empty when lines cannot be mapped (data URLs, folded text).
    pub line_spans: Vec<Span>,
}

impl HostText {
    /// Where line `i` (0-based) of the text is, or the whole value when lines are not mapped.
    pub fn line_span(&self, i: usize) -> Span {
        self.line_spans.get(i).copied().unwrap_or(self.span)
    }
}

/// A file written on the host by Ignition/Butane (`storage.files[]`).
#[derive(Clone, Debug)]
pub struct HostFile {
    pub path: String,
    pub path_span: Span,
    /// Permission bits; `None` when unset (Ignition then uses 0644) or templated.
    pub mode: Option<u32>,
    /// The `mode` value as written, even when it is not a number (`${mode}`: unknown).
    pub mode_span: Option<Span>,
    /// Decoded contents when written in the config (`inline`, `data:` URL), else `None`.
    pub contents: Option<HostText>,
    /// Decoded fragments appended to the file (`append[]`), those written in the config.
    pub appended: Vec<HostText>,
}

/// A systemd unit declared by Ignition/Butane (`systemd.units[]`).
#[derive(Clone, Debug)]
pub struct HostUnit {
    pub name: String,
    pub name_span: Span,
    /// `enabled:` as written, with the span of its value.
    pub enabled: Option<(bool, Span)>,
    /// The span of `mask: true`.
    pub masked: Option<Span>,
    pub has_contents: bool,
}

/// What kind of host configuration a [`HostEntry`] was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostConfigKind {
    /// A systemd unit or drop-in (`[Section]` `Key=value`).
    SystemdUnit,
    /// `sshd_config` or a file under `sshd_config.d/` (keyword lower-cased).
    Sshd,
    /// A sysctl (`/etc/sysctl.d/*.conf`, Bottlerocket `settings.kernel.sysctl`).
    Sysctl,
    /// Flatcar `/etc/flatcar/update.conf` (or the older `/etc/coreos/update.conf`).
    FlatcarUpdate,
    /// Zincati `/etc/zincati/config.d/*.toml` (`section` is the TOML table).
    Zincati,
    /// Docker's `/etc/docker/daemon.json` (`hosts` entries, one per value).
    DockerDaemon,
    /// `/etc/selinux/config` (`SELINUX=`).
    Selinux,
    /// containerd's `/etc/containerd/config.toml` (`section` is the TOML table).
    Containerd,
    /// `/etc/sudoers` or `/etc/sudoers.d/*`: `key` is the user or group, `value` the whole rule.
    Sudoers,
}

/// One `key = value` line of a host configuration file or unit, parsed from written contents.
#[derive(Clone, Debug)]
pub struct HostEntry {
    pub kind: HostConfigKind,
    /// The unit name or file path it came from.
    pub source: String,
    /// The section (`Service`, `updates`), empty when the format has none.
    pub section: String,
    pub key: String,
    pub value: String,
    pub span: Span,
}

/// A local user declared by Ignition/Butane (`passwd.users[]`).
#[derive(Clone, Debug)]
pub struct HostUser {
    pub name: String,
    pub name_span: Span,
    pub password_hash: Option<(String, Span)>,
    pub ssh_keys: Vec<(String, Span)>,
    pub groups: Vec<(String, Span)>,
}

/// A kernel command-line argument the config adds (`kernelArguments.shouldExist`,
/// Bottlerocket `settings.boot.kernel-parameters`), as `name` or `name=value`.
#[derive(Clone, Debug)]
pub struct KernelArg {
    pub arg: String,
    pub span: Span,
}

/// Host-side facts of one file (Ignition, Butane, Bottlerocket).
#[derive(Default, Debug)]
pub struct HostFacts {
    pub files: Vec<HostFile>,
    pub units: Vec<HostUnit>,
    pub entries: Vec<HostEntry>,
    pub users: Vec<HostUser>,
    pub kernel_args: Vec<KernelArg>,
    /// `ignition.proxy` settings: (key as written, URL, span).
    pub proxies: Vec<(String, String, Span)>,
    /// Where a Kubernetes reboot manager (FLUO, kured) shows up in the file, if it does.
    pub reboot_manager: Option<Span>,
    /// HTTP headers sent when fetching remote resources: (resource, header name, value, span).
    pub http_headers: Vec<(String, String, String, Span)>,
}

/// Whether a value is (partly) a template interpolation, hence unknown: `${var}`, `%{ if }`.
pub fn is_templated(s: &str) -> bool {
    s.contains("${") || s.contains("%{")
}

impl HostFacts {
    /// The parsed lines of one kind of host configuration.
    pub fn entries_of(&self, kind: HostConfigKind) -> impl Iterator<Item = &HostEntry> {
        self.entries.iter().filter(move |e| e.kind == kind)
    }
}

impl FileFacts {
    /// Every Bottlerocket setting at this dotted path (a Terraform file or an eksctl config
    /// may hold several user-data documents).
    pub fn host_settings_at<'a>(
        &'a self,
        path: &'a str,
    ) -> impl Iterator<Item = &'a HostSetting> + 'a {
        self.host_settings.iter().filter(move |s| s.path == path)
    }

    /// Bottlerocket settings of named sub-tables: for `settings.host-containers`, yields
    /// (`admin`, `enabled`, setting) for `settings.host-containers.admin.enabled`.
    pub fn host_settings_by_name<'a>(
        &'a self,
        table: &'a str,
    ) -> impl Iterator<Item = (&'a str, &'a str, &'a HostSetting)> + 'a {
        self.host_settings.iter().filter_map(move |s| {
            let rest = s.path.strip_prefix(table)?.strip_prefix('.')?;
            let (name, field) = rest.split_once('.')?;
            Some((name, field, s))
        })
    }
}

impl FileFacts {
    /// The named sub-table fields of a Bottlerocket table, indexed by (name, field); the last
    /// occurrence wins. One pass, so rules stay linear on files with thousands of containers.
    pub fn host_settings_index<'a>(
        &'a self,
        table: &'a str,
    ) -> std::collections::HashMap<(&'a str, &'a str), &'a HostSetting> {
        self.host_settings_by_name(table)
            .map(|(n, f, s)| ((n, f), s))
            .collect()
    }
}

/// The lower-cased scheme of a URL (`http` for `HTTP://x`), empty when there is none.
pub fn url_scheme(url: &str) -> String {
    match url.split_once("://") {
        Some((s, _)) => s.trim().to_ascii_lowercase(),
        None => String::new(),
    }
}

/// A credential found in written text: (0-based line, what it is).
pub fn find_secret(text: &str) -> Option<(usize, &'static str)> {
    let lines: Vec<&str> = text.lines().collect();
    let kubeconfig = text.contains("clusters:") || text.contains("users:");
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        if t.starts_with("-----BEGIN") && t.contains("PRIVATE KEY-----") {
            // The body must be literal: `${key}` is filled in elsewhere and unknown here.
            let body = lines[i + 1..]
                .iter()
                .map(|l| l.trim())
                .find(|l| !l.is_empty());
            if body.is_some_and(|b| !is_templated(b) && !b.starts_with("-----END")) {
                return Some((i, "a PEM private key"));
            }
        }
        let value_of = |key: &str| {
            t.strip_prefix(key)
                .map(|v| v.trim().trim_matches('"'))
                .filter(|v| !v.is_empty() && !is_templated(v))
        };
        if value_of("client-key-data:").is_some() {
            return Some((i, "a kubeconfig client key (client-key-data)"));
        }
        if kubeconfig && value_of("token:").is_some() {
            return Some((i, "a kubeconfig bearer token"));
        }
        if value_of("aws_secret_access_key").is_some() {
            return Some((i, "an AWS secret access key"));
        }
        if !is_templated(t) && has_bootstrap_token(t) {
            return Some((i, "a Kubernetes bootstrap token"));
        }
    }
    None
}

/// `[a-z0-9]{6}.[a-z0-9]{16}` as a whole word: the bootstrap token format.
fn has_bootstrap_token(s: &str) -> bool {
    let b = s.as_bytes();
    let tok = |c: u8| c.is_ascii_lowercase() || c.is_ascii_digit();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'.' || c == b'-' || c == b'_';
    (0..b.len()).any(|i| {
        b.len() >= i + 23
            && b[i..i + 6].iter().all(|c| tok(*c))
            && b[i + 6] == b'.'
            && b[i + 7..i + 23].iter().all(|c| tok(*c))
            && (i == 0 || !word(b[i - 1]))
            && b.get(i + 23).is_none_or(|c| !word(*c))
    })
}

impl HostFile {
    /// Whether the path names key material or credentials (`*.key`, `id_rsa`, kubeconfigs,
    /// kubeadm's `admin.conf`, token files).
    pub fn is_secret_path(&self) -> bool {
        let p = self.path.to_ascii_lowercase();
        let base = p.rsplit('/').next().unwrap_or(&p);
        let (stem, ext) = base.rsplit_once('.').unwrap_or((base, ""));
        // Scripts, units and certificates merely named after a credential hold none.
        if matches!(
            ext,
            "sh" | "py" | "service" | "socket" | "timer" | "path" | "crt" | "pub" | "md"
        ) {
            return false;
        }
        ext == "key"
            || base.ends_with("-key.pem")
            || base.ends_with("_key.pem")
            || matches!(base, "id_rsa" | "id_ecdsa" | "id_ed25519" | "id_dsa")
            || base.contains("kubeconfig")
            || (p.starts_with("/etc/kubernetes/")
                && matches!(
                    base,
                    "admin.conf"
                        | "super-admin.conf"
                        | "kubelet.conf"
                        | "bootstrap-kubelet.conf"
                        | "controller-manager.conf"
                        | "scheduler.conf"
                ))
            || stem.ends_with("token")
            || stem.ends_with("tokens")
            || p.starts_with("/etc/ssl/private/")
    }
}
