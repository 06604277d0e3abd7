//! Whether kube-apiserver runs an admission plugin that is off by default, shared by the rules
//! that want one on (N109, C217, C218). The effective list is `--enable-admission-plugins` with
//! each source's defaults (`facts::defaults`, `facts::distro_defaults`); the legacy
//! `--admission-control` and kOps' `appendAdmissionPlugins` (lowered as
//! `append-admission-plugins`: kOps replaces `enableAdmissionPlugins` with its own list plus
//! this one, kubernetes/kops pkg/model/components/apiserver.go) count too.

use crate::extract::distro::templated;
use crate::facts::{ComponentConfig, EffectiveList, ListItem, Origin, Setting};
use crate::rules::report::Cx;

/// Where a default-off plugin stands on one API server.
pub enum Plugin<'a> {
    /// Enabled, or the list is templated or decided elsewhere: nothing to say.
    OnOrUnknown,
    /// Listed in `--disable-admission-plugins`.
    Disabled(ListItem<'a>),
    /// A list the user wrote (`--enable-admission-plugins`, kOps `appendAdmissionPlugins`)
    /// without it.
    NotListed(&'a Setting),
    /// No list written; the source's default list lacks it.
    Absent,
}

pub fn state<'a>(c: &'a ComponentConfig, plugin: &str) -> Plugin<'a> {
    if let Some(d) = c
        .values("disable-admission-plugins")
        .into_iter()
        .find(|d| d.value == plugin)
    {
        return Plugin::Disabled(d);
    }
    let list = c.effective_values("enable-admission-plugins");
    let Some(enabled) = list.strings() else {
        return Plugin::OnOrUnknown;
    };
    let elsewhere = ["admission-control", "append-admission-plugins"]
        .iter()
        .any(|f| {
            c.values(f)
                .iter()
                .any(|i| i.value == plugin || templated(&i.value))
        });
    if elsewhere || enabled.iter().any(|p| p == plugin || templated(p)) {
        return Plugin::OnOrUnknown;
    }
    let written = match list {
        EffectiveList::Set(_) => c.get("enable-admission-plugins"),
        _ => c.get("append-admission-plugins"),
    };
    match written {
        Some(s) => Plugin::NotListed(s),
        // Pre-1.10 manifests list plugins in --admission-control instead.
        None if !c.values("admission-control").is_empty() => Plugin::OnOrUnknown,
        None => Plugin::Absent,
    }
}

/// How to enable `plugin` in the source's own terms, for messages ("; add it to …").
pub fn fix(c: &ComponentConfig, plugin: &str) -> String {
    match c.origin {
        Origin::Kops => "; add it to spec.kubeAPIServer.appendAdmissionPlugins".into(),
        Origin::Rancher { .. } => format!(
            "; add `enable-admission-plugins=NodeRestriction,{plugin}` to `kube-apiserver-arg`"
        ),
        Origin::Talos => "; add it to cluster.apiServer.extraArgs enable-admission-plugins".into(),
        // MicroK8s' own default list is `EventRateLimit` (facts::distro_defaults).
        Origin::MicroK8sLaunch { .. } if plugin == "EventRateLimit" => {
            "; add `--enable-admission-plugins: EventRateLimit` to extraKubeAPIServerArgs".into()
        }
        Origin::MicroK8sLaunch { .. } => format!(
            "; add `--enable-admission-plugins: EventRateLimit,{plugin}` to extraKubeAPIServerArgs"
        ),
        Origin::Kubespray => "; add it to kube_apiserver_enable_admission_plugins".into(),
        _ => String::new(),
    }
}

/// Reports an API server that does not run `plugin`: at the disabling entry, at the list
/// written without it, or at the component when no list is written. `exists` is false when
/// the file pins a version that has no such plugin: then only disabling it is reported.
pub fn report(c: &ComponentConfig, plugin: &str, why: &str, exists: bool, cx: &mut Cx) {
    match state(c, plugin) {
        Plugin::OnOrUnknown => {}
        Plugin::NotListed(_) | Plugin::Absent if !exists => {}
        Plugin::Disabled(d) => cx.report(
            d.span,
            format!(
                "kube-apiserver disables the {plugin} admission plugin: `{}` ({}): {why}",
                d.setting.written,
                c.origin.describe()
            ),
        ),
        Plugin::NotListed(s) => cx.report(
            s.value_span,
            format!(
                "kube-apiserver enables admission plugins without {plugin}: `{}` ({}){}: {why}",
                s.written,
                c.origin.describe(),
                fix(c, plugin)
            ),
        ),
        Plugin::Absent => cx.report(
            c.anchor,
            format!(
                "kube-apiserver does not enable the {plugin} admission plugin ({}); it is off by default{}: {why}",
                c.origin.describe(),
                fix(c, plugin)
            ),
        ),
    }
}
