//! H202: the Docker or containerd API exposed on a TCP socket (root on the host for anyone who
//! can connect), from a socket unit, a daemon command line or `daemon.json`.

use crate::facts::{FileFacts, HostConfigKind};
use crate::rules::{Cx, Rule};

pub struct ContainerApiOnTcp;
pub static RULE: ContainerApiOnTcp = ContainerApiOnTcp;

/// Whether a `tcp://host:port` (or `host:port`) listener is reachable beyond the node.
fn non_loopback(addr: &str) -> bool {
    let host = addr.trim_start_matches("tcp://");
    let host = host.rsplit_once(':').map(|(h, _)| h).unwrap_or(host);
    let host = host.trim_matches(|c| c == '[' || c == ']');
    !(host.starts_with("127.") || host == "localhost" || host == "::1")
}

/// TCP hosts given to dockerd/containerd with `-H`/`--host` (`-H tcp://…`, `--host=tcp://…`).
fn tcp_hosts(cmd: &str) -> Vec<&str> {
    let words: Vec<&str> = cmd
        .split_whitespace()
        .map(|w| w.trim_matches(|c| c == '"' || c == '\''))
        .collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let value = match *w {
            "-H" | "--host" => words.get(i + 1).copied(),
            _ => w
                .strip_prefix("-H=")
                .or_else(|| w.strip_prefix("--host="))
                .or_else(|| w.strip_prefix("-Htcp").map(|_| &w[2..])),
        };
        if let Some(v) = value.filter(|v| v.starts_with("tcp://")) {
            out.push(v);
        }
    }
    out
}

impl Rule for ContainerApiOnTcp {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        // Docker's TLS client verification, set on the daemon (flags or daemon.json), protects
        // every TCP listener it serves, socket-activated ones included.
        let tlsverify = facts.host.entries.iter().any(|e| {
            (e.kind == HostConfigKind::SystemdUnit
                && e.source.contains("docker")
                && e.value.contains("--tlsverify"))
                || (e.kind == HostConfigKind::DockerDaemon
                    && e.key == "tlsverify"
                    && e.value == "true")
        });
        for e in facts.host.entries_of(HostConfigKind::SystemdUnit) {
            let engine = e.source.contains("docker") || e.source.contains("containerd");
            if e.key == "ListenStream" && engine && e.source.ends_with(".socket") && !tlsverify {
                // A path is a Unix socket; a port or address:port is TCP.
                let v = e.value.trim();
                if !v.starts_with('/') && !v.starts_with('@') && non_loopback(v) {
                    cx.report(e.span, format!("{} listens on TCP {v}: the container engine API (root on the node) is reachable over the network", e.source));
                }
            } else if matches!(e.key.as_str(), "ExecStart" | "Environment") && !tlsverify {
                for h in tcp_hosts(&e.value).into_iter().filter(|h| non_loopback(h)) {
                    cx.report(e.span, format!("{} runs the container engine with -H {h}: its API (root on the node) is reachable over the network without TLS client verification", e.source));
                }
            }
        }
        for e in facts.host.entries_of(HostConfigKind::Containerd) {
            // containerd serves its gRPC API on TCP only when `[grpc] tcp_address` is set.
            let grpc = e.section == "grpc" || e.section.ends_with(".grpc");
            if grpc && e.key == "tcp_address" && !e.value.is_empty() && non_loopback(&e.value) {
                cx.report(e.span, format!("{} sets [grpc] tcp_address = \"{}\": the containerd API (root on the node) is reachable over the network", e.source, e.value));
            }
        }
        for e in facts.host.entries_of(HostConfigKind::DockerDaemon) {
            if e.key == "hosts"
                && e.value.starts_with("tcp://")
                && non_loopback(&e.value)
                && !tlsverify
            {
                cx.report(e.span, format!("{} makes dockerd listen on {} without tlsverify: its API (root on the node) is reachable over the network", e.source, e.value));
            }
        }
    }
}
