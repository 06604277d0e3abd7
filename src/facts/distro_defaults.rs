//! What k3s and RKE2 pass to the components they run when their config says nothing: the
//! built-in arguments that `*-arg` lists add to or override. `None` = not decided here (the
//! value depends on other keys or is not a security setting), never a finding.
//!
//! Sources:
//! - k3s `pkg/daemons/control/server.go` (`apiServer()`, `controllerManager()`,
//!   `scheduler()`): `anonymous-auth=false`, `authorization-mode=Node,RBAC`,
//!   `enable-admission-plugins=NodeRestriction`, `profiling=false`, TLS and kubelet client
//!   files, `kubelet-certificate-authority`; `encryption-provider-config` only
//!   `if cfg.EncryptSecrets` (the `secrets-encryption` key, off by default); no audit flags;
//!   controller manager and scheduler `bind-address=127.0.0.1`, `profiling=false`,
//!   `use-service-account-credentials=true`.
//! - k3s `pkg/daemons/agent/agent_linux.go` (`kubeletArgs()`): `anonymous-auth=false`,
//!   `authentication-token-webhook=true`, `authorization-mode=Webhook`, `read-only-port=0`,
//!   `client-ca-file`.
//! - k3s `pkg/etcd/etcd.go`: embedded etcd with client and peer certificate authentication.
//! - RKE2 `pkg/rke2/rke2.go` forces `secrets-encryption` on; `pkg/executor/staticpod/
//!   staticpod.go` (`APIServer`) adds `--audit-policy-file` and `--audit-log-path` only with
//!   the `audit-policy-file` key or in CIS mode (`profile: cis`).

use super::component::{Component, Distro};

/// "(set by …)" values: a non-empty path the distribution writes itself.
const SET: &str = "(set by the distribution)";

pub fn rancher(distro: Distro, component: Component, flag: &str) -> Option<&'static str> {
    use Component::*;
    Some(match (component, flag) {
        (ApiServer, "anonymous-auth") => "false",
        (ApiServer, "authorization-mode") => "Node,RBAC",
        (ApiServer, "enable-admission-plugins") => "NodeRestriction",
        (ApiServer, "disable-admission-plugins") => "",
        (ApiServer, "profiling") => "false",
        (
            ApiServer,
            "tls-cert-file"
            | "tls-private-key-file"
            | "client-ca-file"
            | "kubelet-client-certificate"
            | "kubelet-client-key"
            | "kubelet-certificate-authority",
        ) => SET,
        (ApiServer, "token-auth-file") => "",
        (ApiServer, "service-account-lookup") => "true",
        (ApiServer, "encryption-provider-config") => match distro {
            Distro::K3s => "",
            Distro::Rke2 | Distro::Rke2Cis => {
                "/var/lib/rancher/rke2/server/cred/encryption-config.json"
            }
        },
        (ApiServer, "audit-policy-file") => match distro {
            Distro::Rke2Cis => "/etc/rancher/rke2/audit-policy.yaml",
            Distro::K3s | Distro::Rke2 => "",
        },
        (ApiServer, "audit-log-path") => match distro {
            Distro::Rke2Cis => "/var/lib/rancher/rke2/server/logs/audit.log",
            Distro::K3s | Distro::Rke2 => "",
        },
        (ApiServer, "audit-webhook-config-file") => "",
        (ControllerManager | Scheduler, "bind-address") => "127.0.0.1",
        (ControllerManager | Scheduler, "profiling") => "false",
        (ControllerManager, "use-service-account-credentials") => "true",
        (ControllerManager, "cluster-signing-duration") => "8760h",
        (Kubelet, "anonymous-auth") => "false",
        (Kubelet, "authentication-token-webhook") => "true",
        (Kubelet, "authorization-mode") => "Webhook",
        (Kubelet, "read-only-port") => "0",
        (Kubelet, "client-ca-file") => SET,
        (Etcd, "client-cert-auth" | "peer-client-cert-auth") => "true",
        (Etcd, "auto-tls" | "peer-auto-tls") => "false",
        (Etcd, "cert-file" | "key-file" | "peer-cert-file" | "peer-key-file") => SET,
        _ => return None,
    })
}

/// What MicroK8s passes to a component when a launch configuration (`extraKubeAPIServerArgs`
/// and friends) says nothing: its default args files (canonical/microk8s
/// `microk8s-resources/default-args/kube-apiserver` and `kubelet` @0071dd1): the API server with
/// `--authorization-mode=AlwaysAllow`, `--enable-admission-plugins=EventRateLimit`,
/// `--profiling=false`, TLS and kubelet client files, no `--anonymous-auth` (so `true`), no
/// audit and no encryption config; the kubelet with `--anonymous-auth=false`,
/// `--authentication-token-webhook=true`, `--read-only-port=0` and no `--authorization-mode`
/// (so `AlwaysAllow`). Settings not listed are not decided here.
pub fn microk8s(component: Component, flag: &str) -> Option<&'static str> {
    use Component::*;
    Some(match (component, flag) {
        (ApiServer, "authorization-mode") => "AlwaysAllow",
        (ApiServer, "anonymous-auth") => "true",
        (ApiServer, "enable-admission-plugins") => "EventRateLimit",
        (ApiServer, "disable-admission-plugins") => "",
        (ApiServer, "profiling") => "false",
        (
            ApiServer,
            "tls-cert-file"
            | "tls-private-key-file"
            | "client-ca-file"
            | "kubelet-client-certificate"
            | "kubelet-client-key"
            | "kubelet-certificate-authority",
        ) => SET,
        (ApiServer, "encryption-provider-config" | "audit-policy-file" | "audit-log-path") => "",
        (ApiServer, "audit-webhook-config-file") => "",
        (Kubelet, "anonymous-auth") => "false",
        (Kubelet, "authentication-token-webhook") => "true",
        (Kubelet, "authorization-mode") => "AlwaysAllow",
        (Kubelet, "read-only-port") => "0",
        (Kubelet, "client-ca-file") => SET,
        _ => return None,
    })
}
