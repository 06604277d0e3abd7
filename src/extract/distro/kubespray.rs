//! kubespray inventories: `group_vars/<group>/*.yml`, `group_vars/<group>.yml`, `host_vars/…`. kubespray renders its kubeadm config from these variables
//! (`roles/kubernetes/control-plane/templates/kubeadm-config.v1beta4.yaml.j2`), so each
//! variable that becomes a component flag is lowered to that flag, written under the
//! variable's name.
//!
//! Ansible's precedence: role defaults < `group_vars/all` < `group_vars/k8s_cluster` < other
//! groups < `host_vars`; within a group directory, later files (lexical order) win. A value that
//! a file of equal or higher precedence also sets is not judged here (which host ends up with
//! which value is not in view); an absent variable is unknown (its value is in another file or
//! a role default), so only what a file sets is judged, except for kubespray's insecure role
//! defaults (`DEFAULTS`): a variable that no file of the inventory sets takes that default,
//! reported at `group_vars/k8s_cluster/k8s-cluster.yml` (else the group's first file).
//! Jinja values are unknown. The roles' own `defaults/` are not judged: an inventory may
//! override any of them.

use super::common::{components_rev, keys_of, templated, yaml_files_in};
use crate::facts::{Component, ComponentConfig, FileFacts, Origin, Setting};
use crate::parse::Node;
use std::path::{Path, PathBuf};

/// A file's place in an inventory.
pub struct At {
    /// 1 `all`, 2 `k8s_cluster`, 3 other groups, 4 `host_vars`.
    rank: u8,
    group: String,
    /// The other files of the inventory that may override this one, with their rank and group.
    others: Vec<(u8, String, PathBuf)>,
    this: PathBuf,
    /// The inventory's host files (`inventory.ini`, `hosts.yaml`…), which may set variables
    /// inline (`[k8s_cluster:vars]`, `vars:`): only searched for a variable's name, so that a
    /// default is never assumed for a variable they may set.
    inline: String,
}

pub fn recognise(path: &Path) -> Option<At> {
    let ext = path.extension().and_then(|e| e.to_str())?;
    if ext != "yml" && ext != "yaml" {
        return None;
    }
    let c = components_rev(path);
    // `…/group_vars/<group>/<file>` or `…/group_vars/<group>.yml`.
    let vars_at = c.iter().position(|s| s == "group_vars" || s == "host_vars");
    if let Some(i) = vars_at.filter(|&i| i == 1 || i == 2) {
        let host = c[i] == "host_vars";
        let group = if i == 2 {
            c[1].clone()
        } else {
            c[0].rsplit_once('.').map(|(s, _)| s.to_string())?
        };
        let rank = rank_of(host, &group);
        let inventory = path.ancestors().nth(i + 1)?;
        return Some(At {
            rank,
            group,
            others: inventory_files(inventory),
            inline: host_files_text(inventory),
            this: path.to_path_buf(),
        });
    }
    None
}

fn rank_of(host: bool, group: &str) -> u8 {
    match (host, group) {
        (true, _) => 4,
        (false, "all") => 1,
        (false, "k8s_cluster" | "k8s-cluster") => 2,
        _ => 3,
    }
}

/// Every vars file of an inventory, with its rank and group.
/// The text of the files directly in the inventory directory (bounded; symbolic links skipped).
fn host_files_text(inventory: &Path) -> String {
    let Ok(rd) = std::fs::read_dir(inventory) else {
        return String::new();
    };
    let mut out = String::new();
    for p in rd.filter_map(|e| e.ok().map(|e| e.path())) {
        if !std::fs::symlink_metadata(&p).is_ok_and(|m| m.is_file()) {
            continue;
        }
        if let Ok(bytes) = crate::read::read_bounded(&p, crate::limits::MAX_FILE_BYTES) {
            out.push_str(&String::from_utf8_lossy(&bytes));
            out.push('\n');
        }
    }
    out
}

fn inventory_files(inventory: &Path) -> Vec<(u8, String, PathBuf)> {
    let mut out = Vec::new();
    for (dir, host) in [("group_vars", false), ("host_vars", true)] {
        let Ok(rd) = std::fs::read_dir(inventory.join(dir)) else {
            continue;
        };
        let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for p in entries {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if std::fs::symlink_metadata(&p).is_ok_and(|m| m.is_dir()) {
                for f in yaml_files_in(&p) {
                    out.push((rank_of(host, &name), name.clone(), f));
                }
            } else if let Some((stem, "yml" | "yaml")) = name.rsplit_once('.') {
                out.push((rank_of(host, stem), stem.to_string(), p));
            }
        }
    }
    out
}

/// How a variable becomes flags: (variable, component, flag, how the value maps).
enum Map {
    /// The value as it is (a list is joined with commas).
    Value,
    /// A boolean that turns a flag on (`true` → the path kubespray writes) or leaves it unset.
    Enables(&'static str),
    /// A boolean kubelet webhook authorization: `true` → Webhook, `false` → AlwaysAllow.
    KubeletAuthz,
}

const VARS: &[(&str, Component, &str, Map)] = &[
    (
        "kube_api_anonymous_auth",
        Component::ApiServer,
        "anonymous-auth",
        Map::Value,
    ),
    (
        "kube_encrypt_secret_data",
        Component::ApiServer,
        "encryption-provider-config",
        Map::Enables("/etc/kubernetes/ssl/secrets_encryption.yaml"),
    ),
    (
        "kube_token_auth",
        Component::ApiServer,
        "token-auth-file",
        Map::Enables("/etc/kubernetes/tokens/known_tokens.csv"),
    ),
    (
        "kube_profiling",
        Component::ApiServer,
        "profiling",
        Map::Value,
    ),
    (
        "kube_profiling",
        Component::ControllerManager,
        "profiling",
        Map::Value,
    ),
    (
        "kube_profiling",
        Component::Scheduler,
        "profiling",
        Map::Value,
    ),
    (
        "authorization_modes",
        Component::ApiServer,
        "authorization-mode",
        Map::Value,
    ),
    (
        "kube_apiserver_enable_admission_plugins",
        Component::ApiServer,
        "enable-admission-plugins",
        Map::Value,
    ),
    (
        "tls_min_version",
        Component::ApiServer,
        "tls-min-version",
        Map::Value,
    ),
    (
        "tls_cipher_suites",
        Component::ApiServer,
        "tls-cipher-suites",
        Map::Value,
    ),
    (
        "kube_controller_manager_bind_address",
        Component::ControllerManager,
        "bind-address",
        Map::Value,
    ),
    (
        "kube_scheduler_bind_address",
        Component::Scheduler,
        "bind-address",
        Map::Value,
    ),
    (
        "kube_read_only_port",
        Component::Kubelet,
        "read-only-port",
        Map::Value,
    ),
    (
        "kubelet_authorization_mode_webhook",
        Component::Kubelet,
        "authorization-mode",
        Map::KubeletAuthz,
    ),
    (
        "kubelet_authentication_token_webhook",
        Component::Kubelet,
        "authentication-token-webhook",
        Map::Value,
    ),
    (
        "kubelet_rotate_certificates",
        Component::Kubelet,
        "rotate-certificates",
        Map::Value,
    ),
    (
        "kubelet_make_iptables_util_chains",
        Component::Kubelet,
        "make-iptables-util-chains",
        Map::Value,
    ),
];

/// kubespray's role defaults that are insecure, for variables no file of the inventory sets:
/// (variable, as written, component, flag, flag value, source file in kubespray @46dbdd3).
const DEFAULTS: &[(&str, &str, Component, &str, &str, &str)] = &[
    (
        "kube_api_anonymous_auth",
        "true",
        Component::ApiServer,
        "anonymous-auth",
        "true",
        "roles/kubespray_defaults/defaults/main/main.yml",
    ),
    (
        "kube_encrypt_secret_data",
        "false",
        Component::ApiServer,
        "encryption-provider-config",
        "",
        "roles/kubernetes/control-plane/defaults/main/main.yml",
    ),
    (
        "kubernetes_audit",
        "false",
        Component::ApiServer,
        "audit-policy-file",
        "",
        "roles/kubernetes/control-plane/defaults/main/main.yml",
    ),
    (
        "kube_controller_manager_bind_address",
        "\"::\"",
        Component::ControllerManager,
        "bind-address",
        "::",
        "roles/kubernetes/control-plane/defaults/main/main.yml",
    ),
    (
        "kube_scheduler_bind_address",
        "\"::\"",
        Component::Scheduler,
        "bind-address",
        "::",
        "roles/kubernetes/control-plane/defaults/main/kube-scheduler.yml",
    ),
];

/// Variables kubespray alone uses, one of which a file needs to be taken for its inventory.
fn is_kubespray_var(name: &str) -> bool {
    VARS.iter().any(|v| v.0 == name)
        || matches!(
            name,
            "kubernetes_audit"
                | "kubernetes_audit_webhook"
                | "kube_network_plugin"
                | "kube_proxy_mode"
                | "etcd_deployment_type"
                | "container_manager"
                | "kube_apiserver_bind_address"
                | "kubelet_rotate_server_certificates"
                | "remove_anonymous_access"
        )
}

pub fn extract(at: &At, root: &Node, facts: &mut FileFacts) -> bool {
    if !root.is_map() || root.get("apiVersion").is_some() || root.get("kind").is_some() {
        return false;
    }
    let entries: Vec<(&str, &Node, &Node)> = root
        .entries()
        .iter()
        .filter_map(|(k, v)| Some((k.as_str()?, k, v)))
        .collect();
    if !entries.iter().any(|(k, _, _)| is_kubespray_var(k)) {
        return false;
    }
    // Variables a file of equal or higher precedence sets too.
    let this_pos = at.others.iter().position(|(_, _, p)| p == &at.this);
    let mut overridden: Vec<String> = Vec::new();
    let mut anywhere: Vec<String> = Vec::new();
    for (i, (rank, group, p)) in at.others.iter().enumerate() {
        if Some(i) == this_pos || p == &at.this {
            continue;
        }
        let later_same = *group == at.group && this_pos.is_some_and(|t| i > t);
        let wins = *rank > at.rank || (*rank == at.rank && (*group != at.group || later_same));
        for (k, _) in keys_of(p) {
            if wins {
                overridden.push(k.clone());
            }
            anywhere.push(k);
        }
    }
    let live = |k: &str| !overridden.iter().any(|o| o == k);
    let mut per: Vec<(Component, Vec<Setting>, crate::source::Span)> = Vec::new();
    let mut push = |c: Component, s: Setting| match per.iter_mut().find(|p| p.0 == c) {
        Some(p) => p.1.push(s),
        None => per.push((c, vec![s.clone()], s.span)),
    };
    let set_anywhere = |var: &str| {
        anywhere.iter().any(|a| a == var)
            || entries.iter().any(|e| e.0 == var)
            || at.inline.contains(var)
    };
    // With an AuthenticationConfiguration kubespray passes no --anonymous-auth (the template's
    // `kube_apiserver_use_authentication_config_file`): not in view. Either way, the anonymous
    // setting is not judged.
    // `remove_anonymous_access: true` (kubespray's hardening profile) deletes the RBAC
    // bindings of anonymous users instead; set in another file, its value is not in view.
    let anon_removed = match entries.iter().find(|e| e.0 == "remove_anonymous_access") {
        Some(e) => value_text(e.2).and_then(|v| crate::parse::yaml11_bool(&v)) != Some(false),
        None => anywhere.iter().any(|a| a == "remove_anonymous_access"),
    };
    let authn_file = set_anywhere("kube_apiserver_use_authentication_config_file") || anon_removed;
    for (k, kn, v) in &entries {
        if !live(k) || (*k == "kube_api_anonymous_auth" && authn_file) {
            continue;
        }
        let Some(value) = value_text(v) else { continue };
        let written = format!("{k}: {}", shown(v, &value));
        for (_, component, flag, map) in VARS.iter().filter(|m| m.0 == *k) {
            let bool_of = || crate::parse::yaml11_bool(&value);
            let flag_value = match map {
                Map::Value => Some(match bool_of() {
                    Some(b) if !v.is_seq() => b.to_string(),
                    _ => value.clone(),
                }),
                Map::Enables(path) => {
                    bool_of().map(|b| if b { path.to_string() } else { String::new() })
                }
                Map::KubeletAuthz => {
                    bool_of().map(|b| if b { "Webhook" } else { "AlwaysAllow" }.to_string())
                }
            };
            if let Some(fv) = flag_value {
                push(*component, setting(flag, fv, kn, v, &written));
            }
        }
        // Audit: `kubernetes_audit` writes the log, `kubernetes_audit_webhook` a webhook; both
        // off means no audit policy at all (the webhook defaults to false in
        // `roles/kubernetes/control-plane/defaults/main/main.yml`).
        if *k == "kubernetes_audit" {
            let webhook_here = entries.iter().find(|e| e.0 == "kubernetes_audit_webhook");
            let webhook_on = webhook_here
                .and_then(|e| value_text(e.2))
                .map(|w| crate::parse::yaml11_bool(&w) != Some(false))
                .unwrap_or(anywhere.iter().any(|a| a == "kubernetes_audit_webhook"));
            match crate::parse::yaml11_bool(&value) {
                Some(true) => {
                    push(
                        Component::ApiServer,
                        setting(
                            "audit-policy-file",
                            "/etc/kubernetes/audit-policy/apiserver-audit-policy.yaml".into(),
                            kn,
                            v,
                            &written,
                        ),
                    );
                    push(
                        Component::ApiServer,
                        setting(
                            "audit-log-path",
                            "/var/log/audit/kube-apiserver-audit.log".into(),
                            kn,
                            v,
                            &written,
                        ),
                    );
                }
                Some(false) if !webhook_on => push(
                    Component::ApiServer,
                    setting("audit-policy-file", String::new(), kn, v, &written),
                ),
                _ => {}
            }
        }
    }
    let elsewhere = |var: &str| anywhere.iter().any(|a| a == var) || at.inline.contains(var);
    super::podnet::kubespray(&entries, &live, &elsewhere, facts);
    // The inventory's first `k8s_cluster` file carries kubespray's own insecure defaults for
    // what no file of the inventory sets.
    let cluster_files: Vec<&PathBuf> = at
        .others
        .iter()
        .filter(|(r, _, _)| *r == 2)
        .map(|o| &o.2)
        .collect();
    let named = |p: &&&PathBuf| {
        p.file_stem()
            .is_some_and(|s| s == "k8s-cluster" || s == "k8s_cluster")
    };
    let first_cluster_file = cluster_files
        .iter()
        .find(named)
        .or(cluster_files.first())
        .copied();
    if at.rank == 2 && first_cluster_file == Some(&at.this) {
        if let Some((_, first_key, _)) = entries.first() {
            for (var, shown, component, flag, value, source) in DEFAULTS {
                let skip = set_anywhere(var)
                    || (*var == "kubernetes_audit" && set_anywhere("kubernetes_audit_webhook"))
                    || (*var == "kube_api_anonymous_auth" && authn_file);
                if !skip {
                    let written = format!(
                        "{var}: {shown}, kubespray's default ({source}), which no file of this inventory overrides"
                    );
                    push(
                        *component,
                        setting(flag, value.to_string(), first_key, first_key, &written),
                    );
                }
            }
        }
    }
    for (component, settings, anchor) in per {
        facts.components.push(ComponentConfig {
            component,
            origin: Origin::Kubespray,
            anchor,
            settings,
        });
    }
    true
}

/// A scalar's text, or a list of scalars joined with commas; `None` when templated or nested.
fn value_text(v: &Node) -> Option<String> {
    let text = if v.is_seq() {
        let items: Option<Vec<&str>> = v.items().iter().map(Node::as_str).collect();
        items?.join(",")
    } else {
        v.as_str()?.to_string()
    };
    (!templated(&text)).then_some(text)
}

fn shown(v: &Node, value: &str) -> String {
    if v.is_seq() {
        format!("[{value}]")
    } else {
        value.to_string()
    }
}

fn setting(flag: &str, value: String, key: &Node, v: &Node, written: &str) -> Setting {
    Setting {
        name: flag.to_string(),
        at: crate::facts::Located::written(Some(value), key.span.cover(v.span), v.span),
        written: written.to_string(),
    }
}
