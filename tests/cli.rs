//! End-to-end tests of the command line: exit codes, formats, config discovery, suppressions,
//! standard input and determinism. They run the built binary.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_kube-harden"))
}

fn run(dir: &Path, args: &[&str]) -> Output {
    bin()
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

const BAD_POD: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\nspec:\n  containers:\n    - name: a\n      image: registry.k8s.io/kube-apiserver:v1.35.0\n      command:\n        - kube-apiserver\n        - --anonymous-auth=true\n";
const SELECT: &str = "select = [\"C201\", \"C202\"]\n";
const GOOD_POD: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\nspec:\n  containers:\n    - name: a\n      image: registry.k8s.io/kube-apiserver:v1.35.0\n      command:\n        - kube-apiserver\n        - --anonymous-auth=false\n";

/// A temporary tree. Unless a test brings its own config, one selects only the two
/// anonymous-auth rules, so that these tests follow C201/C202 and not the whole catalog.
fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(".kube-harden.toml"), SELECT).unwrap();
    for (name, text) in files {
        let p = dir.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

#[test]
fn exit_codes_follow_findings_and_errors() {
    let clean = tree(&[("pod.yaml", GOOD_POD)]);
    assert_eq!(code(&run(clean.path(), &["check"])), 0);
    let bad = tree(&[("pod.yaml", BAD_POD)]);
    assert_eq!(code(&run(bad.path(), &["check"])), 1);
    assert_eq!(
        code(&run(bad.path(), &["check", "--fail-on", "critical"])),
        0
    );
    assert_eq!(code(&run(bad.path(), &["check", "--format", "xml"])), 2);
    assert_eq!(code(&run(bad.path(), &["check", "--select", "Z999"])), 2);
    let broken = tree(&[(".kube-harden.toml", "select = [")]);
    let o = run(broken.path(), &["check"]);
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("invalid config"));
}

#[test]
fn select_and_ignore_by_id_or_name() {
    let bad = tree(&[("pod.yaml", BAD_POD)]);
    assert_eq!(
        code(&run(
            bad.path(),
            &["check", "--ignore", "apiserver-anonymous-auth"]
        )),
        0
    );
    assert_eq!(code(&run(bad.path(), &["check", "--select", "N3"])), 0);
    assert_eq!(code(&run(bad.path(), &["check", "--select", "c201"])), 1);
}

#[test]
fn config_is_found_upwards_and_applies() {
    let dir = tree(&[
        ("sub/deep/pod.yaml", BAD_POD),
        (
            ".kube-harden.toml",
            "select = [\"C201\"]\n[[ignore]]\nrules = [\"C201\"]\npaths = [\"sub/deep\"]\nreason = \"lab cluster\"\n",
        ),
    ]);
    let o = run(
        &dir.path().join("sub"),
        &["check", "deep", "--format", "json"],
    );
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["findings"][0]["suppressed"]["kind"], "external");
    assert_eq!(v["findings"][0]["suppressed"]["reason"], "lab cluster");

    let sev = tree(&[
        ("pod.yaml", BAD_POD),
        (
            ".kube-harden.toml",
            "select = [\"C201\"]\nfail-on = \"high\"\n[severity]\nC201 = \"critical\"\n",
        ),
    ]);
    let o = run(sev.path(), &["check", "--format", "json"]);
    assert_eq!(code(&o), 1);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["findings"][0]["severity"], "critical");
}

#[test]
fn inline_and_annotation_suppressions() {
    let commented = BAD_POD.replace(
        "        - --anonymous-auth=true\n",
        "        # kube-harden:ignore[C201] probes need anonymous /livez\n        - --anonymous-auth=true\n",
    );
    let no_reason = BAD_POD.replace(
        "- --anonymous-auth=true",
        "- --anonymous-auth=true # kube-harden:ignore[C201]",
    );
    let annotated = BAD_POD.replace(
        "  name: kube-apiserver\n",
        "  name: kube-apiserver\n  annotations:\n    kube-harden.io/ignore: \"C201 accepted for the lab\"\n",
    );
    let dir = tree(&[
        ("a.yaml", &commented),
        ("b.yaml", &no_reason),
        ("c.yaml", &annotated),
    ]);
    let o = run(dir.path(), &["check", "--format", "json"]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 3);
    assert!(findings
        .iter()
        .all(|f| f["suppressed"]["kind"] == "inSource"));
    let diags = v["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0]["path"], "b.yaml");
    assert!(diags[0]["message"]
        .as_str()
        .unwrap()
        .contains("without a reason"));
}

#[test]
fn sarif_has_what_github_needs() {
    let o = run(&repo(), &["check", "testdata", "--format", "sarif"]);
    assert_eq!(code(&o), 1);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let run0 = &v["runs"][0];
    assert_eq!(run0["columnKind"], "utf16CodeUnits");
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), kube_harden::rules::REGISTRY.len());
    for r in rules {
        for key in ["id", "name", "helpUri"] {
            assert!(
                r[key].as_str().is_some_and(|s| !s.is_empty()),
                "{key} in {r}"
            );
        }
        assert!(!r["shortDescription"]["text"].as_str().unwrap().is_empty());
        assert!(!r["fullDescription"]["text"].as_str().unwrap().is_empty());
        assert!(!r["help"]["text"].as_str().unwrap().is_empty());
        assert!(!r["help"]["markdown"].as_str().unwrap().is_empty());
        assert!(
            r["properties"]["security-severity"]
                .as_str()
                .unwrap()
                .parse::<f64>()
                .unwrap()
                > 0.0
        );
        assert!(r["properties"]["tags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t == "security"));
    }
    let results = run0["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for res in results {
        let idx = res["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[idx]["id"], res["ruleId"]);
        let loc = &res["locations"][0]["physicalLocation"];
        let uri = loc["artifactLocation"]["uri"].as_str().unwrap();
        assert!(uri.starts_with("testdata/"), "{uri}");
        let region = &loc["region"];
        let line = region["startLine"].as_u64().unwrap() as usize;
        // Line 1 is fine for a flagged value there (e.g. apiVersion), never for the file's start.
        assert!(
            line > 1 || region["startColumn"].as_u64().unwrap() > 1,
            "{res}"
        );
        // The region is on the line carrying the fixture's expectation.
        let text = std::fs::read_to_string(repo().join(uri)).unwrap();
        let src = text.lines().nth(line - 1).unwrap();
        let col = region["startColumn"].as_u64().unwrap() as usize;
        assert!(col >= 1 && col <= src.len() + 1);
        assert!(
            res["partialFingerprints"]["kubeHarden/v1"]
                .as_str()
                .unwrap()
                .len()
                == 16
        );
    }
    // No findings: still a valid run with an empty results array.
    let empty = tree(&[("pod.yaml", GOOD_POD)]);
    let v: Value =
        serde_json::from_str(&stdout(&run(empty.path(), &["check", "--format", "sarif"]))).unwrap();
    assert_eq!(v["runs"][0]["results"].as_array().unwrap().len(), 0);
}

#[test]
fn github_annotations_escape_and_sort_by_severity() {
    let o = run(&repo(), &["check", "testdata", "--format", "github"]);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.iter().all(|l| l.starts_with("::")));
    let first_warning = lines
        .iter()
        .position(|l| l.starts_with("::warning"))
        .unwrap();
    assert!(lines[..first_warning]
        .iter()
        .all(|l| l.starts_with("::error")));
    assert!(lines[0].contains("(critical)::"), "{}", lines[0]);
    assert!(lines.iter().any(|l| l.contains(
        "file=testdata/C201/static-pod-bad.yaml,line=28,endLine=28,col=11,endColumn=32"
    )));
}

#[test]
fn stdin_is_read_under_its_given_name() {
    let mut child = bin()
        .args([
            "check",
            "-",
            "--stdin-filename",
            "chart/apiserver.yaml",
            "--select",
            "C201",
            "--format",
            "json",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(BAD_POD.as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(code(&o), 1);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["findings"][0]["path"], "chart/apiserver.yaml");
    assert_eq!(v["findings"][0]["start"]["line"], 11);
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let outputs: Vec<String> = ["1", "2", "8"]
        .iter()
        .map(|t| {
            stdout(&run(
                &repo(),
                &["check", "testdata", "--format", "sarif", "--threads", t],
            ))
        })
        .collect();
    assert_eq!(outputs[0], outputs[1]);
    assert_eq!(outputs[0], outputs[2]);
}

#[test]
fn rules_and_explain() {
    let o = run(&repo(), &["rules"]);
    assert_eq!(
        stdout(&o).lines().count(),
        kube_harden::rules::REGISTRY.len()
    );
    let o = run(&repo(), &["explain", "apiserver-anonymous-auth"]);
    assert!(stdout(&o).contains("## How to fix"));
    assert_eq!(code(&run(&repo(), &["explain", "Z999"])), 2);
}

#[test]
fn output_file_and_human_summary() {
    let bad = tree(&[("pod.yaml", BAD_POD)]);
    let o = run(bad.path(), &["check", "--output", "out.txt"]);
    assert_eq!(code(&o), 1);
    assert!(stdout(&o).is_empty());
    let text = std::fs::read_to_string(bad.path().join("out.txt")).unwrap();
    assert!(text.contains("C201 apiserver-anonymous-auth (medium)"));
    assert!(text.contains("1 finding (1 medium) in 1 of 1 files"));
    assert!(!text.contains('\u{1b}'), "no colour when not a terminal");
}

#[test]
fn baseline_round_trip_survives_moved_lines() {
    let dir = tree(&[("pod.yaml", BAD_POD)]);
    let o = run(dir.path(), &["check", "--write-baseline", "baseline.json"]);
    assert_eq!(code(&o), 1);
    assert_eq!(
        code(&run(dir.path(), &["check", "--baseline", "baseline.json"])),
        0
    );
    // Insert lines above the finding: still baselined.
    let moved = BAD_POD.replace(
        "spec:\n",
        "spec:\n  # a comment\n  # another\n  restartPolicy: Always\n",
    );
    std::fs::write(dir.path().join("pod.yaml"), &moved).unwrap();
    assert_eq!(
        code(&run(dir.path(), &["check", "--baseline", "baseline.json"])),
        0
    );
    // A new finding is reported.
    std::fs::write(dir.path().join("new.yaml"), BAD_POD).unwrap();
    let o = run(
        dir.path(),
        &["check", "--baseline", "baseline.json", "--format", "json"],
    );
    assert_eq!(code(&o), 1);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0]["path"], "new.yaml");
}

#[test]
fn var_file_values_reach_the_root_module() {
    let tf = "variable \"admin_cidrs\" {\n  default = [\"10.0.0.0/8\"]\n}\n\nresource \"aws_security_group\" \"cp\" {\n  ingress {\n    from_port   = 6443\n    to_port     = 6443\n    protocol    = \"tcp\"\n    cidr_blocks = var.admin_cidrs\n  }\n}\n";
    let dir = tree(&[
        ("infra/main.tf", tf),
        ("envs/prod.tfvars", "admin_cidrs = [\"0.0.0.0/0\"]\n"),
        (".kube-harden.toml", "select = [\"N301\"]\n"),
    ]);
    assert_eq!(code(&run(dir.path(), &["check", "infra"])), 0);
    let o = run(
        dir.path(),
        &[
            "check",
            "infra",
            "--var-file",
            "envs/prod.tfvars",
            "--format",
            "json",
        ],
    );
    assert_eq!(code(&o), 1, "{}", stdout(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let f = &v["findings"][0];
    assert_eq!(f["rule"], "N301");
    assert_eq!(f["path"], "infra/main.tf");
    assert_eq!(f["start"]["line"], 10);
    assert_eq!(f["related"][0]["path"], "envs/prod.tfvars");
    assert_eq!(
        code(&run(
            dir.path(),
            &["check", "infra", "--var-file", "nope.tfvars"]
        )),
        2
    );
}
