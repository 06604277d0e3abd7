//! Facts about Kubernetes objects: metadata, RBAC, exposure, workloads and network policies
//! (Kubernetes, Calico, Cilium). Spans point at the key or value a finding should underline.

use super::located::Located;
use super::network::PortRange;
use crate::source::Span;

/// A scalar with its span.
pub type Spanned = super::located::Located<String>;

/// Identity of one Kubernetes object.
#[derive(Clone, Debug, Default)]
pub struct Meta {
    pub api_version: String,
    pub kind: String,
    pub name: String,
    pub namespace: Option<String>,
    pub labels: Vec<(String, String)>,
    pub annotations: Vec<(String, String)>,
    /// The whole object.
    pub span: Span,
    /// The `kind` value: the anchor for findings about the object as a whole.
    pub kind_span: Span,
    /// The `metadata.name` value, else the `kind` value.
    pub name_span: Span,
    /// The `metadata.namespace` value when written.
    pub namespace_span: Option<Span>,
}

impl Meta {
    /// `Kind/name` (with the namespace when written), as in messages.
    pub fn display(&self) -> String {
        if self.name.is_empty() {
            return self.kind.clone();
        }
        match &self.namespace {
            Some(ns) => format!("{} {}/{}", self.kind, ns, self.name),
            None => format!("{} {}", self.kind, self.name),
        }
    }

    pub fn annotation(&self, key: &str) -> Option<&str> {
        self.annotations
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// A Kubernetes label selector (`matchLabels` and `matchExpressions`).
#[derive(Clone, Debug, Default)]
pub struct LabelSelector {
    pub match_labels: Vec<(String, String)>,
    pub expressions: Vec<SelectorExpr>,
    pub span: Span,
    /// Keys other than matchLabels/matchExpressions (a malformed selector, which the API
    /// server rejects): it neither selects everything nor can be evaluated.
    pub unknown: bool,
}

#[derive(Clone, Debug)]
pub struct SelectorExpr {
    pub key: String,
    /// `In`, `NotIn`, `Exists`, `DoesNotExist`.
    pub operator: String,
    pub values: Vec<String>,
}

impl LabelSelector {
    /// `{}`: selects everything.
    pub fn is_empty(&self) -> bool {
        !self.unknown && self.match_labels.is_empty() && self.expressions.is_empty()
    }

    /// Whether the selector matches these labels; `None` for an operator it does not know.
    pub fn matches(&self, labels: &[(String, String)]) -> Option<bool> {
        if self.unknown {
            return None;
        }
        let get = |k: &str| labels.iter().find(|(l, _)| l == k).map(|(_, v)| v.as_str());
        for (k, v) in &self.match_labels {
            if get(k) != Some(v.as_str()) {
                return Some(false);
            }
        }
        for e in &self.expressions {
            let have = get(&e.key);
            let ok = match e.operator.as_str() {
                "In" => have.is_some_and(|h| e.values.iter().any(|v| v == h)),
                "NotIn" => have.is_none_or(|h| !e.values.iter().any(|v| v == h)),
                "Exists" => have.is_some(),
                "DoesNotExist" => have.is_none(),
                _ => return None,
            };
            if !ok {
                return Some(false);
            }
        }
        Some(true)
    }
}

// ---------------------------------------------------------------- RBAC

/// One rule of a Role or ClusterRole.
#[derive(Clone, Debug, Default)]
pub struct RbacRule {
    pub api_groups: Vec<Spanned>,
    pub resources: Vec<Spanned>,
    pub verbs: Vec<Spanned>,
    pub resource_names: Vec<Spanned>,
    pub non_resource_urls: Vec<Spanned>,
    /// The rule's list item.
    pub span: Span,
}

impl RbacRule {
    /// The verbs this rule grants among `wanted` (a `*` verb grants them all).
    pub fn grants_verb(&self, wanted: &[&str]) -> Option<&Spanned> {
        self.verbs
            .iter()
            .find(|v| v.value == "*" || wanted.contains(&v.value.as_str()))
    }

    /// Whether the rule covers resource `res` (e.g. `pods/exec`) in API group `group`.
    pub fn covers(&self, group: &str, res: &str) -> Option<&Spanned> {
        if !self
            .api_groups
            .iter()
            .any(|g| g.value == "*" || g.value == group)
        {
            return None;
        }
        self.resources
            .iter()
            .find(|r| resource_matches(&r.value, res))
    }
}

/// RBAC resource matching: `*` is every resource, `*/sub` every resource's subresource `sub`.
pub fn resource_matches(pattern: &str, res: &str) -> bool {
    if pattern == "*" || pattern == res {
        return true;
    }
    match (pattern.split_once('/'), res.split_once('/')) {
        (Some(("*", sub)), Some((_, want))) => sub == want,
        _ => false,
    }
}

#[derive(Clone, Debug)]
pub struct Role {
    pub meta: Meta,
    /// ClusterRole (true) or Role.
    pub cluster: bool,
    pub rules: Vec<RbacRule>,
    /// `aggregationRule.clusterRoleSelectors`.
    pub aggregation: Vec<LabelSelector>,
}

#[derive(Clone, Debug)]
pub struct Subject {
    /// `User`, `Group` or `ServiceAccount`.
    pub kind: String,
    pub name: String,
    pub namespace: Option<String>,
    /// The subject's `name` value.
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Binding {
    pub meta: Meta,
    pub cluster: bool,
    /// `roleRef.kind` (`ClusterRole` or `Role`).
    pub role_kind: String,
    pub role_name: String,
    /// The `roleRef.name` value.
    pub role_span: Span,
    pub subjects: Vec<Subject>,
}

// ---------------------------------------------------------------- exposure

#[derive(Clone, Debug)]
pub struct Service {
    pub meta: Meta,
    /// `spec.type` as written (absent means ClusterIP).
    pub service_type: Option<Spanned>,
    /// `spec.loadBalancerSourceRanges` entries.
    pub source_ranges: Vec<Spanned>,
    pub external_ips: Vec<Spanned>,
    /// `spec.ports[].nodePort` values written.
    pub node_ports: Vec<Located<u16>>,
    /// `port/protocol` of each service port, for messages.
    pub ports: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct Ingress {
    pub meta: Meta,
    /// Whether `spec.tls` lists at least one entry.
    pub has_tls: bool,
    /// `spec.rules` key, else `spec`, else `kind`.
    pub anchor: Span,
    pub hosts: Vec<String>,
}

// ---------------------------------------------------------------- workloads

#[derive(Clone, Debug, Default)]
pub struct Container {
    pub name: String,
    pub image: Option<String>,
    /// `securityContext.privileged: true` (the value).
    pub privileged: Option<Span>,
    /// `securityContext.windowsOptions.hostProcess: true` (the value).
    pub host_process: Option<Span>,
    /// `ports[].hostPort` values.
    pub host_ports: Vec<Located<u16>>,
    /// Names of `env` entries.
    pub env: Vec<String>,
    /// Whether the container runs a control-plane binary (apiserver, etcd, controller manager,
    /// scheduler, kubelet).
    pub control_plane: bool,
}

#[derive(Clone, Debug)]
pub struct HostPathVolume {
    pub volume: String,
    pub path: String,
    /// The `path` value.
    pub span: Span,
    /// Every container that mounts the volume mounts it `readOnly: true` (and one does).
    pub read_only: bool,
}

/// A Pod or an object with a pod template (Deployment, DaemonSet, StatefulSet, ReplicaSet,
/// ReplicationController, Job, CronJob).
#[derive(Clone, Debug)]
pub struct Workload {
    pub meta: Meta,
    /// Labels of the pods it creates.
    pub pod_labels: Vec<(String, String)>,
    /// The `true` values of these pod-spec keys.
    pub host_network: Option<Span>,
    pub host_pid: Option<Span>,
    pub host_ipc: Option<Span>,
    pub containers: Vec<Container>,
    pub host_paths: Vec<HostPathVolume>,
    /// Pod-level `securityContext.windowsOptions.hostProcess: true` (the value).
    pub host_process: Option<Span>,
    /// A recognised control-plane static pod: exempt from workload rules.
    pub control_plane: bool,
}

impl Workload {
    /// Images of all containers, for exemption lists.
    pub fn images(&self) -> impl Iterator<Item = &str> {
        self.containers.iter().filter_map(|c| c.image.as_deref())
    }

    /// Whether Pod Security `baseline` rejects this pod (host namespaces, hostPath volumes,
    /// host ports, privileged or HostProcess containers): a node agent such as a CNI
    /// DaemonSet, which only a namespace enforcing `privileged` admits.
    pub fn needs_privileged_level(&self) -> bool {
        self.host_network.is_some()
            || self.host_pid.is_some()
            || self.host_ipc.is_some()
            || self.host_process.is_some()
            || !self.host_paths.is_empty()
            || self.containers.iter().any(|c| {
                c.privileged.is_some() || c.host_process.is_some() || !c.host_ports.is_empty()
            })
    }
}

// ---------------------------------------------------------------- network policy

/// A peer of a Kubernetes NetworkPolicy rule.
#[derive(Clone, Debug)]
pub enum NpPeer {
    IpBlock {
        cidr: Spanned,
        except: Vec<String>,
    },
    Selectors {
        pod: Option<LabelSelector>,
        namespace: Option<LabelSelector>,
        span: Span,
    },
}

#[derive(Clone, Debug)]
pub struct NpRule {
    /// The rule's list item.
    pub span: Span,
    pub peers: Vec<NpPeer>,
    /// Ports listed (empty: all ports).
    pub ports: Vec<PortRange>,
    /// Whether `ports` is written with entries (named ports are not resolved into `ports`).
    pub has_ports: bool,
}

impl NpRule {
    /// No peers and no ports: everything is allowed.
    pub fn allows_all(&self) -> bool {
        self.peers.is_empty() && !self.has_ports
    }
}

/// A Kubernetes `networking.k8s.io/v1` NetworkPolicy, with `policyTypes` defaulted as the API
/// server does.
#[derive(Clone, Debug)]
pub struct NetPolicy {
    pub meta: Meta,
    pub pod_selector: LabelSelector,
    /// Effective policy types after defaulting.
    pub ingress_type: bool,
    pub egress_type: bool,
    pub ingress: Vec<NpRule>,
    pub egress: Vec<NpRule>,
}

/// One end of a Calico rule.
#[derive(Clone, Debug, Default)]
pub struct CalicoEnd {
    pub nets: Vec<Spanned>,
    pub not_nets: Vec<String>,
    pub selector: Option<String>,
    pub namespace_selector: Option<String>,
    pub ports: Vec<PortRange>,
    /// Any constraint other than nets and ports (service accounts, services, domains, not*).
    pub other: bool,
}

impl CalicoEnd {
    pub fn unconstrained(&self) -> bool {
        self.nets.is_empty()
            && self.selector.is_none()
            && self.namespace_selector.is_none()
            && self.ports.is_empty()
            && !self.other
    }
}

#[derive(Clone, Debug)]
pub struct CalicoRule {
    /// `Allow`, `Deny`, `Log`, `Pass`.
    pub action: String,
    pub protocol: Option<String>,
    /// Rule-level match criteria beyond protocol and ends (`icmp`, `notICMP`, `http`,
    /// `notProtocol`).
    pub other: bool,
    pub source: CalicoEnd,
    pub destination: CalicoEnd,
    pub span: Span,
}

/// A Calico `NetworkPolicy` or `GlobalNetworkPolicy` (projectcalico.org/v3 or crd v1).
#[derive(Clone, Debug)]
pub struct CalicoPolicy {
    pub meta: Meta,
    pub global: bool,
    /// `spec.selector` (absent means `all()`).
    pub selector: Option<Spanned>,
    pub namespace_selector: Option<String>,
    pub ingress_type: bool,
    pub egress_type: bool,
    pub ingress: Vec<CalicoRule>,
    pub egress: Vec<CalicoRule>,
    /// Host-only options (`doNotTrack`, `preDNAT`, `applyOnForward`) set true.
    pub host_only: bool,
}

/// One rule of a Cilium policy.
#[derive(Clone, Debug, Default)]
pub struct CiliumRule {
    pub span: Span,
    pub entities: Vec<Spanned>,
    /// `fromCIDR`/`toCIDR` and `cidrSet[].cidr` without `except`.
    pub cidrs: Vec<Spanned>,
    /// `cidrSet` entries with an `except` list: (cidr, excepted).
    pub cidrs_with_except: Vec<(Spanned, Vec<String>)>,
    pub ports: Vec<PortRange>,
    /// Selectors, services, FQDNs, … anything else that narrows the peers.
    pub other_peers: bool,
}

impl CiliumRule {
    pub fn no_peers(&self) -> bool {
        self.entities.is_empty()
            && self.cidrs.is_empty()
            && self.cidrs_with_except.is_empty()
            && !self.other_peers
    }
}

/// A `CiliumNetworkPolicy` or `CiliumClusterwideNetworkPolicy` (one per `spec`/`specs[]` entry).
#[derive(Clone, Debug)]
pub struct CiliumPolicy {
    pub meta: Meta,
    pub clusterwide: bool,
    pub endpoint_selector: Option<LabelSelector>,
    /// `nodeSelector`: a host policy.
    pub node_selector: Option<LabelSelector>,
    /// Whether an `ingress`/`ingressDeny` (resp. egress) section is written.
    pub has_ingress: bool,
    pub has_egress: bool,
    /// `enableDefaultDeny.ingress`/`.egress` when written.
    pub default_deny_ingress: Option<bool>,
    pub default_deny_egress: Option<bool>,
    pub ingress: Vec<CiliumRule>,
    pub egress: Vec<CiliumRule>,
}

/// A Calico `HostEndpoint`.
#[derive(Clone, Debug)]
pub struct HostEndpoint {
    pub meta: Meta,
}

/// One `failsafeInboundHostPorts` entry.
#[derive(Clone, Debug)]
pub struct FailsafePort {
    pub protocol: String,
    pub port: u16,
    pub net: Option<String>,
    pub span: Span,
}

/// A Calico `FelixConfiguration`.
#[derive(Clone, Debug)]
pub struct FelixConfig {
    pub meta: Meta,
    /// `None` when `failsafeInboundHostPorts` is absent (Felix then uses its built-in list).
    pub failsafe_inbound: Option<Vec<FailsafePort>>,
    /// `spec`, else `kind`.
    pub anchor: Span,
}

/// A Calico `KubeControllersConfiguration`.
#[derive(Clone, Debug)]
pub struct KubeControllersConfig {
    pub meta: Meta,
    /// `spec.controllers.node.hostEndpoint.autoCreate`.
    pub auto_create: Option<Spanned>,
}

/// Cilium agent settings from the `cilium-config` ConfigMap.
#[derive(Clone, Debug)]
pub struct CiliumConfig {
    pub meta: Meta,
    pub host_firewall: Option<Spanned>,
    pub enable_policy: Option<Spanned>,
    pub policy_audit_mode: Option<Spanned>,
}

/// A `KubeProxyConfiguration` (kubeproxy.config.k8s.io).
#[derive(Clone, Debug)]
pub struct KubeProxyConfig {
    pub meta: Meta,
    pub metrics_bind_address: Option<Spanned>,
    /// `nodePortAddresses` entries; `None` when absent or null (all node addresses).
    pub node_port_addresses: Option<Vec<Spanned>>,
    /// The `nodePortAddresses` key, else `kind`.
    pub node_port_anchor: Span,
}

/// Everything a file says about Kubernetes objects.
#[derive(Clone, Debug, Default)]
pub struct KubeFacts {
    /// Every object, in file order.
    pub objects: Vec<Meta>,
    pub roles: Vec<Role>,
    pub bindings: Vec<Binding>,
    pub services: Vec<Service>,
    pub ingresses: Vec<Ingress>,
    pub workloads: Vec<Workload>,
    pub net_policies: Vec<NetPolicy>,
    pub calico_policies: Vec<CalicoPolicy>,
    pub cilium_policies: Vec<CiliumPolicy>,
    pub host_endpoints: Vec<HostEndpoint>,
    pub felix_configs: Vec<FelixConfig>,
    pub kube_controllers: Vec<KubeControllersConfig>,
    pub cilium_configs: Vec<CiliumConfig>,
    pub kube_proxy: Vec<KubeProxyConfig>,
    pub pod_security: Vec<super::admission::PodSecurityDefaults>,
    pub service_accounts: Vec<super::accounts::ServiceAccount>,
    pub gateways: Vec<super::gateway::Gateway>,
}

impl KubeFacts {
    pub fn is_empty(&self) -> bool {
        self.objects.is_empty()
    }
}
