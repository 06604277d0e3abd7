//! k3s and RKE2 `config.yaml` (`/etc/rancher/{k3s,rke2}/config.yaml`) and its drop-ins
//! (`config.yaml.d/*.yaml`). The loader (k3s `pkg/configfilearg/parser.go`) reads the main
//! file, then the drop-ins in lexical order: a later file's key replaces an earlier one, and a
//! key written `key+:` appends to it. Keys are the command-line flags without `--`; the `*-arg`
//! lists are passed to the components after the distribution's own arguments, so they win.

use super::common::{components_rev, item_setting, read_set_file, templated, yaml_files_in};
use crate::facts::{
    Component, ComponentConfig, Distro, DistroConfig, FileFacts, Located, Origin, Place, Setting,
};
use crate::parse::Node;
use std::path::{Path, PathBuf};

/// Where a file sits in its config set.
pub struct At {
    pub distro: Distro,
    /// The main `config.yaml` (else a drop-in).
    pub main: bool,
    /// The set: the main file (which may not exist) then the drop-ins, in load order.
    pub set: Vec<PathBuf>,
    pub this: PathBuf,
}

/// `…/rancher/k3s/config.yaml` or `…/rancher/k3s/config.yaml.d/<name>.yaml` (also `rke2`).
pub fn recognise(path: &Path) -> Option<At> {
    let c = components_rev(path);
    let is_yaml = |n: &str| n.ends_with(".yaml") || n.ends_with(".yml");
    let (main, dir_at) = match c.as_slice() {
        [f, d, r, ..] if f == "config.yaml" && r == "rancher" && distro(d).is_some() => (true, 1),
        [f, dd, d, r, ..]
            if is_yaml(f) && dd == "config.yaml.d" && r == "rancher" && distro(d).is_some() =>
        {
            (false, 2)
        }
        _ => return None,
    };
    let dir: PathBuf = path.ancestors().nth(dir_at)?.to_path_buf();
    let mut set = vec![dir.join("config.yaml")];
    set.extend(yaml_files_in(&dir.join("config.yaml.d")));
    Some(At {
        distro: distro(&c[dir_at])?,
        main,
        set,
        this: path.to_path_buf(),
    })
}

fn distro(dir: &str) -> Option<Distro> {
    match dir {
        "k3s" => Some(Distro::K3s),
        "rke2" => Some(Distro::Rke2),
        _ => None,
    }
}

/// Keys that only k3s/RKE2 configs use; a file needs one of them to be taken for one.
const DISTINCTIVE: &[&str] = &[
    "token",
    "agent-token",
    "token-file",
    "server",
    "cluster-init",
    "write-kubeconfig-mode",
    "write-kubeconfig",
    "tls-san",
    "disable",
    "node-taint",
    "node-label",
    "node-ip",
    "node-external-ip",
    "node-name",
    "flannel-backend",
    "cluster-cidr",
    "service-cidr",
    "kube-apiserver-arg",
    "kube-controller-manager-arg",
    "kube-scheduler-arg",
    "etcd-arg",
    "kubelet-arg",
    "kube-proxy-arg",
    "secrets-encryption",
    "datastore-endpoint",
    "profile",
    "cni",
    "selinux",
    "protect-kernel-defaults",
    "data-dir",
    "advertise-address",
    "bind-address",
    "disable-network-policy",
    "etcd-expose-metrics",
    "etcd-snapshot-schedule-cron",
    "etcd-s3",
    "embedded-registry",
    "audit-policy-file",
    "system-default-registry",
];

/// Keys that configure a server (control plane); an agent's config has none of them.
const SERVER_ONLY: &[&str] = &[
    "cluster-init",
    "datastore-endpoint",
    "secrets-encryption",
    "write-kubeconfig-mode",
    "write-kubeconfig",
    "tls-san",
    "disable",
    "cluster-cidr",
    "service-cidr",
    "kube-apiserver-arg",
    "kube-controller-manager-arg",
    "kube-scheduler-arg",
    "etcd-arg",
    "cni",
    "etcd-expose-metrics",
    "etcd-snapshot-schedule-cron",
    "etcd-s3",
    "audit-policy-file",
    "pod-security-admission-config-file",
    "cluster-domain",
    "service-node-port-range",
    "disable-network-policy",
    "flannel-backend",
    "agent-token",
];

/// The `*-arg` list keys and the components they configure.
const ARG_KEYS: &[(&str, Component)] = &[
    ("kube-apiserver-arg", Component::ApiServer),
    ("kube-controller-manager-arg", Component::ControllerManager),
    ("kube-scheduler-arg", Component::Scheduler),
    ("etcd-arg", Component::Etcd),
    ("kubelet-arg", Component::Kubelet),
];

/// Top-level keys that become API server flags.
const APISERVER_KEYS: &[&str] = &[
    "secrets-encryption",
    "audit-policy-file",
    "datastore-endpoint",
    "datastore-cafile",
    "datastore-certfile",
    "datastore-keyfile",
    "profile",
];

fn base(key: &str) -> &str {
    key.strip_suffix('+').unwrap_or(key)
}

pub fn extract(at: &At, root: &Node, text: &str, facts: &mut FileFacts) -> bool {
    if !root.is_map() || root.get("apiVersion").is_some() || root.get("kind").is_some() {
        return false;
    }
    let entries: Vec<(&str, &Node, &Node)> = root
        .entries()
        .iter()
        .filter_map(|(k, v)| Some((k.as_str()?, k, v)))
        .collect();
    if !entries
        .iter()
        .any(|(k, _, _)| DISTINCTIVE.contains(&base(k)) || base(k).starts_with("etcd-s3"))
    {
        return false;
    }
    // Keys of the other files of the set, and those a later file replaces.
    let pos = at.set.iter().position(|p| p == &at.this);
    let mut elsewhere: Vec<String> = Vec::new();
    let mut replaced_later: Vec<String> = Vec::new();
    let mut profile_elsewhere = None;
    let mut earlier: Vec<(String, Place)> = Vec::new();
    for (i, p) in at.set.iter().enumerate() {
        if Some(i) == pos || p == &at.this {
            continue;
        }
        let Some(file) = read_set_file(p) else {
            continue;
        };
        for (k, kn, v) in file.entries {
            if pos.is_some_and(|pos| i < pos) {
                earlier.push((
                    base(&k).to_string(),
                    Place {
                        file: Some(file.source.clone()),
                        span: kn.span.cover(v.span),
                        note: Some(
                            "`{value}` is set here first; the later file's value replaces it"
                                .into(),
                        ),
                    },
                ));
            }
            if base(&k) == "profile" {
                profile_elsewhere = v.as_str().map(str::to_string);
            }
            if pos.is_some_and(|pos| i > pos) && !k.ends_with('+') {
                replaced_later.push(k.clone());
            }
            elsewhere.push(base(&k).to_string());
        }
    }
    let effective: Vec<&(&str, &Node, &Node)> = entries
        .iter()
        .filter(|(k, _, _)| !replaced_later.iter().any(|r| r == base(k)))
        .collect();
    let get = |key: &str| {
        effective
            .iter()
            .rev()
            .find(|(k, _, _)| base(k) == key)
            .map(|e| e.2)
    };
    let profile = get("profile")
        .and_then(Node::as_str)
        .map(str::to_string)
        .or(profile_elsewhere);
    let distro = match at.distro {
        Distro::Rke2 if profile.as_deref().is_some_and(|p| p.starts_with("cis")) => Distro::Rke2Cis,
        d => d,
    };
    let server = entries
        .iter()
        .any(|(k, _, _)| SERVER_ONLY.contains(&base(k)) || base(k).starts_with("etcd-s3"))
        || elsewhere.iter().any(|k| SERVER_ONLY.contains(&k.as_str()));
    let anchor = entries.first().map(|e| e.1.span).unwrap_or(root.span);

    // Component flags.
    for (key, component) in ARG_KEYS {
        let mut settings: Vec<Setting> = Vec::new();
        let mut key_span = None;
        for (k, kn, v) in &effective {
            if base(k) != *key {
                continue;
            }
            key_span.get_or_insert(kn.span);
            let items: Vec<&Node> = if v.is_seq() {
                v.items().iter().collect()
            } else {
                vec![*v]
            };
            settings.extend(
                items
                    .into_iter()
                    .filter_map(|i| item_setting(k, i, text))
                    .map(|s| affixed(s, distro, *component)),
            );
        }
        let touched_elsewhere = elsewhere.iter().any(|k| k == key)
            || (*component == Component::ApiServer
                && elsewhere
                    .iter()
                    .any(|k| APISERVER_KEYS.contains(&k.as_str())));
        if *component == Component::ApiServer {
            if !server {
                continue;
            }
            let mut lowered = apiserver_keys(at.distro, &effective);
            lowered.append(&mut settings);
            settings = lowered;
        } else if key_span.is_none() {
            continue;
        }
        facts.components.push(ComponentConfig {
            component: *component,
            origin: Origin::Rancher {
                distro,
                complete: at.main && !touched_elsewhere,
            },
            anchor: key_span.unwrap_or(anchor),
            settings,
        });
    }

    super::podnet::rancher(at.distro == Distro::Rke2, &effective, &elsewhere, facts);
    let replaces = effective
        .iter()
        .filter(|(k, _, _)| !k.ends_with('+'))
        .flat_map(|(k, _, _)| earlier.iter().filter(move |(e, _)| e == base(k)).cloned())
        .collect();
    let fields = effective
        .iter()
        .flat_map(|(k, kn, v)| {
            let items: Vec<&Node> = if v.is_seq() {
                v.items().iter().collect()
            } else {
                vec![*v]
            };
            items.into_iter().filter_map(move |i| {
                let value = i.as_str()?;
                let span = if v.is_seq() {
                    i.span
                } else {
                    kn.span.cover(i.span)
                };
                Some((
                    base(k).to_string(),
                    Located::written(value.to_string(), span, i.span),
                ))
            })
        })
        .collect();
    facts.distro.push(DistroConfig {
        distro: at.distro.name(),
        anchor,
        main: at.main,
        server,
        sops: root.get("sops").is_some(),
        fields,
        elsewhere,
        replaces,
    });
    true
}

/// Top-level keys that set API server flags: `secrets-encryption` (k3s; RKE2 forces it on),
/// RKE2's `audit-policy-file`, and the datastore.
fn apiserver_keys(distro: Distro, entries: &[&(&str, &Node, &Node)]) -> Vec<Setting> {
    let mut out = Vec::new();
    for (k, kn, v) in entries {
        let Some(value) = v.as_str().filter(|s| !templated(s)) else {
            continue;
        };
        let mut set = |name: &str, flag_value: &str| {
            out.push(Setting {
                name: name.to_string(),
                at: crate::facts::Located::written(
                    Some(flag_value.to_string()),
                    kn.span.cover(v.span),
                    v.span,
                ),
                written: format!("{}: {value}", base(k)),
            })
        };
        match (base(k), distro) {
            ("secrets-encryption", Distro::K3s) => match crate::parse::yaml11_bool(value) {
                Some(true) => set(
                    "encryption-provider-config",
                    "/var/lib/rancher/k3s/server/cred/encryption-config.json",
                ),
                Some(false) => set("encryption-provider-config", ""),
                None => {}
            },
            ("audit-policy-file", Distro::Rke2) if !value.is_empty() => {
                // RKE2 adds --audit-log-path itself when a policy is given (staticpod.go).
                set("audit-policy-file", value);
                set(
                    "audit-log-path",
                    "/var/lib/rancher/rke2/server/logs/audit.log",
                );
            }
            ("datastore-endpoint", _) if value.starts_with("http") => set("etcd-servers", value),
            ("datastore-cafile", _) => set("etcd-cafile", value),
            ("datastore-certfile", _) => set("etcd-certfile", value),
            ("datastore-keyfile", _) => set("etcd-keyfile", value),
            _ => {}
        }
    }
    out
}

/// k3s `GetArgs` (`pkg/util/args.go`; `pkg/daemons/config/types.go` in older releases): `name+=value` appends to the distribution's
/// own value of a list flag and `name-=value` prepends to it; plain `name=value` replaces it.
fn affixed(mut s: Setting, distro: Distro, component: Component) -> Setting {
    let Some((name, append)) = s
        .name
        .strip_suffix('+')
        .map(|n| (n, true))
        .or_else(|| s.name.strip_suffix('-').map(|n| (n, false)))
    else {
        return s;
    };
    let name = name.to_string();
    let own = crate::facts::distro_defaults::rancher(distro, component, &name)
        .filter(|d| !d.is_empty() && !d.starts_with('('));
    if let (Some(own), Some(v)) = (own, s.value.as_mut()) {
        *v = if append {
            format!("{own},{v}")
        } else {
            format!("{v},{own}")
        };
    }
    s.name = name;
    s
}
