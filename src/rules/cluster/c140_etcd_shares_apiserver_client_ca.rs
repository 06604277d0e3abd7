//! C140: etcd trusts the CA that signs the API server's clients (`--trusted-ca-file` equal to
//! kube-apiserver's `--client-ca-file`), so every client certificate of the cluster CA (each
//! kubelet's, each administrator's) authenticates to etcd and reads or writes all its data.
//!
//! Project-level: the two flags live in different static-pod manifests of one directory (or
//! in one file). Only explicit, untemplated paths are compared; the same path proves the same
//! CA, different paths prove nothing.

use crate::facts::{Component, FileFacts, RelatedPlace, Setting};
use crate::rules::{Cx, FactFamily, Project, ProjectCx, Report, Rule};
use std::collections::HashMap;

pub struct EtcdSharesApiserverClientCa;
pub static RULE: EtcdSharesApiserverClientCa = EtcdSharesApiserverClientCa;

/// The path as compared: trimmed, without a trailing `/`; `None` when empty or templated.
fn path(s: &Setting) -> Option<String> {
    let v = s.value.as_deref()?.trim().trim_matches(['"', '\'']);
    let templated = ["{{", "${", "$(", "%{"].iter().any(|t| v.contains(t));
    (!v.is_empty() && !templated).then(|| {
        let v = v.replace("//", "/");
        v.strip_prefix("./").unwrap_or(&v).to_string()
    })
}

impl Rule for EtcdSharesApiserverClientCa {
    fn check(&self, _facts: &FileFacts, _cx: &mut Cx) {}

    fn project_facts(&self) -> &'static [FactFamily] {
        &[FactFamily::Components]
    }

    fn check_project(&self, project: &Project, cx: &mut ProjectCx) {
        // The first API server of each (directory, client CA path).
        let mut client_cas = HashMap::new();
        for (i, f) in project.files.iter().enumerate() {
            for c in f
                .components
                .iter()
                .filter(|c| c.component == Component::ApiServer)
            {
                if let Some(s) = c.get("client-ca-file") {
                    if let Some(p) = path(s) {
                        client_cas.entry((project.dir(i), p)).or_insert((i, s, c));
                    }
                }
            }
        }
        if client_cas.is_empty() {
            return;
        }
        for (i, f) in project.files.iter().enumerate() {
            for c in f
                .components
                .iter()
                .filter(|c| c.component == Component::Etcd)
            {
                let Some(s) = c.get("trusted-ca-file") else {
                    continue;
                };
                let Some(p) = path(s) else { continue };
                let Some((j, api, apic)) = client_cas.get(&(project.dir(i), p.clone())) else {
                    continue;
                };
                let related = RelatedPlace {
                    file: (*j != i).then(|| project.files[*j].source.clone()),
                    span: api.span,
                    message: format!(
                        "kube-apiserver `{}` ({}) trusts the same CA for its clients",
                        api.written,
                        apic.origin.describe()
                    ),
                };
                cx.reports.push((
                    i,
                    Report {
                        span: s.span,
                        message: format!(
                            "etcd trusts {p} for client certificates (`{}`, {}), the CA kube-apiserver trusts for its clients: any certificate of that CA (every kubelet's, every administrator's) can read and write all of etcd; give etcd its own CA",
                            s.written,
                            c.origin.describe()
                        ),
                        related: vec![related],
                    },
                ));
            }
        }
    }
}
