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
const RSS_BOUND_MIB: i64 = 256;

fn run(dir: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_kube-harden"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    let rss = children_peak_rss_mib();
    eprintln!("{args:?}: children's peak RSS so far {rss} MiB");
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
        "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nx-defaults: &defaults\n  anonymous:\n    enabled: true\n  webhook:\n    enabled: true\nauthentication:\n  <<: *defaults\n  webhook:\n    enabled: true\n  x509:\n    clientCAFile: /etc/kubernetes/pki/ca.crt\nauthorization:\n  <<: [{mode: AlwaysAllow}, {mode: Webhook}]\nseccompDefault: true\npodPidsLimit: 4096\nserverTLSBootstrap: true\n",
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

/// An open SSH rule in a hostile file: its finding is made before the budget runs out.
const OPEN_SSH: &str = "resource \"aws_security_group\" \"ssh\" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = \"tcp\"\n    cidr_blocks = [\"0.0.0.0/0\"]\n  }\n}\n";

fn hundred() -> String {
    let items: Vec<String> = (0..100).map(|i| format!("\"i{i}\"")).collect();
    format!("[{}]", items.join(", "))
}

#[test]
fn terraform_evaluation_is_budgeted() {
    let dir = tree();
    let d = dir.path();
    let l = hundred();
    // Nested `for` (10^8 iterations) and a triple `for` building strings.
    write(
        d,
        "tf/for/main.tf",
        &format!("locals {{\n  l = {l}\n  deep = [for a in local.l : [for b in local.l : [for c in local.l : [for e in local.l : \"${{a}}${{b}}${{c}}${{e}}\"]]]]\n}}\n{OPEN_SSH}"),
    );
    // A 1 MB string repeated by `join`, and by `format` / a template.
    write(
        d,
        "tf/join/main.tf",
        &format!(
            "locals {{\n  s = \"{}\"\n  l = {l}\n  j = join(local.s, local.l)\n  t = \"${{local.s}}${{local.s}}\"\n  f = [for x in local.l : format(\"%s%s\", local.s, x)]\n}}\n{OPEN_SSH}",
            "x".repeat(1 << 20)
        ),
    );
    // `distinct` over 10,000 different strings (50 million comparisons).
    write(
        d,
        "tf/distinct/main.tf",
        &format!("locals {{\n  l = {l}\n  d = distinct(flatten([for a in local.l : [for b in local.l : \"${{a}}-${{b}}\"]]))\n}}\n{OPEN_SSH}"),
    );
    // Module `count = 64` at three levels (262,144 instances).
    let level = |next: &str| {
        format!("variable \"cidr\" {{}}\nmodule \"m\" {{\n  source = \"./{next}\"\n  count  = 64\n  cidr   = var.cidr\n}}\nresource \"aws_security_group_rule\" \"r\" {{\n  type        = \"ingress\"\n  from_port   = 22\n  to_port     = 22\n  protocol    = \"tcp\"\n  cidr_blocks = [var.cidr]\n  security_group_id = \"sg\"\n}}\n")
    };
    write(
        d,
        "tf/modules/main.tf",
        "module \"m\" {\n  source = \"./a\"\n  count  = 64\n  cidr   = \"0.0.0.0/0\"\n}\n",
    );
    write(d, "tf/modules/a/main.tf", &level("b"));
    write(d, "tf/modules/a/b/main.tf", &level("c"));
    write(
        d,
        "tf/modules/a/b/c/main.tf",
        "variable \"cidr\" {}\nresource \"aws_security_group_rule\" \"r\" {\n  type        = \"ingress\"\n  from_port   = 22\n  to_port     = 22\n  protocol    = \"tcp\"\n  cidr_blocks = [var.cidr]\n  security_group_id = \"sg\"\n}\n",
    );

    let out = run(d, &["check", ".", "--format", "json", "--threads", "2"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    assert!(has_real_finding(&v));
    for (path, why) in [
        ("tf/for/main.tf", "budget ran out"),
        ("tf/join/main.tf", "string grew over"),
        ("tf/distinct/main.tf", "budget ran out"),
        ("tf/modules/main.tf", "too many instances"),
    ] {
        let diags = unscanned(&v, path);
        assert!(diags.iter().any(|m| m.contains(why)), "{path}: {diags:?}");
        if path != "tf/modules/main.tf" {
            // The open SSH rule of the same file is still reported.
            let rules: Vec<_> = findings_in(&v, path)
                .iter()
                .map(|f| f["rule"].as_str().unwrap())
                .collect();
            assert!(rules.contains(&"N302"), "{path}: {rules:?}");
        }
    }
    // Module instances are capped per file: findings stay few, one per reached instance.
    let n = findings_in(&v, "tf/modules/main.tf").len();
    assert!((1..=1000).contains(&n), "{n} findings");
    // Identical output whatever the thread count.
    let again = run(d, &["check", ".", "--format", "json", "--threads", "1"]);
    assert_eq!(out.stdout, again.stdout);
}

#[test]
fn hcl_parsing_is_deterministic_whatever_the_threads() {
    let dir = tree();
    let d = dir.path();
    // The fuzzer's backtracking input, and the same shape 40 levels deep: refused at once.
    write(
        d,
        "hcl/slow.tf",
        &std::fs::read_to_string(repo().join("fuzz/regressions/hcl/slow-expression")).unwrap(),
    );
    write(d, "hcl/deep.tf", &format!("x = {}", "a*b + ( ".repeat(40)));
    // A valid 2 MB file (a watchdog used to give up on such files under load), with an open
    // SSH rule at its end, and a sibling that reads it as part of its module.
    let mut big = "resource \"aws_security_group\" \"g\" {\n  ingress {\n    from_port   = 443\n    to_port     = 443\n    protocol    = \"tcp\"\n    cidr_blocks = [\"10.0.0.0/8\"]\n  }\n}\n".repeat(12_000);
    big.push_str(OPEN_SSH);
    write(d, "big/main.tf", &big);
    write(d, "big/other.tf", "locals {\n  x = 1\n}\n");

    let one = run(d, &["check", ".", "--format", "json", "--threads", "1"]);
    let many = run(d, &["check", ".", "--format", "json", "--threads", "16"]);
    assert_eq!(one.status.code(), Some(2));
    assert_eq!(one.stdout, many.stdout);
    let v = json(&one);
    assert!(has_real_finding(&v));
    let big: Vec<_> = findings_in(&v, "big/main.tf")
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(big.contains(&"N302"), "{big:?}");
    assert!(unscanned(&v, "big/main.tf").is_empty());
    for path in ["hcl/slow.tf", "hcl/deep.tf"] {
        assert!(!unscanned(&v, path).is_empty(), "{path}");
    }
    let deep = unscanned(&v, "hcl/deep.tf");
    assert!(deep[0].contains("never closed"), "{deep:?}");
}

/// A gzip member of `1 + 258 * matches` zero bytes: one literal and fixed-Huffman matches of
/// length 258 at distance 1 (13 bits each), so megabytes compress to kilobytes.
fn zeros_gzip(matches: usize) -> Vec<u8> {
    let mut bits: Vec<bool> = Vec::new();
    let mut put = |code: u32, n: u32, msb_first: bool| {
        for i in 0..n {
            let bit = if msb_first { n - 1 - i } else { i };
            bits.push(code >> bit & 1 == 1);
        }
    };
    put(1, 1, false); // BFINAL
    put(1, 2, false); // BTYPE = fixed Huffman
    put(0x30, 8, true); // literal 0
    for _ in 0..matches {
        put(0xC5, 8, true); // length 258 (code 285)
        put(0, 5, true); // distance 1
    }
    put(0, 7, true); // end of block
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
    for chunk in bits.chunks(8) {
        out.push(
            chunk
                .iter()
                .enumerate()
                .fold(0u8, |b, (i, &bit)| b | (u8::from(bit) << i)),
        );
    }
    let size = (1 + 258 * matches) as u32;
    out.extend_from_slice(&[0, 0, 0, 0]); // CRC-32, not checked
    out.extend_from_slice(&size.to_le_bytes());
    out
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for c in bytes.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= c.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[test]
fn decompression_is_budgeted_per_file() {
    let dir = tree();
    let d = dir.path();
    // 2.5 MB of zeros in 8 KB of gzip, and 100 aliases to it in a Butane file.
    let url = format!("data:;base64,{}", base64(&zeros_gzip(10_000)));
    let mut butane = format!("variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/a0\n      contents: &c\n        compression: gzip\n        source: \"{url}\"\n");
    for i in 1..100 {
        butane.push_str(&format!("    - path: /etc/a{i}\n      contents: *c\n"));
    }
    write(d, "ign/aliases.bu", &butane);
    // An Ignition file with 100 distinct 3 MB members.
    let files: Vec<String> = (0..100)
        .map(|i| {
            let url = format!("data:;base64,{}", base64(&zeros_gzip(12_000 + i)));
            format!("{{\"path\": \"/etc/b{i}\", \"contents\": {{\"compression\": \"gzip\", \"source\": \"{url}\"}}}}")
        })
        .collect();
    write(
        d,
        "ign/many.ign",
        &format!(
            "{{\"ignition\": {{\"version\": \"3.4.0\"}}, \"storage\": {{\"files\": [{}]}}}}",
            files.join(", ")
        ),
    );
    // One member just over the per-entry limit.
    let url = format!("data:;base64,{}", base64(&zeros_gzip(41_000)));
    write(
        d,
        "ign/big.bu",
        &format!("variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/big\n      contents:\n        compression: gzip\n        source: \"{url}\"\n"),
    );
    // A real gzip finding in a file of its own still comes through.
    std::fs::copy(
        repo().join("testdata/H106/ignition-gzip-bad.ign"),
        d.join("ign/gzip-bad.ign"),
    )
    .unwrap();

    let out = run(d, &["check", ".", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    let v = json(&out);
    assert!(has_real_finding(&v));
    assert!(!findings_in(&v, "ign/gzip-bad.ign").is_empty());
    for path in ["ign/aliases.bu", "ign/many.ign", "ign/big.bu"] {
        let diags = unscanned(&v, path);
        assert!(
            diags.iter().any(|m| m.contains("decoded contents")),
            "{path}: {diags:?}"
        );
    }
}

#[test]
fn variable_files_and_module_sources_go_through_the_bounded_reader() {
    let dir = tree();
    let d = dir.path();
    let sg = "variable \"cidr\" {\n  default = \"10.0.0.0/8\"\n}\nresource \"aws_security_group_rule\" \"r\" {\n  type              = \"ingress\"\n  from_port         = 22\n  to_port           = 22\n  protocol          = \"tcp\"\n  cidr_blocks       = [var.cidr]\n  security_group_id = \"sg\"\n}\n";
    // `terraform.tfvars.json` is read: its value makes the rule open, and is named.
    write(d, "tf/json/main.tf", sg);
    write(
        d,
        "tf/json/terraform.tfvars.json",
        "{\n  \"cidr\": \"0.0.0.0/0\"\n}\n",
    );
    // A malformed `terraform.tfvars` and an `*.auto.tfvars` that is a link to a pseudo file.
    write(d, "tf/bad/main.tf", sg);
    write(d, "tf/bad/terraform.tfvars", "cidr = [\n");
    #[cfg(target_os = "linux")]
    std::os::unix::fs::symlink("/proc/self/pagemap", d.join("tf/bad/x.auto.tfvars")).unwrap();
    // A local module source leading out of the scanned tree, and a malformed modules.json.
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "main.tf", sg);
    assert_eq!(outside.path().parent(), d.parent());
    let rel = format!(
        "../../../{}",
        outside.path().file_name().unwrap().to_string_lossy()
    );
    write(
        d,
        "tf/out/main.tf",
        &format!("module \"o\" {{\n  source = \"{rel}\"\n  cidr   = \"0.0.0.0/0\"\n}}\nmodule \"r\" {{\n  source = \"example/sg/aws\"\n  cidr   = \"0.0.0.0/0\"\n}}\n"),
    );
    write(
        d,
        "tf/out/.terraform/modules/modules.json",
        "{\"Modules\": [",
    );

    let out = run(d, &["check", ".", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    let v = json(&out);
    assert!(has_real_finding(&v));
    let open = findings_in(&v, "tf/json/main.tf");
    assert_eq!(open.len(), 1, "{open:#?}");
    assert_eq!(open[0]["rule"], "N302");
    let related = open[0]["related"].as_array().unwrap();
    assert!(
        related
            .iter()
            .any(|r| r["path"] == "tf/json/terraform.tfvars.json" && r["start"]["line"] == 2),
        "{related:#?}"
    );
    assert!(unscanned(&v, "tf/json/main.tf").is_empty());
    let bad = unscanned(&v, "tf/bad/terraform.tfvars");
    assert!(
        bad.iter().any(|m| m.contains("invalid variable file")),
        "{bad:?}"
    );
    #[cfg(target_os = "linux")]
    {
        let link = unscanned(&v, "tf/bad/x.auto.tfvars");
        assert!(link.iter().any(|m| m.contains("cannot read")), "{link:?}");
    }
    let out_msgs = unscanned(&v, "tf/out/main.tf");
    assert!(
        out_msgs
            .iter()
            .any(|m| m.contains("leads out of the scanned tree")),
        "{out_msgs:?}"
    );
    assert!(findings_in(&v, "tf/out/main.tf").is_empty());
    let modules = unscanned(&v, "tf/out/.terraform/modules/modules.json");
    assert!(
        modules.iter().any(|m| m.contains("invalid modules.json")),
        "{modules:?}"
    );
}

#[test]
fn baseline_matches_the_subject_from_any_directory() {
    let dir = tree();
    let d = dir.path();
    write(d, ".kube-harden.toml", "select = [\"ALL\"]\n");
    write(d, "tf/sg.tf", OPEN_SSH);
    let written = run(d, &["check", ".", "--write-baseline", "b.json"]);
    assert_eq!(written.status.code(), Some(1));
    let b: Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("b.json")).unwrap()).unwrap();
    assert_eq!(b["version"], 2);
    assert!(b["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["path"] == "tf/sg.tf"));

    // From a subdirectory, paths are relative to the config root: everything stays hidden.
    let sub = run(
        &d.join("tf"),
        &["check", ".", "--baseline", "../b.json", "--format", "json"],
    );
    assert_eq!(
        sub.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&sub.stdout)
    );
    let note = String::from_utf8_lossy(&sub.stderr);
    assert!(note.contains("1 finding hidden by the baseline"), "{note}");

    // The subject changed (port 22 → 3389): a new finding, not the baselined one.
    write(d, "tf/sg.tf", &OPEN_SSH.replace("= 22", "= 3389"));
    let changed = run(
        d,
        &["check", ".", "--baseline", "b.json", "--format", "json"],
    );
    assert_eq!(changed.status.code(), Some(1));
    let v = json(&changed);
    let sg = findings_in(&v, "tf/sg.tf");
    assert!(
        sg.iter()
            .any(|f| f["message"].as_str().unwrap().contains("3389")),
        "{sg:#?}"
    );
    // The real finding elsewhere stays hidden (it was baselined and did not change).
    assert!(!has_real_finding(&v));

    // Unknown versions are rejected.
    write(d, "b9.json", "{\"version\": 9, \"findings\": []}");
    let bad = run(d, &["check", ".", "--baseline", "b9.json"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("version 9"));
}

#[test]
fn policy_relaxed_by_the_config_file_is_shown_in_every_format() {
    let dir = tree();
    let d = dir.path();
    write(
        d,
        ".kube-harden.toml",
        "ignore = [\"C1\", \"N\"]\nfail-on = \"critical\"\n\n[severity]\nC201 = \"low\"\n",
    );
    let pod = std::fs::read_to_string(repo().join("testdata/C201/static-pod-bad.yaml")).unwrap();
    let quiet: String = pod
        .lines()
        .map(|l| {
            if l.contains("--anonymous-auth=true") {
                format!("{l} # kube-harden:ignore[C201]\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    write(d, "quiet/pod.yaml", &quiet);

    let out = run(d, &["check", ".", "--format", "json"]);
    // The config file turned the gate off (fail-on = critical)...
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    // ...but the real finding is still reported, at its lowered severity...
    assert!(has_real_finding(&v));
    // ...and the summary says what the file relaxed.
    let policy: Vec<&str> = v["summary"]["policy"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    let want = [
        "disables",
        "lowers C201 from medium to low",
        "fail-on = \"critical\"",
        "1 suppression without a reason",
    ];
    for w in want {
        assert!(policy.iter().any(|p| p.contains(w)), "{w}: {policy:?}");
    }
    assert!(policy[0].contains("C101") && policy[0].contains("N301"));

    let human = run(d, &["check", ".", "--color", "never"]);
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(
        text.contains("policy: .kube-harden.toml sets fail-on"),
        "{text}"
    );
    let github = run(d, &["check", ".", "--format", "github"]);
    let text = String::from_utf8_lossy(&github.stdout);
    assert!(
        text.contains("::warning title=kube-harden policy::1 suppression without a reason"),
        "{text}"
    );
    let sarif: Value =
        serde_json::from_slice(&run(d, &["check", ".", "--format", "sarif"]).stdout).unwrap();
    let notes = sarif["runs"][0]["invocations"][0]["toolConfigurationNotifications"]
        .as_array()
        .unwrap();
    assert_eq!(notes.len(), 4);
}

#[test]
fn each_file_uses_the_nearest_config_whatever_is_passed_with_it() {
    let dir = tree();
    let d = dir.path();
    let pod = std::fs::read_to_string(repo().join("testdata/C201/static-pod-bad.yaml")).unwrap();
    write(
        d,
        "a/.kube-harden.toml",
        "[severity]\nC201 = \"critical\"\n",
    );
    write(d, "a/pod.yaml", &pod);
    write(d, "b/.kube-harden.toml", "ignore = [\"C201\"]\n");
    write(d, "b/pod.yaml", &pod);
    let rules_of = |v: &Value, path: &str| -> Vec<String> {
        findings_in(v, path)
            .iter()
            .map(|f| format!("{} {}", f["rule"], f["severity"]))
            .collect()
    };
    let mut seen: Vec<(Vec<String>, Vec<String>, Vec<String>)> = Vec::new();
    for args in [
        vec!["a/pod.yaml", "b/pod.yaml", "real/static-pod-bad.yaml"],
        vec!["b/pod.yaml", "real/static-pod-bad.yaml", "a/pod.yaml"],
        vec!["real/static-pod-bad.yaml", "a/pod.yaml", "b/pod.yaml"],
        vec!["."],
    ] {
        let out = run(d, &[&["check", "--format", "json"][..], &args].concat());
        let v = json(&out);
        assert!(has_real_finding(&v), "{args:?}");
        seen.push((
            rules_of(&v, "a/pod.yaml"),
            rules_of(&v, "b/pod.yaml"),
            rules_of(&v, "real/static-pod-bad.yaml"),
        ));
    }
    assert!(seen.windows(2).all(|w| w[0] == w[1]), "{seen:#?}");
    assert_eq!(seen[0].0, ["\"C201\" \"critical\""]);
    assert!(seen[0].1.is_empty());
    assert_eq!(seen[0].2, ["\"C201\" \"medium\""]);
}

#[test]
fn findings_per_file_are_capped() {
    let dir = tree();
    let d = dir.path();
    let doc = "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  namespace: n\nspec:\n  type: NodePort\n  ports:\n    - port: 80\n      nodePort: 30080\n";
    write(d, "many/services.yaml", &vec![doc; 10_001].join("---\n"));
    let out = run(
        d,
        &["check", ".", "--select", "N102,C201", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(2));
    let v = json(&out);
    assert!(has_real_finding(&v));
    assert_eq!(findings_in(&v, "many/services.yaml").len(), 10_000);
    let diags = unscanned(&v, "many/services.yaml");
    assert!(
        diags.iter().any(|m| m.contains("more than 10000 findings")),
        "{diags:?}"
    );
}

#[test]
fn a_tree_scanned_from_elsewhere_keeps_its_local_modules() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let module = "variable \"cidr\" {}\nresource \"aws_security_group_rule\" \"r\" {\n  type              = \"ingress\"\n  from_port         = 22\n  to_port           = 22\n  protocol          = \"tcp\"\n  cidr_blocks       = [var.cidr]\n  security_group_id = \"sg\"\n}\n";
    write(d, "infra/mod/main.tf", module);
    write(
        d,
        "infra/env/main.tf",
        "module \"m\" {\n  source = \"../mod\"\n  cidr   = \"0.0.0.0/0\"\n}\n",
    );
    // Neither a repository nor a config file: the working directory is not the tree.
    let elsewhere = tempfile::tempdir().unwrap();
    let infra = d.join("infra");
    let out = run(
        elsewhere.path(),
        &["check", infra.to_str().unwrap(), "--format", "json"],
    );
    let v = json(&out);
    let left_out = |v: &Value| {
        v["diagnostics"].as_array().unwrap().iter().any(|x| {
            x["message"]
                .as_str()
                .unwrap()
                .contains("leads out of the scanned tree")
        })
    };
    assert!(!left_out(&v), "{v:#}");
    assert_eq!(out.status.code(), Some(1), "{v:#}");
    // The scanned directory is the tree: a module beside it stays out of it.
    let env = infra.join("env");
    let out = run(
        elsewhere.path(),
        &["check", env.to_str().unwrap(), "--format", "json"],
    );
    assert!(left_out(&json(&out)));
    assert_eq!(out.status.code(), Some(2));
}
