//! Control-plane pods: every container whose binary is kube-apiserver, etcd,
//! kube-controller-manager, kube-scheduler or kubelet yields that component's flags, read from
//! `command` after the binary and then `args` (kubeadm puts flags in `command`, RKE2/k3s-style
//! manifests in `args`).

use super::flags::parse_token;
use crate::facts::Located;
use crate::facts::{Component, ComponentConfig, FileFacts, KubernetesVersion, Origin, Setting};
use crate::parse::Node;
use crate::source::Span;

pub fn extract(root: &Node, text: &str, facts: &mut FileFacts) {
    let Some(spec) = root.get("spec") else { return };
    for container in spec.get("containers").map(Node::items).unwrap_or(&[]) {
        if let Some(config) = container_component(container, text) {
            if let Some(v) = image_version(container, config.component) {
                facts.kubernetes_versions.push(v);
            }
            facts.components.push(config);
        }
    }
}

fn container_component(container: &Node, text: &str) -> Option<ComponentConfig> {
    let command = container.get("command").map(Node::items).unwrap_or(&[]);
    let args = container.get("args").map(Node::items).unwrap_or(&[]);
    // The binary is command[0]; with no command, the image's entrypoint (named after the image).
    let (component, flag_nodes): (Component, Vec<&Node>) = match command.first() {
        Some(first) => (
            Component::from_binary(first.as_str()?)?,
            command[1..].iter().chain(args).collect(),
        ),
        None => (
            image_component(container.get_str("image")?)?,
            args.iter().collect(),
        ),
    };
    let anchor = super::nodes::key_span(container, "command")
        .or_else(|| super::nodes::key_span(container, "args"))
        .or_else(|| super::nodes::key_span(container, "image"))
        .unwrap_or(container.span);
    let origin = if component == Component::Kubelet {
        Origin::KubeletFlags
    } else {
        Origin::StaticPod
    };
    // etcd reads every flag from an `ETCD_<FLAG>` variable too; flags override them, so the
    // variables go first and "last wins" keeps that order.
    let mut settings = if component == Component::Etcd {
        etcd_env(container)
    } else {
        Vec::new()
    };
    settings.extend(settings_from_tokens(&flag_nodes, text));
    Some(ComponentConfig {
        component,
        origin,
        anchor,
        settings,
    })
}

fn etcd_env(container: &Node) -> Vec<Setting> {
    container
        .get("env")
        .map(Node::items)
        .unwrap_or(&[])
        .iter()
        .filter_map(|e| {
            let (k, name) = e.get_entry("name")?;
            let flag = name.as_str()?.strip_prefix("ETCD_")?;
            let value = e.get("value");
            let v = value.and_then(Node::as_str).unwrap_or("").to_string();
            let flag = flag.to_ascii_lowercase().replace('_', "-");
            Some(Setting {
                name: flag,
                written: format!("{}={v}", name.as_str().unwrap_or_default()),
                at: Located::written(
                    Some(v),
                    k.span.cover(value.map(|v| v.span).unwrap_or(name.span)),
                    value.map(|v| v.span).unwrap_or(name.span),
                ),
            })
        })
        .collect()
}

/// The Kubernetes version a control-plane image tag pins (`registry.k8s.io/kube-apiserver:v1.35.0`).
/// etcd's images carry etcd's own version, so they are left out.
fn image_version(container: &Node, component: Component) -> Option<KubernetesVersion> {
    if !matches!(
        component,
        Component::ApiServer | Component::ControllerManager | Component::Scheduler
    ) {
        return None;
    }
    image_tag_version(container.get("image")?, component)
}

/// The Kubernetes version an image reference pins when the image is the component's own
/// (`registry.k8s.io/kube-apiserver:v1.35.0`, `ghcr.io/siderolabs/kubelet:v1.35.0`).
pub fn image_tag_version(image: &Node, component: Component) -> Option<KubernetesVersion> {
    let text = image.as_str()?;
    let text = text.split('@').next()?;
    let (name, tag) = text.rsplit_once(':')?;
    let base = name.rsplit('/').next()?;
    if Component::from_binary(base) != Some(component) || !tag.starts_with('v') {
        return None;
    }
    Some(KubernetesVersion {
        what: format!("{base} image"),
        version: tag.to_string(),
        span: image.span,
    })
}

fn image_component(image: &str) -> Option<Component> {
    let name = image.rsplit('/').next()?;
    let name = name.split(['@', ':']).next()?;
    Component::from_binary(name)
}

/// Turns flag tokens into settings. `--name value` takes the next token as the value when that
/// token is not itself a flag.
pub fn settings_from_tokens(nodes: &[&Node], text: &str) -> Vec<Setting> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < nodes.len() {
        let node = nodes[i];
        i += 1;
        let Some(token) = node.as_str() else { continue };
        let Some(flag) = parse_token(token) else {
            continue;
        };
        let base = token_offset(node, token, text);
        let mut setting = Setting {
            name: flag.name.to_string(),
            written: token.to_string(),
            at: Located::written(flag.value.map(str::to_string), node.span, node.span),
        };
        if flag.value.is_some() {
            if let Some(b) = base {
                setting.value_span = Span::new(b + flag.value_offset, b + token.len());
            }
        } else if let Some(next) = nodes.get(i) {
            if let Some(v) = next.as_str().filter(|v| !v.starts_with('-')) {
                setting.value = Some(v.to_string());
                setting.value_span = next.span;
                setting.span = node.span.cover(next.span);
                setting.written = format!("{token} {v}");
                i += 1;
            }
        }
        out.push(setting);
    }
    out
}

/// Where the token's text starts in the source, when the scalar is written without escapes.
fn token_offset(node: &Node, token: &str, text: &str) -> Option<usize> {
    let raw = text.get(node.span.start..node.span.end)?;
    if raw == token {
        Some(node.span.start)
    } else if raw.len() == token.len() + 2 && &raw[1..raw.len() - 1] == token {
        Some(node.span.start + 1)
    } else {
        None
    }
}
