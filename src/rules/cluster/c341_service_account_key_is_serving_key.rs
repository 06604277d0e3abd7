//! C341: service-account tokens are signed or verified with the API server's TLS serving key.
//!
//! kube-apiserver (kubernetes/kubernetes pkg/controlplane/apiserver/options/options.go,
//! `Complete`): without `--service-account-signing-key-file` and `--service-account-key-file`
//! it verifies tokens with `--tls-private-key-file`; with a signing key but no key file it
//! refuses to start ("service-account-key-file is a required flag"), which is not a finding.
//! kube-controller-manager (cmd/kube-controller-manager/app/core.go,
//! `startServiceAccountTokenController`) without `--service-account-private-key-file` only
//! leaves the legacy token controller off, and without `--root-ca-file` publishes the CA of its
//! own kubeconfig: neither absence is reported. kubeadm writes `sa.pub`/`sa.key`
//! (cmd/kubeadm/app/phases/controlplane/manifests.go); k3s, RKE2, Talos, kOps and MicroK8s
//! write their own service-account key pair.

use crate::facts::{Component, ComponentConfig, Effective, FileFacts, RelatedPlace};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};
use crate::source::Span;

pub struct ServiceAccountKeyIsServingKey;
pub static RULE: ServiceAccountKeyIsServingKey = ServiceAccountKeyIsServingKey;

const WHY: &str = "whoever holds the serving key can mint tokens for any service account, and renewing the serving certificate with a new key invalidates every token";

/// A path that is written out (not templated, not empty).
fn literal(v: &str) -> Option<&str> {
    let v = v.trim().trim_matches('"');
    (!v.is_empty() && !v.contains("{{") && !v.contains("${") && !v.contains("$(")).then_some(v)
}

/// The API server's serving files as it runs: (flag, path, where written if in this file).
fn serving_files(c: &ComponentConfig) -> Vec<(&'static str, String, Option<Span>)> {
    ["tls-private-key-file", "tls-cert-file"]
        .into_iter()
        .filter_map(|f| match c.effective(f) {
            Effective::Set(s) => Some((f, literal(s.value_or_true())?.to_string(), Some(s.span))),
            Effective::Default(d) => Some((f, literal(d)?.to_string(), None)),
            Effective::Unknown => None,
        })
        .collect()
}

fn related(flag: &str, span: Option<Span>) -> Vec<RelatedPlace> {
    span.map(|span| RelatedPlace {
        file: None,
        span,
        message: format!("kube-apiserver's --{flag}"),
    })
    .into_iter()
    .collect()
}

impl Rule for ServiceAccountKeyIsServingKey {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        let mut api_keys = Vec::new();
        for c in cp::of(facts, Component::ApiServer) {
            let serving = serving_files(c);
            let mut reported = false;
            for flag in [
                "service-account-signing-key-file",
                "service-account-key-file",
            ] {
                for item in c.values(flag) {
                    let Some(path) = literal(&item.value) else {
                        continue;
                    };
                    if let Some((tls, _, at)) = serving.iter().find(|(_, p, _)| p == path) {
                        cx.report_related(
                            item.span,
                            format!(
                                "kube-apiserver uses its TLS serving key for service-account tokens: `{}` is also --{tls} ({}): {WHY}",
                                item.setting.written,
                                c.origin.describe()
                            ),
                            related(tls, *at),
                        );
                        reported = true;
                    }
                }
            }
            let absent = |f: &str| matches!(c.effective(f), Effective::Default(""));
            if !reported
                && absent("service-account-key-file")
                && absent("service-account-signing-key-file")
            {
                if let Some((tls, path, at)) = serving
                    .iter()
                    .find(|(f, _, _)| *f == "tls-private-key-file")
                {
                    cx.report_related(
                        c.anchor,
                        format!(
                            "kube-apiserver sets neither --service-account-key-file nor --service-account-signing-key-file ({}), so it verifies service-account tokens with its TLS serving key {path}: {WHY}",
                            c.origin.describe()
                        ),
                        related(tls, *at),
                    );
                }
            }
            api_keys.extend(
                serving
                    .into_iter()
                    .filter(|(f, _, _)| *f == "tls-private-key-file"),
            );
        }
        // A controller manager in the same file (a kubeadm ClusterConfiguration) signing legacy
        // tokens with the API server's serving key.
        for c in cp::of(facts, Component::ControllerManager) {
            let Some(s) = c.get("service-account-private-key-file") else {
                continue;
            };
            let Some(path) = literal(s.value_or_true()) else {
                continue;
            };
            if let Some((tls, _, at)) = api_keys.iter().find(|(_, p, _)| p == path) {
                cx.report_related(
                    s.value_span,
                    format!(
                        "kube-controller-manager signs service-account tokens with the API server's TLS serving key: `{}` is kube-apiserver's --{tls} ({}): {WHY}",
                        s.written,
                        c.origin.describe()
                    ),
                    related(tls, *at),
                );
            }
        }
    }
}
