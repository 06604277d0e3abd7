//! Stay bounded (issue 12, second part): YAML merge keys, evaluator, parse and decompression
//! budgets. Each test generates its minimal hostile input, scans it together with a real
//! finding (testdata/C201/static-pod-bad.yaml) that must survive, asserts the exit code and a
//! deterministic bound: the budget's diagnostic and the children's peak RSS (getrusage), never
//! wall-clock time.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A temporary tree holding the real finding as `real/static-pod-bad.yaml`.
fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("real")).unwrap();
    std::fs::copy(
        repo().join("testdata/C201/static-pod-bad.yaml"),
        dir.path().join("real/static-pod-bad.yaml"),
    )
    .unwrap();
    dir
}

fn write(dir: &Path, name: &str, text: &str) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// Peak resident memory of the children this test process has waited for, in MiB (Linux
/// `getrusage(RUSAGE_CHILDREN)`; `ru_maxrss` is in KiB). A maximum over all children, so a
/// bound checked after a run holds for that run too.
#[cfg(target_os = "linux")]
fn children_peak_rss_mib() -> i64 {
    extern "C" {
        fn getrusage(who: i32, usage: *mut [i64; 18]) -> i32;
    }
    const RUSAGE_CHILDREN: i32 = -1;
    let mut usage = [0i64; 18];
    // SAFETY: `struct rusage` on 64-bit Linux is 2 timevals (4 longs) and 14 longs.
    let rc = unsafe { getrusage(RUSAGE_CHILDREN, &mut usage) };
    assert_eq!(rc, 0);
    usage[4] / 1024
}

#[cfg(not(target_os = "linux"))]
fn children_peak_rss_mib() -> i64 {
    0
}

/// Memory any scan below may use: the binary, a few MiB of input and its trees.
const RSS_BOUND_MIB: i64 = 512;

fn run(dir: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_kube-harden"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    let rss = children_peak_rss_mib();
    assert!(rss < RSS_BOUND_MIB, "peak RSS {rss} MiB");
    out
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn has_real_finding(v: &Value) -> bool {
    v["findings"].as_array().unwrap().iter().any(|f| {
        f["rule"] == "C201" && f["path"] == "real/static-pod-bad.yaml" && f["suppressed"].is_null()
    })
}

fn findings_in<'v>(v: &'v Value, path: &str) -> Vec<&'v Value> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["path"] == path)
        .collect()
}

/// Error diagnostics (files not fully scanned) of one path, by code and message.
fn unscanned<'v>(v: &'v Value, path: &str) -> Vec<&'v str> {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["path"] == path && d["level"] == "error")
        .map(|d| d["message"].as_str().unwrap())
        .collect()
}

#[test]
fn yaml_merge_keys_are_resolved_and_merge_bombs_stop() {
    let dir = tree();
    let d = dir.path();
    write(
        d,
        "merged/kubelet.yaml",
        "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nx-defaults: &defaults\n  anonymous:\n    enabled: true\n  webhook:\n    enabled: true\nauthentication:\n  <<: *defaults\n  webhook:\n    enabled: true\n  x509:\n    clientCAFile: /etc/kubernetes/pki/ca.crt\nauthorization:\n  <<: [{mode: AlwaysAllow}, {mode: Webhook}]\n",
    );
    // A merge bomb: 1,000 keys merged at 200 sites.
    let mut bomb = String::from("a: &a {");
    for i in 0..1000 {
        bomb.push_str(&format!("k{i}: {i}, "));
    }
    bomb.push_str("}\nl:\n");
    for _ in 0..200 {
        bomb.push_str("- <<: *a\n");
    }
    write(d, "merged/bomb.yaml", &bomb);

    let out = run(d, &["check", ".", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    let v = json(&out);
    assert!(has_real_finding(&v));
    let merged = findings_in(&v, "merged/kubelet.yaml");
    let rules: Vec<_> = merged.iter().map(|f| f["rule"].as_str().unwrap()).collect();
    // anonymous (merged), AlwaysAllow (earlier merged mapping wins); webhook is explicit.
    assert_eq!(rules, ["C202", "C208"], "{merged:#?}");
    let anon = merged[0];
    assert_eq!(
        anon["start"]["line"], 5,
        "points at the value inside the anchor"
    );
    let related = anon["related"].as_array().unwrap();
    assert!(
        related
            .iter()
            .any(|r| r["start"]["line"] == 9
                && r["message"].as_str().unwrap().contains("<<: *defaults")),
        "{related:#?}"
    );
    let bomb = unscanned(&v, "merged/bomb.yaml");
    assert!(bomb.iter().any(|m| m.contains("merge keys")), "{bomb:?}");
}
