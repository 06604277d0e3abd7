//! Fail closed and stay bounded (issue 12): files that cannot be fully scanned fail the run
//! (exit 2) unless allowed, ignore rules never hide tracked files, symlinks never lead out of the
//! scanned directory, secrets are masked, and nothing from a file name or file can inject
//! terminal controls or workflow commands. Big inputs are generated here, never committed; every
//! scan also holds a real finding (testdata/C201/static-pod-bad.yaml) that must survive.

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

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kube-harden"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
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

fn finding_paths(v: &Value) -> Vec<&str> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect()
}

fn has_real_finding(v: &Value) -> bool {
    v["findings"].as_array().unwrap().iter().any(|f| {
        f["rule"] == "C201" && f["path"] == "real/static-pod-bad.yaml" && f["suppressed"].is_null()
    })
}

fn text(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn unscanned_files_fail_the_run_in_every_format() {
    let dir = tree();
    let p = |n: &str| dir.path().join(n);
    std::fs::write(
        p("huge.yaml"),
        vec![b'#'; (kube_harden::MAX_FILE_BYTES + 1) as usize],
    )
    .unwrap();
    std::fs::write(p("binary.yaml"), b"a: 1\n\0\x01\x02").unwrap();
    std::fs::write(p("latin1.yaml"), b"name: caf\xe9\n").unwrap();
    std::fs::write(p("deep.json"), "[".repeat(100_000)).unwrap();
    std::fs::write(p("broken.yaml"), b"a: [1, 2\n").unwrap();
    let unscanned = [
        "binary.yaml",
        "broken.yaml",
        "deep.json",
        "huge.yaml",
        "latin1.yaml",
    ];

    let out = run(dir.path(), &["check", ".", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    let v = json(&out);
    assert!(has_real_finding(&v));
    assert_eq!(v["summary"]["unscanned"], unscanned.len());
    for name in unscanned {
        assert!(
            v["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d["path"] == name && d["level"] == "error"),
            "{name}: {}",
            v["diagnostics"]
        );
    }

    let out = run(dir.path(), &["check", ".", "--color", "never"]);
    assert_eq!(out.status.code(), Some(2));
    let summary = text(&out).lines().last().unwrap().to_string();
    assert!(
        summary.contains("5 files not fully scanned: binary.yaml, broken.yaml, deep.json, huge.yaml, latin1.yaml"),
        "{summary}"
    );

    let out = run(dir.path(), &["check", ".", "--format", "sarif"]);
    assert_eq!(out.status.code(), Some(2));
    let v = json(&out);
    let notes = v["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    for name in unscanned {
        assert!(notes
            .iter()
            .any(|n| n["level"] == "error"
                && n["message"]["text"].as_str().unwrap().starts_with(name)));
    }

    let out = run(dir.path(), &["check", ".", "--format", "github"]);
    assert_eq!(out.status.code(), Some(2));
    for name in unscanned {
        assert!(
            text(&out)
                .lines()
                .any(|l| l.starts_with(&format!("::error file={name},"))),
            "{name}"
        );
    }
    assert!(text(&out).contains("title=C201 apiserver-anonymous-auth"));
}

#[test]
fn allow_unscanned_by_flag_or_config_glob() {
    let dir = tree();
    std::fs::create_dir(dir.path().join("generated")).unwrap();
    std::fs::write(dir.path().join("generated/broken.yaml"), b"a: [1, 2\n").unwrap();
    std::fs::write(dir.path().join("other.yaml"), b"b: {\n").unwrap();

    let out = run(
        dir.path(),
        &["check", ".", "--format", "json", "--allow-unscanned"],
    );
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert!(has_real_finding(&v));
    assert_eq!(v["summary"]["unscanned"], 0);
    assert_eq!(v["summary"]["allowed_unscanned"], 2);

    // The config allows one directory: the other file still fails the run.
    std::fs::write(
        dir.path().join(".kube-harden.toml"),
        "allow-unscanned = [\"generated\"]\n",
    )
    .unwrap();
    let out = run(dir.path(), &["check", ".", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    let v = json(&out);
    assert!(has_real_finding(&v));
    let level = |name: &str| {
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["path"] == name)
            .map(|d| d["level"].as_str().unwrap().to_string())
    };
    assert_eq!(level("generated/broken.yaml").as_deref(), Some("warning"));
    assert_eq!(level("other.yaml").as_deref(), Some("error"));

    std::fs::remove_file(dir.path().join("other.yaml")).unwrap();
    let out = run(dir.path(), &["check", ".", "--color", "never"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("1 file not fully scanned (allowed): generated/broken.yaml"));
}

#[test]
fn bad_arguments_are_errors() {
    let dir = tree();
    let cases: &[&[&str]] = &[
        &["check", "real", "missing"],
        &["check", "real", "--select", ""],
        &["check", "real", "--ignore", "ALL"],
        &["check", "/dev/null"],
    ];
    for args in cases {
        let out = run(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("kube-harden: "), "{args:?}: {err}");
    }
    #[cfg(unix)]
    {
        let _sock = std::os::unix::net::UnixListener::bind(dir.path().join("sock.yaml")).unwrap();
        let out = run(dir.path(), &["check", "real", "sock.yaml"]);
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("not a regular file (a socket)"));
        // Walking past it is fine: only regular files are candidates.
        let out = run(dir.path(), &["check", ".", "--format", "json"]);
        assert_eq!(out.status.code(), Some(1));
        assert!(has_real_finding(&json(&out)));
    }
    // A malformed --var-file is a diagnostic that fails closed; the scan still reports.
    std::fs::write(dir.path().join("bad.tfvars"), "region = \"eu\n{{{").unwrap();
    let out = run(
        dir.path(),
        &[
            "check",
            "real",
            "--var-file",
            "bad.tfvars",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let v = json(&out);
    assert!(has_real_finding(&v));
    assert!(v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["path"] == "bad.tfvars" && d["level"] == "error"));
    // --threads is capped, not an error.
    let out = run(dir.path(), &["check", "real", "--threads", "100000"]);
    assert_eq!(out.status.code(), Some(1));
}

/// Writes a version 2 git index listing `paths`.
fn write_index(git_dir: &Path, paths: &[&str]) {
    let mut b = b"DIRC".to_vec();
    b.extend_from_slice(&2u32.to_be_bytes());
    b.extend_from_slice(&(paths.len() as u32).to_be_bytes());
    for p in paths {
        let mut e = vec![0u8; 60];
        e[24..28].copy_from_slice(&0o100644u32.to_be_bytes());
        e.extend_from_slice(&(p.len() as u16).to_be_bytes());
        e.extend_from_slice(p.as_bytes());
        let pad = 8 - e.len() % 8;
        e.extend(std::iter::repeat_n(0u8, pad));
        b.extend(e);
    }
    b.extend_from_slice(&[0u8; 20]);
    std::fs::create_dir_all(git_dir).unwrap();
    std::fs::write(git_dir.join("index"), b).unwrap();
}

#[test]
fn ignore_rules_never_hide_tracked_files() {
    let dir = tree();
    let p = |n: &str| dir.path().join(n);
    std::fs::write(p(".gitignore"), "hidden/\n*.generated.yaml\n").unwrap();
    std::fs::create_dir(p("hidden")).unwrap();
    let bad = std::fs::read(p("real/static-pod-bad.yaml")).unwrap();
    std::fs::write(p("hidden/tracked.yaml"), &bad).unwrap();
    std::fs::write(p("hidden/untracked.yaml"), &bad).unwrap();
    std::fs::write(p("x.generated.yaml"), &bad).unwrap();
    write_index(
        &p(".git"),
        &[
            ".gitignore",
            "hidden/tracked.yaml",
            "real/static-pod-bad.yaml",
        ],
    );

    let out = run(dir.path(), &["check", ".", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert!(has_real_finding(&v));
    let paths = finding_paths(&v);
    assert!(paths.contains(&"hidden/tracked.yaml"), "{paths:?}");
    assert!(!paths.contains(&"hidden/untracked.yaml"), "{paths:?}");
    assert!(!paths.contains(&"x.generated.yaml"), "{paths:?}");
    assert_eq!(v["summary"]["ignored"], 2);
    let out = run(dir.path(), &["check", ".", "--color", "never"]);
    assert!(text(&out)
        .trim_end()
        .ends_with("; 2 files skipped by ignore rules"));

    // A work tree whose .git is a `gitdir:` file.
    std::fs::remove_dir_all(p(".git")).unwrap();
    write_index(&p("elsewhere/wt"), &["hidden/untracked.yaml"]);
    std::fs::write(p(".git"), "gitdir: elsewhere/wt\n").unwrap();
    let v = json(&run(dir.path(), &["check", ".", "--format", "json"]));
    let paths = finding_paths(&v);
    assert!(paths.contains(&"hidden/untracked.yaml"), "{paths:?}");
    assert!(!paths.contains(&"hidden/tracked.yaml"), "{paths:?}");
}

#[cfg(unix)]
#[test]
fn symlinks_never_lead_out_of_the_scanned_directory() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("secret.yaml"),
        "password: [SECRET-CONTENT\n",
    )
    .unwrap();
    std::fs::create_dir(outside.path().join("dir")).unwrap();
    std::fs::write(
        outside.path().join("dir/other.yaml"),
        "x: [SECRET-CONTENT\n",
    )
    .unwrap();
    let dir = tree();
    let p = |n: &str| dir.path().join(n);
    symlink(outside.path().join("secret.yaml"), p("link.yaml")).unwrap();
    symlink(outside.path().join("dir"), p("linkdir")).unwrap();
    // Inside the root: followed.
    symlink(p("real/static-pod-bad.yaml"), p("inside.yaml")).unwrap();

    for format in ["json", "human", "github", "sarif"] {
        let out = run(dir.path(), &["check", ".", "--format", format]);
        assert_eq!(out.status.code(), Some(1), "{format}");
        let all = format!("{}{}", text(&out), String::from_utf8_lossy(&out.stderr));
        assert!(!all.contains("SECRET-CONTENT"), "{format}: {all}");
        assert!(
            all.contains("link.yaml") && all.contains("linkdir"),
            "{all}"
        );
    }
    let v = json(&run(dir.path(), &["check", ".", "--format", "json"]));
    assert!(has_real_finding(&v));
    assert!(v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["path"] == "inside.yaml"));
    // Named on the command line (as pre-commit does): not followed either.
    let out = run(
        dir.path(),
        &["check", "link.yaml", "real", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(!text(&out).contains("SECRET-CONTENT"));
    assert!(has_real_finding(&json(&out)));
    // A discovered config that is a symlink out of its directory is refused, unread.
    symlink(outside.path().join("secret.yaml"), p(".kube-harden.toml")).unwrap();
    let out = run(dir.path(), &["check", "."]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("symlink") && !err.contains("SECRET-CONTENT"),
        "{err}"
    );
}

#[test]
fn secrets_are_masked_in_every_format() {
    let dir = tree();
    // (The rule's page quotes `abcdef.0123456789abcdef` as the format: use other secrets.)
    let original = std::fs::read_to_string(repo().join("testdata/C302/kubeadm-bad.yaml")).unwrap();
    std::fs::write(
        dir.path().join("kubeadm.yaml"),
        original.replace("0123456789abcdef", "s3cr3ts3cr3ts3cr"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("kubeadm2.yaml"),
        original.replace("0123456789abcdef", "fedcba9876543210"),
    )
    .unwrap();
    for format in ["json", "human", "github", "sarif"] {
        let out = run(dir.path(), &["check", ".", "--format", format]);
        assert_eq!(out.status.code(), Some(1));
        let all = text(&out);
        for secret in [
            "s3cr3ts3cr3ts3cr",
            "fedcba9876543210",
            "e6a2eb8581237ab72a4f494f30285ec12a9694d750b9785706a83bfcbbbd2204",
        ] {
            assert!(!all.contains(secret), "{format} shows {secret}");
        }
        assert!(all.contains("abcdef.****************"), "{format}");
    }
    let v = json(&run(dir.path(), &["check", ".", "--format", "json"]));
    assert!(has_real_finding(&v));
    let fingerprint = |path: &str| {
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["path"] == path && f["rule"] == "C302")
            .map(|f| f["fingerprint"].as_str().unwrap().to_string())
            .unwrap()
    };
    assert_ne!(fingerprint("kubeadm.yaml"), fingerprint("kubeadm2.yaml"));
}

#[cfg(unix)]
#[test]
fn file_names_and_contents_cannot_inject_commands_or_controls() {
    let dir = tree();
    let bad = std::fs::read(dir.path().join("real/static-pod-bad.yaml")).unwrap();
    let evil = "a\n::error file=x::pwned.yaml";
    std::fs::write(dir.path().join(evil), &bad).unwrap();
    std::fs::write(
        dir.path().join("b\u{1b}[2J\u{202e}.yaml"),
        b"a: [\x1b]0;x\x07\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("c.yaml"),
        "# \u{1b}[31m\u{202e}\n".to_string() + &String::from_utf8_lossy(&bad),
    )
    .unwrap();
    for format in ["human", "github"] {
        let out = run(
            dir.path(),
            &["check", ".", "--format", format, "--allow-unscanned"],
        );
        assert_eq!(out.status.code(), Some(1), "{format}");
        let s = text(&out);
        for line in s.lines() {
            if format == "human" {
                assert!(!line.starts_with("::"), "{line}");
            } else {
                assert!(
                    line.starts_with("::error file=")
                        || line.starts_with("::warning file=")
                        || line.starts_with("::notice file="),
                    "{line}"
                );
                assert!(!line.contains("::error file=x"), "{line}");
            }
        }
        assert!(!s.contains('\u{1b}') && !s.contains('\u{202e}') && !s.contains('\u{7}'));
        assert!(s.contains("real/static-pod-bad.yaml"));
    }
}

#[cfg(unix)]
#[test]
fn closed_pipe_output_file_and_threads() {
    // `check | head -c1`: quiet, with the scan's own status.
    let out = Command::new("bash")
        .current_dir(repo())
        .arg("-c")
        .arg(format!(
            "'{}' check testdata --color never | head -c1 >/dev/null; echo \"status=${{PIPESTATUS[0]}}\"",
            env!("CARGO_BIN_EXE_kube-harden")
        ))
        .output()
        .unwrap();
    assert!(text(&out).contains("status=1"), "{}", text(&out));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // --output writes atomically: the complete report, no temporary file left behind.
    let dir = tree();
    std::fs::create_dir(dir.path().join("out")).unwrap();
    std::fs::write(dir.path().join("out/report.json"), "old").unwrap();
    let out = run(
        dir.path(),
        &[
            "check",
            "real",
            "--format",
            "json",
            "--output",
            "out/report.json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let v: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("out/report.json")).unwrap())
            .unwrap();
    assert!(has_real_finding(&v));
    let names: Vec<_> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["report.json"]);
    let out = run(
        dir.path(),
        &["check", "real", "--output", "missing/report.txt"],
    );
    assert_eq!(out.status.code(), Some(2));
}
