//! The GitHub Action, run locally: its scan script with a simulated GITHUB_* environment, and
//! a check that action.yml never interpolates inputs into shell code.

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run_action(
    dir: &Path,
    paths: &str,
    fail_on: &str,
) -> (String, String, std::process::ExitStatus) {
    let output_file = dir.join("github_output");
    std::fs::write(&output_file, "").unwrap();
    let out = Command::new("bash")
        .arg(repo().join("scripts/action.sh"))
        .current_dir(repo())
        .env("KUBE_HARDEN_BIN", env!("CARGO_BIN_EXE_kube-harden"))
        .env("GITHUB_OUTPUT", &output_file)
        .env("INPUT_PATHS", paths)
        .env("INPUT_FAIL_ON", fail_on)
        .env("INPUT_SARIF_FILE", dir.join("out.sarif"))
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        std::fs::read_to_string(output_file).unwrap(),
        out.status,
    )
}

#[test]
fn action_script_writes_sarif_annotations_and_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let (stdout, outputs, status) = run_action(dir.path(), "testdata", "low");
    assert!(status.success(), "{stdout}");
    let count = |kind: &str| {
        stdout
            .lines()
            .filter(|l| l.starts_with(&format!("::{kind} ")))
            .count()
    };
    assert!(count("error") <= 10 && count("warning") <= 10 && count("notice") <= 11);
    // Most severe first: the first annotation is a critical finding.
    assert!(stdout.lines().next().unwrap().contains("(critical)"));

    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("out.sarif")).unwrap())
            .unwrap();
    // Suppressed results stay in SARIF but are not counted as findings.
    let results = v["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r.get("suppressions").is_none())
        .count();
    assert!(
        outputs.contains(&format!("findings={results}\n")),
        "{outputs}"
    );
    assert!(outputs.contains("failed=true"));
    assert!(outputs.contains(&format!(
        "sarif-file={}",
        dir.path().join("out.sarif").display()
    )));
    let shown = count("error") + count("warning");
    if results > shown {
        assert!(stdout.contains("more annotations not shown"), "{stdout}");
    }

    let (_, outputs, _) = run_action(dir.path(), "testdata", "never");
    assert!(outputs.contains("failed=false"));
}

#[test]
fn action_inputs_are_never_evaluated_as_shell_code() {
    let dir = tempfile::tempdir().unwrap();
    let marker = dir.path().join("pwned");
    let evil = format!(
        "$(touch {}) `touch {}` testdata/C201",
        marker.display(),
        marker.display()
    );
    let (stdout, _, status) = run_action(dir.path(), &evil, "low");
    assert!(!marker.exists(), "an input was executed");
    // The words are taken as (missing) paths: kube-harden refuses to run.
    assert_eq!(status.code(), Some(2), "{stdout}");
    assert!(stdout.contains("could not run"), "{stdout}");

    // No step of action.yml puts ${{ inputs.* }} (or any expression) inside `run:`.
    let text = std::fs::read_to_string(repo().join("action.yml")).unwrap();
    let (docs, err) = kube_harden::parse::yaml::parse(&text);
    assert!(err.is_none());
    let steps = docs[0].root.path(&["runs", "steps"]).unwrap();
    for step in steps.items() {
        if let Some(run) = step.get_str("run") {
            assert!(!run.contains("${{"), "expression inside run: {run}");
        }
    }
}
