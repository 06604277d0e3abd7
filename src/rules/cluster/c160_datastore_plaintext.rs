//! C160: k3s/RKE2 talk to their datastore or snapshot store without TLS.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct DatastorePlaintext;
pub static RULE: DatastorePlaintext = DatastorePlaintext;

/// The query parameter `name` of a DSN, lower-cased.
fn param(url: &str, name: &str) -> Option<String> {
    let q = url.split_once('?')?.1;
    q.split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.to_ascii_lowercase())
}

impl Rule for DatastorePlaintext {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for d in &facts.distro {
            if let Some(v) = d.get("datastore-endpoint") {
                let url = v.value.trim();
                let scheme = url.split("://").next().unwrap_or("").to_ascii_lowercase();
                // kine turns TLS on for MySQL when the datastore certificate files are given.
                let tls_files = ["datastore-cafile", "datastore-certfile"]
                    .iter()
                    .any(|k| d.get(k).is_some() || d.elsewhere.iter().any(|e| e == k));
                let plain = match scheme.as_str() {
                    "postgres" | "postgresql" => {
                        param(url, "sslmode").is_some_and(|m| m == "disable")
                    }
                    "mysql" => {
                        param(url, "tls").is_none_or(|t| t == "false")
                            && !tls_files
                            && !crate::extract::distro::templated(url)
                    }
                    _ => false,
                };
                if plain {
                    cx.report_related(
                        v.value_span,
                        format!(
                            "{} reaches its {scheme} datastore without TLS (`datastore-endpoint`): the whole cluster state, Secrets included, and the datastore password cross the network in clear",
                            d.distro
                        ),
                        d.related("datastore-endpoint"),
                    );
                }
            }
            for key in ["etcd-s3-insecure", "etcd-s3-skip-ssl-verify"] {
                if let Some(v) = d.get(key) {
                    if crate::parse::yaml11_bool(&v.value) == Some(true) {
                        let what = if key == "etcd-s3-insecure" {
                            "over plain HTTP"
                        } else {
                            "without verifying the server's certificate"
                        };
                        cx.report_related(
                            v.span,
                            format!(
                                "{} uploads etcd snapshots, which hold every Secret, {what} (`{key}: {}`)",
                                d.distro, v.value
                            ),
                            d.related(key),
                        );
                    }
                }
            }
        }
    }
}
