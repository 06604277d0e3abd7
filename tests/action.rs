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
    run_action_with(dir, paths, fail_on, &[])
}

/// Runs the scan step as the runner would, with `extra` INPUT_* variables. The tool is reached
/// through a wrapper that logs each invocation to `dir/invocations`.
fn run_action_with(
    dir: &Path,
    paths: &str,
    fail_on: &str,
    extra: &[(&str, &str)],
) -> (String, String, std::process::ExitStatus) {
    let output_file = dir.join("github_output");
    std::fs::write(&output_file, "").unwrap();
    let wrapper = dir.join("kube-harden-wrapper");
    std::fs::write(
        &wrapper,
        format!(
            "#!/bin/sh\necho run >> '{}'\nexec '{}' \"$@\"\n",
            dir.join("invocations").display(),
            env!("CARGO_BIN_EXE_kube-harden")
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut cmd = Command::new("bash");
    cmd.arg(repo().join("scripts/action.sh"))
        .current_dir(repo())
        .env("KUBE_HARDEN_BIN", &wrapper)
        .env("GITHUB_OUTPUT", &output_file)
        .env("GITHUB_STEP_SUMMARY", dir.join("summary.md"))
        .env("INPUT_PATHS", paths)
        .env("INPUT_FAIL_ON", fail_on)
        .env("INPUT_SARIF_FILE", dir.join("out.sarif"));
    for (k, v) in extra {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
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
    assert!(count("error") <= 10 && count("warning") <= 10 && count("notice") <= 10);
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

/// One scan produces everything: SARIF (with the category), annotations, the job summary.
#[test]
fn action_scans_once_with_category_and_summary() {
    let dir = tempfile::tempdir().unwrap();
    let (stdout, outputs, _) = run_action_with(
        dir.path(),
        "testdata/C201 testdata/N301",
        "high",
        &[("INPUT_CATEGORY", "infra/prod")],
    );
    let runs = std::fs::read_to_string(dir.path().join("invocations")).unwrap();
    assert_eq!(runs.lines().count(), 1, "{stdout}");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("out.sarif")).unwrap())
            .unwrap();
    assert_eq!(v["runs"][0]["automationDetails"]["id"], "infra/prod/");
    let summary = std::fs::read_to_string(dir.path().join("summary.md")).unwrap();
    assert!(summary.starts_with("## kube-harden"), "{summary}");
    assert!(summary.contains("| C201 "), "{summary}");
    assert!(summary.contains("| critical |"), "{summary}");
    let findings = outputs
        .lines()
        .find_map(|l| l.strip_prefix("findings="))
        .unwrap();
    assert!(findings.parse::<usize>().unwrap() > 0);
}

/// Errors come first and the overflow notice is always among the notices GitHub shows.
#[test]
fn action_shows_errors_first_and_the_overflow_notice() {
    let dir = tempfile::tempdir().unwrap();
    let tree = dir.path().join("tree");
    std::fs::create_dir(&tree).unwrap();
    // Twelve files that do not parse, and testdata's many low (notice) findings.
    for i in 0..12 {
        std::fs::write(tree.join(format!("broken{i}.yaml")), "a: [\n").unwrap();
    }
    // The step itself succeeds; the job fails in the next step, on `failed`.
    let (stdout, outputs, _) =
        run_action(dir.path(), &format!("{} testdata", tree.display()), "low");
    assert!(outputs.contains("failed=true"));
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].starts_with("::error ") && lines[0].contains("kube-harden parse-error"));
    let notices: Vec<&&str> = lines
        .iter()
        .filter(|l| l.starts_with("::notice "))
        .collect();
    assert!(notices.len() <= 10, "{stdout}");
    assert!(
        notices
            .first()
            .is_some_and(|n| n.contains("more annotations not shown")),
        "{stdout}"
    );
}

/// A path that does not exist fails the job and writes no SARIF (an empty upload would close
/// every open alert).
#[test]
fn action_fails_on_a_missing_path() {
    let dir = tempfile::tempdir().unwrap();
    let (stdout, outputs, status) = run_action(dir.path(), "testdata/no-such-dir", "low");
    assert_eq!(status.code(), Some(2), "{stdout}");
    assert!(stdout.contains("could not run"), "{stdout}");
    assert!(!dir.path().join("out.sarif").exists());
    assert!(!outputs.contains("sarif-file="));
}

/// The build cache key is derived from the tool's source and version.
#[test]
fn action_cache_key_follows_the_tool_version() {
    let text = std::fs::read_to_string(repo().join("action.yml")).unwrap();
    let (docs, _) = kube_harden::parse::yaml::parse(&text);
    let steps = docs[0].root.path(&["runs", "steps"]).unwrap();
    let step = steps
        .items()
        .iter()
        .find(|s| s.get_str("id") == Some("version"))
        .unwrap();
    let script = step.get_str("run").unwrap().to_string();
    let cache = steps
        .items()
        .iter()
        .find(|s| {
            s.get_str("uses")
                .is_some_and(|u| u.starts_with("actions/cache"))
        })
        .unwrap();
    assert_eq!(
        cache.path(&["with", "key"]).and_then(|k| k.as_str()),
        Some("${{ steps.version.outputs.key }}")
    );
    let key = |root: &Path| {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let status = Command::new("bash")
            .args(["-c", &script])
            .env("GITHUB_ACTION_PATH", root)
            .env("GITHUB_OUTPUT", &out)
            .env("RUNNER_OS", "Linux")
            .status()
            .unwrap();
        assert!(status.success());
        std::fs::read_to_string(out).unwrap()
    };
    let k = key(&repo());
    assert!(
        k.starts_with(&format!(
            "key=kube-harden-Linux-{}-",
            env!("CARGO_PKG_VERSION")
        )),
        "{k}"
    );
    // A copy of the tool with one source file changed gets another key.
    let copy = tempfile::tempdir().unwrap();
    for f in ["Cargo.toml", "Cargo.lock", "build.rs"] {
        std::fs::copy(repo().join(f), copy.path().join(f)).unwrap();
    }
    for d in ["src", "rules", "scripts"] {
        let status = Command::new("cp")
            .args(["-r"])
            .arg(repo().join(d))
            .arg(copy.path())
            .status()
            .unwrap();
        assert!(status.success());
    }
    assert_eq!(key(copy.path()), k);
    std::fs::write(copy.path().join("src/lib.rs"), "// changed\n").unwrap();
    assert_ne!(key(copy.path()), k);
}

/// The install step uses a released binary only when the release was built from the same source
/// and its archive matches SHA256SUMS; otherwise it builds (here: a fake `cargo` records that).
#[test]
fn action_install_uses_a_matching_release_or_builds() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let releases = dir.path().join("releases/v9.9.9");
    let name = "kube-harden-v9.9.9-x86_64-unknown-linux-musl";
    std::fs::create_dir_all(releases.join(name)).unwrap();
    let released = releases.join(name).join("kube-harden");
    std::fs::write(&released, "#!/bin/sh\necho released\n").unwrap();
    std::fs::set_permissions(&released, std::fs::Permissions::from_mode(0o755)).unwrap();
    let tar = Command::new("tar")
        .args(["czf", &format!("{name}.tar.gz"), name])
        .current_dir(&releases)
        .status()
        .unwrap();
    assert!(tar.success());
    let sums = Command::new("sh")
        .args(["-c", &format!("sha256sum {name}.tar.gz > SHA256SUMS")])
        .current_dir(&releases)
        .status()
        .unwrap();
    assert!(sums.success());
    std::fs::write(releases.join("SOURCE-KEY"), "abc\n").unwrap();
    // A fake cargo on PATH: "building" writes a marker binary.
    let fake = dir.path().join("fakebin");
    std::fs::create_dir(&fake).unwrap();
    std::fs::write(
        fake.join("cargo"),
        "#!/bin/sh\nmkdir -p \"$INSTALL_ROOT/bin\"\nprintf '#!/bin/sh\\necho built\\n' > \"$INSTALL_ROOT/bin/kube-harden\"\nchmod +x \"$INSTALL_ROOT/bin/kube-harden\"\n",
    )
    .unwrap();
    std::fs::set_permissions(fake.join("cargo"), std::fs::Permissions::from_mode(0o755)).unwrap();
    let install = |key: &str| {
        let root = tempfile::tempdir().unwrap();
        let out = Command::new("bash")
            .arg(repo().join("scripts/action_install.sh"))
            .env("INSTALL_ROOT", root.path())
            .env("VERSION", "9.9.9")
            .env("SOURCE_KEY", key)
            .env("RUNNER_OS", "Linux")
            .env("RUNNER_ARCH", "X64")
            .env("GITHUB_ACTION_PATH", repo())
            .env("GITHUB_PATH", dir.path().join("github_path"))
            .env(
                "KUBE_HARDEN_RELEASES",
                format!("file://{}", dir.path().join("releases").display()),
            )
            .env(
                "PATH",
                format!("{}:{}", fake.display(), std::env::var("PATH").unwrap()),
            )
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let ran = Command::new(root.path().join("bin/kube-harden"))
            .output()
            .unwrap();
        String::from_utf8(ran.stdout).unwrap()
    };
    assert_eq!(install("abc"), "released\n");
    assert_eq!(install("other-source"), "built\n");
}

/// The repository's workflows: CI runs `.ci/run`; a version tag builds every release target and
/// publishes the checksums and the source key the Action compares.
#[test]
fn workflows_run_ci_and_release_every_target() {
    let read = |f: &str| std::fs::read_to_string(repo().join(".github/workflows").join(f)).unwrap();
    let ci = read("ci.yml");
    let (docs, err) = kube_harden::parse::yaml::parse(&ci);
    assert!(err.is_none());
    let steps = docs[0].root.path(&["jobs", "ci", "steps"]).unwrap();
    assert!(steps
        .items()
        .iter()
        .any(|s| s.get_str("run") == Some("bash .ci/run")));
    let rel = read("release.yml");
    let (docs, err) = kube_harden::parse::yaml::parse(&rel);
    assert!(err.is_none());
    let root = &docs[0].root;
    let tags = root.path(&["on", "push", "tags"]).unwrap();
    assert_eq!(tags.items()[0].as_str(), Some("v*.*.*"));
    let targets: Vec<&str> = root
        .path(&["jobs", "build", "strategy", "matrix", "include"])
        .unwrap()
        .items()
        .iter()
        .filter_map(|t| t.get_str("target"))
        .collect();
    for t in [
        "x86_64-unknown-linux-musl",
        "aarch64-unknown-linux-musl",
        "x86_64-apple-darwin",
        "aarch64-apple-darwin",
        "x86_64-pc-windows-msvc",
    ] {
        assert!(targets.contains(&t), "{t}");
    }
    assert!(rel.contains("scripts/source_key.sh . > dist/SOURCE-KEY"));
    assert!(rel.contains("sha256sum kube-harden-* > SHA256SUMS"));
}
