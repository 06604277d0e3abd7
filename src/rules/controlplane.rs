//! Helpers shared by the control-plane rules (C1–C5): selecting components, reading URLs and
//! describing where a value came from. Rules stay one file each; only the plumbing lives here.

use crate::facts::{Component, ComponentConfig, Effective, EncryptionRule, FileFacts, Origin};

/// The components of one kind in a file.
pub fn of(facts: &FileFacts, component: Component) -> impl Iterator<Item = &ComponentConfig> {
    facts
        .components
        .iter()
        .filter(move |c| c.component == component)
}

/// Flags through which a component reads settings from a file not in view. When present, an
/// absent flag says nothing about the effective value.
pub fn reads_config_file(c: &ComponentConfig) -> bool {
    match c.component {
        Component::Etcd => c.has_any(&["config-file"]),
        Component::Kubelet => c.origin.is_kubelet_flags() && c.has_any(&["config"]),
        Component::ApiServer | Component::ControllerManager | Component::Scheduler => false,
    }
}

/// kubeadm fills a KubeletConfiguration that travels in its own config file with its defaults
/// (client CA, certificate rotation, webhook authn/authz), so absences there say nothing.
pub fn kubeadm_managed_kubelet(facts: &FileFacts, c: &ComponentConfig) -> bool {
    c.component == Component::Kubelet
        && c.origin == Origin::KubeletConfigFile
        && !facts.kubeadm.is_empty()
}

/// A KubeletConfiguration that configures no part of the kubelet API's security
/// (authentication, authorization) may be a drop-in merged over a main file (`--config-dir`,
/// nodeadm's `kubelet.conf.d`), so its absences say nothing. Not when it travels with a kubeadm
/// config: kubeadm completes it with its own defaults.
pub fn may_be_kubelet_drop_in(facts: &FileFacts, c: &ComponentConfig) -> bool {
    const API_SECURITY: &[&str] = &[
        "anonymous-auth",
        "authentication-token-webhook",
        "client-ca-file",
        "authorization-mode",
    ];
    c.component == Component::Kubelet
        && c.origin == Origin::KubeletConfigFile
        && !c.has_any(API_SECURITY)
        && !kubeadm_managed_kubelet(facts, c)
}

/// Whether the file pins a Kubernetes version (kubeadm `kubernetesVersion`, component image
/// tags) older than 1.`minor`: a setting that version does not know is not reported there.
pub fn pins_version_before(facts: &FileFacts, minor: u32) -> bool {
    facts
        .kubernetes_versions
        .iter()
        .any(|v| crate::k8s::minor_of(&v.version).is_some_and(|m| m < minor))
}

/// Whether a flag is effectively unset (absent with an empty default, or set to "").
/// `None` when the value is decided somewhere not in view.
pub fn unset(c: &ComponentConfig, name: &str) -> Option<bool> {
    if reads_config_file(c) && c.get(name).is_none() {
        return None;
    }
    match c.effective(name) {
        Effective::Set(s) => Some(s.value_or_true().trim().is_empty()),
        Effective::Default(d) => Some(d.is_empty()),
        Effective::Unknown => None,
    }
}

/// The flags of `flags` that are effectively unset (see [`unset`]), in the given order.
pub fn unset_flags<'f>(c: &ComponentConfig, flags: &[&'f str]) -> Vec<&'f str> {
    flags
        .iter()
        .copied()
        .filter(|f| unset(c, f) == Some(true))
        .collect()
}

/// Where to report missing flags: the first of them written (empty), else the anchor.
pub fn place_of(c: &ComponentConfig, flags: &[&str]) -> crate::source::Span {
    flags
        .iter()
        .find_map(|f| c.get(f).map(|s| s.span))
        .unwrap_or(c.anchor)
}

/// How to set `flag` in the distribution's own terms, for messages ("; set
/// `secrets-encryption: true`"); empty for plain component sources.
pub fn distro_fix(c: &ComponentConfig, flag: &str) -> &'static str {
    use crate::facts::Distro;
    match (c.origin, flag) {
        (
            Origin::Rancher {
                distro: Distro::K3s,
                ..
            },
            "encryption-provider-config",
        ) => "; set `secrets-encryption: true`",
        (
            Origin::Rancher {
                distro: Distro::K3s,
                ..
            },
            "audit-policy-file",
        ) => "; add `audit-policy-file=…` and `audit-log-path=…` to `kube-apiserver-arg`",
        (Origin::Rancher { .. }, "audit-policy-file") => {
            "; set `audit-policy-file:` (RKE2 then also sets the log path) or `profile: cis`"
        }
        (Origin::Kubespray, "encryption-provider-config") => {
            "; set `kube_encrypt_secret_data: true`"
        }
        (Origin::Kubespray, "audit-policy-file") => "; set `kubernetes_audit: true`",
        (Origin::MicroK8sLaunch { .. }, "authorization-mode") => "; enable the `rbac` addon",
        _ => "",
    }
}

/// "kube-apiserver (static pod)" — the component and the source, for messages.
pub fn who(c: &ComponentConfig) -> String {
    format!("{} ({})", c.component.binary(), c.origin.describe())
}

/// Scheme and host of a URL as etcd and the API server read them (`https://10.0.0.1:2379`,
/// `http://[::]:2379`, `unix://...`). The host is lower-case, without brackets or port.
pub fn scheme_host(url: &str) -> Option<(String, String)> {
    let (scheme, rest) = url.trim().split_once("://")?;
    let authority = rest.split('/').next().unwrap_or("");
    let authority = authority.rsplit('@').next().unwrap_or(authority);
    let host = if let Some(inner) = authority.strip_prefix('[') {
        inner.split(']').next().unwrap_or("").to_string()
    } else {
        authority.split(':').next().unwrap_or("").to_string()
    };
    Some((scheme.to_ascii_lowercase(), host.to_ascii_lowercase()))
}

pub fn is_loopback(host: &str) -> bool {
    host == "localhost" || host.starts_with("127.") || host == "::1" || host.ends_with(".localhost")
}

/// A bind or listen address that accepts connections on every interface.
pub fn is_wildcard(host: &str) -> bool {
    matches!(host, "" | "0.0.0.0" | "::" | "0:0:0:0:0:0:0:0" | "*")
}

/// The entry that governs Secrets: the first whose resources name `secrets` (core group) or a
/// wildcard covering it (`*.`, `*.*`). Later matches are ignored by the API server.
pub fn secrets_rule(rules: &[EncryptionRule]) -> Option<(&EncryptionRule, &str)> {
    rules.iter().find_map(|r| {
        r.resources
            .iter()
            .find(|f| matches!(f.value.as_str(), "secrets" | "*." | "*.*"))
            .map(|f| (r, f.value.as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert_eq!(
            scheme_host("https://10.0.0.1:2379"),
            Some(("https".into(), "10.0.0.1".into()))
        );
        assert_eq!(
            scheme_host("http://[::]:2379"),
            Some(("http".into(), "::".into()))
        );
        assert_eq!(
            scheme_host("HTTP://0.0.0.0:2379/"),
            Some(("http".into(), "0.0.0.0".into()))
        );
        assert_eq!(scheme_host("10.0.0.1:2379"), None);
        assert!(is_loopback("127.0.0.1") && is_loopback("localhost") && !is_loopback("10.0.0.1"));
        assert!(is_wildcard("0.0.0.0") && is_wildcard("::"));
    }

    #[test]
    fn list_flags_accumulate_and_defaults_merge() {
        let pod = "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - command:\n        - kube-apiserver\n        - --enable-admission-plugins=EventRateLimit\n        - --enable-admission-plugins= NodeRestriction\n";
        let f = crate::extract::yaml_facts(pod);
        let c = &f.components[0];
        let items = c.values("enable-admission-plugins");
        let names: Vec<&str> = items.iter().map(|i| i.value.as_str()).collect();
        assert_eq!(names, ["EventRateLimit", "NodeRestriction"]);
        // Each item's span holds exactly its text.
        assert_eq!(
            &pod[items[1].span.start..items[1].span.end],
            "NodeRestriction"
        );

        // v1beta3 map: the last duplicate key wins; kubeadm's default applies when absent.
        let v3 = "apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\napiServer:\n  extraArgs:\n    authorization-mode: Node\n    authorization-mode: Node,RBAC\n";
        let f = crate::extract::yaml_facts(v3);
        let api = f
            .components
            .iter()
            .find(|c| c.component == Component::ApiServer)
            .unwrap();
        assert_eq!(api.values("authorization-mode").len(), 2);
        assert_eq!(
            api.effective_values("enable-admission-plugins").strings(),
            Some(vec!["NodeRestriction".to_string()])
        );

        // v1beta4 list: duplicates are passed as repeated flags and accumulate.
        let v4 = "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\napiServer:\n  extraArgs:\n    - name: authorization-mode\n      value: Node\n    - name: authorization-mode\n      value: RBAC\n";
        let f = crate::extract::yaml_facts(v4);
        let api = f
            .components
            .iter()
            .find(|c| c.component == Component::ApiServer)
            .unwrap();
        let modes: Vec<String> = api
            .values("authorization-mode")
            .into_iter()
            .map(|i| i.value)
            .collect();
        assert_eq!(modes, ["Node", "RBAC"]);
    }
}
