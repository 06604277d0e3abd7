//! C106: the API server talks to etcd over plain HTTP.

use crate::facts::{Component, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct ApiserverEtcdPlaintext;
pub static RULE: ApiserverEtcdPlaintext = ApiserverEtcdPlaintext;

impl Rule for ApiserverEtcdPlaintext {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::ApiServer) {
            for item in c.values("etcd-servers") {
                if cp::scheme_host(&item.value).is_some_and(|(s, _)| s == "http") {
                    cx.report(
                        item.span,
                        format!(
                            "kube-apiserver reaches etcd at {} ({}): every Secret crosses the network in clear text",
                            item.value,
                            c.origin.describe()
                        ),
                    );
                }
            }
        }
        // kubeadm with an external etcd cluster.
        for k in &facts.kubeadm {
            for e in k.external_etcd.iter().flat_map(|e| &e.endpoints) {
                if cp::scheme_host(&e.value).is_some_and(|(s, _)| s == "http") {
                    cx.report(
                        e.span,
                        format!(
                            "kubeadm etcd.external.endpoints lists {}: the API server reaches etcd in clear text",
                            e.value
                        ),
                    );
                }
            }
        }
    }
}
