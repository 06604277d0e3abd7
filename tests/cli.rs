//! End-to-end tests of the command line.
//!
//! Most behaviour is data: `tests/cmd/<case>.toml` gives the arguments, the working directory
//! (`fs.cwd`, default the repository root; a `<case>.in/` directory is a sandbox copy), standard
//! input (`<case>.stdin` or `stdin = ...`) and the exit status; `<case>.stdout` and
//! `<case>.stderr` hold the exact expected output; `<case>.out/` holds files the command must
//! write. Inputs live in `tests/cmd/data/` or are existing `testdata/` files.
//!
//! Wildcards (`[..]`, `...`) are used only where output legitimately varies: the tool version in
//! text output and `[CWD]` (trycmd's) for an absolute path. Text cases have `\` read as `/` by
//! trycmd, so cases whose output is JSON or SARIF set `binary = true` and are compared byte for
//! byte (their tool version is exact: regenerate them on a version bump).
//!
//! Regenerate the expected output after an intended change, then review the diff:
//!
//! ```sh
//! TRYCMD=overwrite cargo test --test cli
//! git diff tests/cmd/
//! ```
//!
//! Run some cases only: `cargo test --test cli -- cli_cases trycmd=baseline trycmd=stdin`.
//!
//! The few Rust tests below need what a case file cannot express: a file edited between two
//! runs, or the same scan compared across thread counts.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .register_bin("kube-harden", Path::new(env!("CARGO_BIN_EXE_kube-harden")))
        .case("tests/cmd/*.toml");
}

/// A case without an expected status or without `.stdout`/`.stderr` would silently not check
/// them (trycmd only compares what is given), so every case must give all three.
#[test]
fn every_cli_case_states_status_stdout_and_stderr() {
    let dir = repo().join("tests/cmd");
    let mut cases = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_none_or(|x| x != "toml") {
            continue;
        }
        cases += 1;
        let text = std::fs::read_to_string(&p).unwrap();
        assert!(
            text.lines().any(|l| l.starts_with("status.code = ")),
            "{} has no `status.code`",
            p.display()
        );
        for ext in ["stdout", "stderr"] {
            assert!(
                p.with_extension(ext).is_file(),
                "{} has no .{ext} file",
                p.display()
            );
        }
    }
    assert!(cases > 50, "only {cases} cases found in {}", dir.display());
}

fn bin() -> Command {
    Command::new(Path::new(env!("CARGO_BIN_EXE_kube-harden")))
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

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let outputs: Vec<Output> = ["1", "2", "8"]
        .iter()
        .map(|t| {
            run(
                &repo(),
                &["check", "testdata", "--format", "sarif", "--threads", t],
            )
        })
        .collect();
    for o in &outputs {
        assert_eq!(code(o), 1);
        assert!(
            o.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    assert_eq!(stdout(&outputs[0]), stdout(&outputs[1]));
    assert_eq!(stdout(&outputs[0]), stdout(&outputs[2]));
}

#[test]
fn baseline_round_trip_survives_moved_lines() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join(".kube-harden.toml"),
        "select = [\"C201\"]\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("pod.yaml"), BAD_POD).unwrap();
    let github = ["--format", "github"];
    let written = run(
        dir.path(),
        &[&["check", "--write-baseline", "baseline.json"][..], &github].concat(),
    );
    assert_eq!(code(&written), 1);
    let policy =
        "::warning title=kube-harden policy::.kube-harden.toml disables every rule but C201\n";
    let flagged = "::warning file=pod.yaml,line=11,endLine=11,col=11,endColumn=32,title=C201 apiserver-anonymous-auth (medium)::kube-apiserver enables anonymous requests: `--anonymous-auth=true` (static pod)\n";
    assert_eq!(stdout(&written), format!("{policy}{flagged}"));
    let baseline = std::fs::read_to_string(dir.path().join("baseline.json")).unwrap();
    let v: Value = serde_json::from_str(&baseline).unwrap();
    assert_eq!(v["version"], 2);
    assert_eq!(v["findings"].as_array().unwrap().len(), 1);
    assert_eq!(v["findings"][0]["rule"], "C201");
    assert_eq!(v["findings"][0]["path"], "pod.yaml");
    let fingerprint = v["findings"][0]["fingerprint"]
        .as_str()
        .unwrap()
        .to_string();

    let with_baseline = [&["check", "--baseline", "baseline.json"][..], &github].concat();
    let o = run(dir.path(), &with_baseline);
    assert_eq!((code(&o), stdout(&o)), (0, policy.to_string()));

    // Insert lines above the finding: it moves to line 14, keeps its fingerprint, stays baselined.
    let moved = BAD_POD.replace(
        "spec:\n",
        "spec:\n  # a comment\n  # another\n  restartPolicy: Always\n",
    );
    std::fs::write(dir.path().join("pod.yaml"), &moved).unwrap();
    let o = run(dir.path(), &with_baseline);
    assert_eq!((code(&o), stdout(&o)), (0, policy.to_string()));
    let o = run(dir.path(), &["check", "--format", "json"]);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["findings"][0]["start"]["line"], 14);
    assert_eq!(v["findings"][0]["fingerprint"], fingerprint.as_str());

    // A new finding (same text, another file) is reported, the baselined one is not.
    std::fs::write(dir.path().join("new.yaml"), BAD_POD).unwrap();
    let o = run(dir.path(), &with_baseline);
    assert_eq!(code(&o), 1);
    assert_eq!(
        stdout(&o),
        format!(
            "{policy}{}",
            flagged.replace("file=pod.yaml", "file=new.yaml")
        )
    );
}

/// Every rule's SARIF metadata, for the whole catalog (the `check-sarif` case shows the exact
/// shape for a few rules; this checks what GitHub needs of all of them).
#[test]
fn sarif_metadata_of_every_rule() {
    // Opt-in rules are named, so every rule of the catalog runs.
    let opt_in: Vec<&str> = kube_harden::rules::REGISTRY
        .iter()
        .filter(|r| r.doc.opt_in)
        .map(|r| r.doc.id)
        .collect();
    let select = format!("ALL,{}", opt_in.join(","));
    let args = [
        "check", "testdata", "--format", "sarif", "--select", &select,
    ];
    let o = run(&repo(), &args);
    assert_eq!(code(&o), 1);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let run0 = &v["runs"][0];
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
        let sev: f64 = r["properties"]["security-severity"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!(sev > 0.0, "{r}");
        assert!(r["properties"]["tags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t == "security"));
    }
    for res in run0["results"].as_array().unwrap() {
        let idx = res["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[idx]["id"], res["ruleId"]);
        assert_eq!(
            res["partialFingerprints"]["kubeHarden/v2"]
                .as_str()
                .unwrap()
                .len(),
            16
        );
    }
}

/// More results than GitHub code scanning keeps per upload: a SARIF notification and a warning
/// on stderr say so (the report itself keeps every result).
#[test]
fn sarif_over_github_result_limit_warns() {
    let dir = tempfile::tempdir().unwrap();
    let doc = "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  namespace: n\nspec:\n  type: NodePort\n  ports:\n    - port: 80\n      nodePort: 30080\n";
    let text = vec![doc; 5001].join("---\n");
    std::fs::write(dir.path().join("services.yaml"), text).unwrap();
    let o = run(
        dir.path(),
        &[
            "check",
            "services.yaml",
            "--select",
            "N102",
            "--format",
            "sarif",
        ],
    );
    assert_eq!(code(&o), 1);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["runs"][0]["results"].as_array().unwrap().len(), 5001);
    let notes = v["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert!(notes.iter().any(|n| n["message"]["text"]
        .as_str()
        .unwrap()
        .contains("keeps at most 5000")));
    assert!(String::from_utf8_lossy(&o.stderr).contains("keeps at most 5000"));
}

/// `init` writes a config that loads as is and refuses to overwrite one without --force;
/// `completions` and `man` print what shells and man read.
#[test]
fn init_completions_and_man() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(dir.path(), &["init"]);
    assert_eq!(code(&o), 0);
    let written = std::fs::read_to_string(dir.path().join(".kube-harden.toml")).unwrap();
    assert!(written.contains("# fail-on = \"low\""));
    assert_eq!(code(&run(dir.path(), &["check", "."])), 0);
    let again = run(dir.path(), &["init"]);
    assert_eq!(code(&again), 2);
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    assert_eq!(code(&run(dir.path(), &["init", "--force"])), 0);

    let bash = run(dir.path(), &["completions", "bash"]);
    assert_eq!(code(&bash), 0);
    assert!(stdout(&bash).contains("complete -F _kube__harden"));
    assert!(stdout(&bash).contains("--output-format"));
    let man = run(dir.path(), &["man"]);
    assert_eq!(code(&man), 0);
    assert!(stdout(&man).starts_with(".ie"));
    assert!(stdout(&man).contains(".TH kube-harden"));
}
