//! C107: the API server does not authenticate to etcd, or does not verify it.

use crate::facts::{Component, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct ApiserverEtcdClientTlsMissing;
pub static RULE: ApiserverEtcdClientTlsMissing = ApiserverEtcdClientTlsMissing;

impl Rule for ApiserverEtcdClientTlsMissing {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::ApiServer) {
            let servers = c.values("etcd-servers");
            // All-plaintext etcd is C106's finding; certificates would not be used. A local
            // socket (MicroK8s' kine, `unix://…`) has no network to protect.
            if !servers.is_empty()
                && servers.iter().all(|s| {
                    cp::scheme_host(&s.value)
                        .is_some_and(|(s, _)| s == "http" || s == "unix" || s == "unixs")
                })
            {
                continue;
            }
            let missing = cp::unset_flags(c, &["etcd-cafile", "etcd-certfile", "etcd-keyfile"]);
            if !missing.is_empty() {
                cx.report(
                    cp::place_of(c, &missing),
                    format!(
                        "{} has no --{}: its connection to etcd is not mutually authenticated",
                        cp::who(c),
                        missing.join(" / --")
                    ),
                );
            }
        }
        // kubeadm with an external etcd: the three files are optional to kubeadm.
        for k in &facts.kubeadm {
            let Some(e) = &k.external_etcd else { continue };
            if !e.endpoints.is_empty()
                && e.endpoints
                    .iter()
                    .all(|x| cp::scheme_host(&x.value).is_some_and(|(s, _)| s == "http"))
            {
                continue;
            }
            let missing: Vec<&str> = [
                ("caFile", &e.ca_file),
                ("certFile", &e.cert_file),
                ("keyFile", &e.key_file),
            ]
            .into_iter()
            .filter(|(_, f)| f.as_ref().is_none_or(|f| f.value.trim().is_empty()))
            .map(|(n, _)| n)
            .collect();
            if !missing.is_empty() {
                cx.report(
                    e.anchor,
                    format!(
                        "kubeadm etcd.external has no {}: the API server's connection to etcd is not mutually authenticated",
                        missing.join(" / ")
                    ),
                );
            }
        }
    }
}
