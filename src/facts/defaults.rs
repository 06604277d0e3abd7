//! What a component does when a setting is absent, per origin. One table, so that a rule never
//! guesses: the same flag defaults one way on the kubelet command line and another in a
//! KubeletConfiguration file, and kubeadm fills in its own values for the control plane.
//!
//! `None` means the value is decided somewhere not in view (e.g. kubeadm writes the kubelet's
//! config file itself, so `kubeletExtraArgs` without a flag says nothing).

use super::component::{Component, Origin};

/// (component, origins it applies to, flag, default)
type Row = (Component, &'static [Origin], &'static str, &'static str);

use Component::*;
use Origin::*;

const CP_FLAGS: &[Origin] = &[StaticPod];
const KUBEADM: &[Origin] = &[KubeadmV1beta3, KubeadmV1beta4];
const CP_ANY: &[Origin] = &[StaticPod, KubeadmV1beta3, KubeadmV1beta4];
const KUBELET_ANY: &[Origin] = &[KubeletConfigFile, KubeletFlags];

const TABLE: &[Row] = &[
    // kube-apiserver's own defaults; kubeadm does not change these.
    (ApiServer, CP_ANY, "anonymous-auth", "true"),
    (ApiServer, CP_ANY, "profiling", "true"),
    // kube-apiserver alone allows everything; kubeadm sets Node,RBAC.
    (ApiServer, CP_FLAGS, "authorization-mode", "AlwaysAllow"),
    (ApiServer, KUBEADM, "authorization-mode", "Node,RBAC"),
    (
        ApiServer,
        KUBEADM,
        "enable-admission-plugins",
        "NodeRestriction",
    ),
    // Controller manager and scheduler: kubeadm binds them to loopback.
    (ControllerManager, CP_FLAGS, "bind-address", "0.0.0.0"),
    (ControllerManager, KUBEADM, "bind-address", "127.0.0.1"),
    (Scheduler, CP_FLAGS, "bind-address", "0.0.0.0"),
    (Scheduler, KUBEADM, "bind-address", "127.0.0.1"),
    // etcd: kubeadm turns on client certificate authentication.
    (Etcd, CP_FLAGS, "client-cert-auth", "false"),
    (Etcd, KUBEADM, "client-cert-auth", "true"),
    (Etcd, CP_FLAGS, "peer-client-cert-auth", "false"),
    (Etcd, KUBEADM, "peer-client-cert-auth", "true"),
    // kubelet: the config file's defaults are secure, the command line's are not.
    (Kubelet, &[KubeletConfigFile], "anonymous-auth", "false"),
    (Kubelet, &[KubeletFlags], "anonymous-auth", "true"),
    (
        Kubelet,
        &[KubeletConfigFile],
        "authorization-mode",
        "Webhook",
    ),
    (
        Kubelet,
        &[KubeletFlags],
        "authorization-mode",
        "AlwaysAllow",
    ),
    (
        Kubelet,
        &[KubeletConfigFile],
        "authentication-token-webhook",
        "true",
    ),
    (
        Kubelet,
        &[KubeletFlags],
        "authentication-token-webhook",
        "false",
    ),
    (Kubelet, &[KubeletConfigFile], "read-only-port", "0"),
    (Kubelet, &[KubeletFlags], "read-only-port", "10255"),
    // Same default in the file and on the command line (kubernetes/kubernetes
    // pkg/kubelet/apis/config/v1beta1/defaults.go: `SeccompDefault = false`, `PodPidsLimit =
    // -1`; cmd/kubelet/app/options/options.go starts the flags from those defaults). kubeadm
    // sets neither (cmd/kubeadm/app/componentconfigs/kubelet.go).
    (
        Kubelet,
        &[KubeletConfigFile, KubeletFlags],
        "seccomp-default",
        "false",
    ),
    (
        Kubelet,
        &[KubeletConfigFile, KubeletFlags],
        "pod-max-pids",
        "-1",
    ),
    // kube-apiserver extends projected tokens of the legacy-injected volume to a year
    // (pkg/kubeapiserver/options/authentication.go: `ExtendExpiration: true`); kubeadm does
    // not set the flag.
    (
        ApiServer,
        CP_ANY,
        "service-account-extend-token-expiration",
        "true",
    ),
    // --- control-plane pack. "" means: unset, the component runs without it.
    // Admission: the flag adds to the built-in default set, which lacks NodeRestriction.
    (ApiServer, CP_FLAGS, "enable-admission-plugins", ""),
    (ApiServer, CP_ANY, "disable-admission-plugins", ""),
    // What kubeadm always writes into kube-apiserver's manifest.
    (ApiServer, CP_FLAGS, "tls-cert-file", ""),
    (
        ApiServer,
        KUBEADM,
        "tls-cert-file",
        "/etc/kubernetes/pki/apiserver.crt",
    ),
    (ApiServer, CP_FLAGS, "tls-private-key-file", ""),
    (
        ApiServer,
        KUBEADM,
        "tls-private-key-file",
        "/etc/kubernetes/pki/apiserver.key",
    ),
    (ApiServer, CP_FLAGS, "client-ca-file", ""),
    (
        ApiServer,
        KUBEADM,
        "client-ca-file",
        "/etc/kubernetes/pki/ca.crt",
    ),
    (ApiServer, CP_FLAGS, "kubelet-client-certificate", ""),
    (
        ApiServer,
        KUBEADM,
        "kubelet-client-certificate",
        "/etc/kubernetes/pki/apiserver-kubelet-client.crt",
    ),
    (ApiServer, CP_FLAGS, "kubelet-client-key", ""),
    (
        ApiServer,
        KUBEADM,
        "kubelet-client-key",
        "/etc/kubernetes/pki/apiserver-kubelet-client.key",
    ),
    (ApiServer, CP_ANY, "kubelet-certificate-authority", ""),
    (ApiServer, CP_FLAGS, "etcd-cafile", ""),
    (ApiServer, CP_FLAGS, "etcd-certfile", ""),
    (ApiServer, CP_FLAGS, "etcd-keyfile", ""),
    (ApiServer, CP_ANY, "token-auth-file", ""),
    (ApiServer, CP_ANY, "encryption-provider-config", ""),
    (ApiServer, CP_ANY, "audit-policy-file", ""),
    (ApiServer, CP_ANY, "audit-log-path", ""),
    (ApiServer, CP_ANY, "audit-webhook-config-file", ""),
    (ApiServer, CP_ANY, "service-account-lookup", "true"),
    // Service-account keys: unset on a bare command line; kubeadm writes its own pair
    // (cmd/kubeadm/app/phases/controlplane/manifests.go, `getAPIServerCommand`).
    (ApiServer, CP_FLAGS, "service-account-key-file", ""),
    (ApiServer, CP_FLAGS, "service-account-signing-key-file", ""),
    (
        ApiServer,
        KUBEADM,
        "service-account-key-file",
        "/etc/kubernetes/pki/sa.pub",
    ),
    (
        ApiServer,
        KUBEADM,
        "service-account-signing-key-file",
        "/etc/kubernetes/pki/sa.key",
    ),
    // kube-controller-manager and kube-scheduler.
    (ControllerManager, CP_ANY, "profiling", "true"),
    (Scheduler, CP_ANY, "profiling", "true"),
    (
        ControllerManager,
        CP_FLAGS,
        "use-service-account-credentials",
        "false",
    ),
    (
        ControllerManager,
        KUBEADM,
        "use-service-account-credentials",
        "true",
    ),
    (
        ControllerManager,
        CP_ANY,
        "cluster-signing-duration",
        "8760h",
    ),
    // etcd: plain flags default to plaintext on localhost; kubeadm writes TLS everywhere.
    (
        Etcd,
        CP_FLAGS,
        "listen-client-urls",
        "http://localhost:2379",
    ),
    (Etcd, CP_FLAGS, "listen-peer-urls", "http://localhost:2380"),
    (
        Etcd,
        CP_FLAGS,
        "advertise-client-urls",
        "http://localhost:2379",
    ),
    (
        Etcd,
        KUBEADM,
        "listen-client-urls",
        "https://127.0.0.1:2379",
    ),
    (Etcd, KUBEADM, "listen-peer-urls", "https://127.0.0.1:2380"),
    (
        Etcd,
        KUBEADM,
        "advertise-client-urls",
        "https://127.0.0.1:2379",
    ),
    (Etcd, CP_FLAGS, "auto-tls", "false"),
    (Etcd, KUBEADM, "auto-tls", "false"),
    (Etcd, CP_FLAGS, "peer-auto-tls", "false"),
    (Etcd, KUBEADM, "peer-auto-tls", "false"),
    (Etcd, CP_FLAGS, "cert-file", ""),
    (
        Etcd,
        KUBEADM,
        "cert-file",
        "/etc/kubernetes/pki/etcd/server.crt",
    ),
    (Etcd, CP_FLAGS, "key-file", ""),
    (
        Etcd,
        KUBEADM,
        "key-file",
        "/etc/kubernetes/pki/etcd/server.key",
    ),
    (Etcd, CP_FLAGS, "peer-cert-file", ""),
    (
        Etcd,
        KUBEADM,
        "peer-cert-file",
        "/etc/kubernetes/pki/etcd/peer.crt",
    ),
    (Etcd, CP_FLAGS, "peer-key-file", ""),
    (
        Etcd,
        KUBEADM,
        "peer-key-file",
        "/etc/kubernetes/pki/etcd/peer.key",
    ),
    // kubelet serving certificate: no files and no CSR bootstrap unless asked for, in both
    // sources (pkg/kubelet/apis/config/v1beta1/defaults.go sets none of them); the kubelet
    // then writes a self-signed pair (cmd/kubelet/app/server.go, `InitializeTLS`).
    (Kubelet, KUBELET_ANY, "rotate-server-certificates", "false"),
    (Kubelet, KUBELET_ANY, "tls-cert-file", ""),
    (Kubelet, KUBELET_ANY, "tls-private-key-file", ""),
    // kubelet: certificate rotation is off unless asked for, in both sources.
    (
        Kubelet,
        &[KubeletConfigFile, KubeletFlags],
        "rotate-certificates",
        "false",
    ),
];

/// What Talos writes itself when the machine config does not set a flag (siderolabs/talos
/// internal/app/machined/pkg/controllers/k8s/control_plane_final.go for the control plane,
/// internal/app/machined/pkg/controllers/k8s/internal/kubeletstate (`NewKubeletConfiguration`)
/// for the kubelet). Flags Talos writes under `MergeDenied` cannot be overridden and are not
/// lowered from `extraArgs`; etcd's flags are left unknown.
const TALOS: &[Row] = &[
    (ApiServer, &[Talos], "anonymous-auth", "false"),
    (ApiServer, &[Talos], "profiling", "false"),
    (ApiServer, &[Talos], "authorization-mode", "Node,RBAC"),
    (
        ApiServer,
        &[Talos],
        "enable-admission-plugins",
        "NodeRestriction",
    ),
    (ApiServer, &[Talos], "disable-admission-plugins", ""),
    (
        ApiServer,
        &[Talos],
        "tls-cert-file",
        "/system/secrets/kubernetes/kube-apiserver/apiserver.crt",
    ),
    (
        ApiServer,
        &[Talos],
        "tls-private-key-file",
        "/system/secrets/kubernetes/kube-apiserver/apiserver.key",
    ),
    (
        ApiServer,
        &[Talos],
        "client-ca-file",
        "/system/secrets/kubernetes/kube-apiserver/ca.crt",
    ),
    (
        ApiServer,
        &[Talos],
        "kubelet-client-certificate",
        "/system/secrets/kubernetes/kube-apiserver/apiserver-kubelet-client.crt",
    ),
    (
        ApiServer,
        &[Talos],
        "kubelet-client-key",
        "/system/secrets/kubernetes/kube-apiserver/apiserver-kubelet-client.key",
    ),
    (
        ApiServer,
        &[Talos],
        "etcd-cafile",
        "/system/secrets/kubernetes/kube-apiserver/etcd-client-ca.crt",
    ),
    (
        ApiServer,
        &[Talos],
        "etcd-certfile",
        "/system/secrets/kubernetes/kube-apiserver/etcd-client.crt",
    ),
    (
        ApiServer,
        &[Talos],
        "etcd-keyfile",
        "/system/secrets/kubernetes/kube-apiserver/etcd-client.key",
    ),
    (
        ApiServer,
        &[Talos],
        "encryption-provider-config",
        "/system/secrets/kubernetes/kube-apiserver/encryptionconfig.yaml",
    ),
    (
        ApiServer,
        &[Talos],
        "audit-policy-file",
        "/system/config/kubernetes/kube-apiserver/auditpolicy.yaml",
    ),
    (
        ApiServer,
        &[Talos],
        "audit-log-path",
        "/var/log/audit/kube/kube-apiserver.log",
    ),
    (ApiServer, &[Talos], "audit-log-maxage", "30"),
    (ApiServer, &[Talos], "audit-log-maxbackup", "10"),
    (ApiServer, &[Talos], "audit-log-maxsize", "100"),
    (ApiServer, &[Talos], "tls-min-version", "VersionTLS13"),
    (ApiServer, &[Talos], "token-auth-file", ""),
    (ApiServer, &[Talos], "audit-webhook-config-file", ""),
    (ApiServer, &[Talos], "service-account-lookup", "true"),
    (ControllerManager, &[Talos], "bind-address", "127.0.0.1"),
    (ControllerManager, &[Talos], "profiling", "false"),
    (
        ControllerManager,
        &[Talos],
        "use-service-account-credentials",
        "true",
    ),
    (
        ControllerManager,
        &[Talos],
        "tls-min-version",
        "VersionTLS13",
    ),
    (Scheduler, &[Talos], "bind-address", "127.0.0.1"),
    (Scheduler, &[Talos], "profiling", "false"),
    (Scheduler, &[Talos], "tls-min-version", "VersionTLS13"),
    (Kubelet, &[Talos], "anonymous-auth", "false"),
    (Kubelet, &[Talos], "authentication-token-webhook", "true"),
    (Kubelet, &[Talos], "authorization-mode", "Webhook"),
    (
        Kubelet,
        &[Talos],
        "client-ca-file",
        "/etc/kubernetes/pki/ca.crt",
    ),
    (Kubelet, &[Talos], "read-only-port", "0"),
    (Kubelet, &[Talos], "rotate-certificates", "true"),
    (Kubelet, &[Talos], "protect-kernel-defaults", "true"),
    (
        Kubelet,
        &[Talos],
        "streaming-connection-idle-timeout",
        "5m0s",
    ),
    (Kubelet, &[Talos], "tls-min-version", "VersionTLS13"),
];

/// What kOps sets when its Cluster spec says nothing (kubernetes/kops
/// pkg/model/components/apiserver.go: anonymous auth always off, its admission plugin list,
/// `Node,RBAC` with the default `authorization.rbac`; no audit log without `auditLogPath`, no
/// encryption without `encryptionConfig: true`; the kubelet's webhook authn/authz from
/// nodeup/pkg/model/kubelet.go).
const KOPS: &[Row] = &[
    (ApiServer, &[Kops], "anonymous-auth", "false"),
    (ApiServer, &[Kops], "authorization-mode", "Node,RBAC"),
    (
        ApiServer,
        &[Kops],
        "enable-admission-plugins",
        "NamespaceLifecycle,LimitRanger,ServiceAccount,PersistentVolumeLabel,DefaultStorageClass,DefaultTolerationSeconds,NodeRestriction,Priority,StorageObjectInUseProtection,PersistentVolumeClaimResize,RuntimeClass,MutatingAdmissionWebhook,ValidatingAdmissionWebhook,ResourceQuota",
    ),
    (ApiServer, &[Kops], "disable-admission-plugins", ""),
    (ApiServer, &[Kops], "audit-log-path", ""),
    (ApiServer, &[Kops], "audit-policy-file", ""),
    (ApiServer, &[Kops], "audit-webhook-config-file", ""),
    (ApiServer, &[Kops], "encryption-provider-config", ""),
    (ApiServer, &[Kops], "token-auth-file", ""),
    (Kubelet, &[Kops], "anonymous-auth", "false"),
    (Kubelet, &[Kops], "authorization-mode", "Webhook"),
    (Kubelet, &[Kops], "authentication-token-webhook", "true"),
];

pub fn default_for(component: Component, origin: Origin, flag: &str) -> Option<&'static str> {
    let origin = match origin {
        // A MicroK8s args file is the component's whole command line: the binary's own flag
        // defaults apply (canonical/microk8s `microk8s-resources/default-args/*` are passed
        // as they are, one flag per line).
        // The MicroK8s kubelet's client credentials are in `credentials/kubelet.config`, which
        // the snap writes (a token in older releases): not decided by this file.
        Origin::MicroK8s if component == Kubelet && flag == "rotate-certificates" => return None,
        Origin::MicroK8s if component == Kubelet => KubeletFlags,
        Origin::MicroK8s => StaticPod,
        Origin::Rancher {
            distro,
            complete: true,
        } => return super::distro_defaults::rancher(distro, component, flag),
        Origin::MicroK8sLaunch { complete: true } => {
            return super::distro_defaults::microk8s(component, flag)
        }
        Origin::MicroK8sLaunch { complete: false } => return None,
        // A drop-in, or a main config whose drop-ins add to the component; kubespray
        // variables (a precedence chain across files); a kind patch (merged into kind's own
        // kubeadm config): absences are unknown.
        Origin::Rancher { .. } | Origin::Kubespray | Origin::KindPatch => return None,
        o => o,
    };
    TABLE
        .iter()
        .chain(TALOS)
        .chain(KOPS)
        .find(|(c, origins, f, _)| *c == component && *f == flag && origins.contains(&origin))
        .map(|row| row.3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kubelet_defaults_differ_by_origin() {
        assert_eq!(
            default_for(Kubelet, KubeletConfigFile, "anonymous-auth"),
            Some("false")
        );
        assert_eq!(
            default_for(Kubelet, KubeletFlags, "anonymous-auth"),
            Some("true")
        );
        assert_eq!(default_for(Kubelet, KubeadmV1beta4, "anonymous-auth"), None);
        assert_eq!(
            default_for(ApiServer, KubeadmV1beta3, "authorization-mode"),
            Some("Node,RBAC")
        );
    }
}
