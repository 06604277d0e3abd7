//! Hostile input in one scan together with a real finding: every bad file gets a diagnostic,
//! the scan finishes (and fails closed with exit code 2, or 1 for the real finding with
//! `--allow-unscanned`), nothing panics or hangs.

use serde_json::Value;
use std::process::Command;

#[test]
fn hostile_inputs_are_diagnosed_and_the_scan_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n);
    let write = |n: &str, b: &[u8]| std::fs::write(p(n), b).unwrap();

    // A real finding that must survive everything else.
    write(
        "real.yaml",
        b"apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nauthentication:\n  anonymous:\n    enabled: true\n",
    );
    // YAML alias bomb (a billion laughs).
    let mut bomb = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let mut prev = 'a';
    for c in 'b'..='z' {
        bomb.push_str(&format!(
            "{c}: &{c} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
        ));
        prev = c;
    }
    write("bomb.yaml", bomb.as_bytes());
    // 200,000-deep nesting in every format.
    write("deep.yaml", "[".repeat(200_000).as_bytes());
    let mut block = String::new();
    for i in 0..2_000 {
        block.push_str(&" ".repeat(i));
        block.push_str("k:\n");
    }
    write("deep-block.yaml", block.as_bytes());
    write("deep.json", "[".repeat(200_000).as_bytes());
    write(
        "deep.toml",
        format!("a = {}", "[".repeat(200_000)).as_bytes(),
    );
    write("deep.tf", format!("x = {}", "[".repeat(200_000)).as_bytes());
    // Binary, invalid UTF-8, NUL bytes.
    write("binary.yaml", &[0x7f, b'E', b'L', b'F', 0, 0, 1, 2, 3]);
    write("latin1.yaml", b"name: caf\xe9\n");
    write("nul.json", b"{\"a\": \"x\0y\"}");
    // Over the size limit.
    write(
        "huge.yaml",
        &vec![b'#'; (kube_harden::MAX_FILE_BYTES + 1) as usize],
    );
    // An 8 MB single line and 50,000 documents.
    write(
        "long-line.yaml",
        format!("k: {}\n", "x".repeat(8 * 1024 * 1024)).as_bytes(),
    );
    write("many-docs.yaml", "---\na: 1\n".repeat(50_000).as_bytes());
    // Helm template, truncated files of every format.
    write("template.yaml", b"apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n  labels: {{- include \"x\" . | nindent 4 }}\n");
    write("trunc.yaml", b"a:\n  - b: [1, 2\n");
    write("trunc.json", b"{\"ignition\": {\"version\": \"3.4.0\"");
    write("trunc.toml", b"[settings.host-containers.admin\nenabled = ");
    write(
        "trunc.tf",
        b"resource \"aws_security_group\" \"x\" {\n  ingress {\n",
    );
    write("trunc.ign", b"{\"ignition\": ");
    // A symlink loop.
    std::fs::create_dir(p("loop")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(p("loop"), p("loop/self")).unwrap();

    let out = Command::new(env!("CARGO_BIN_EXE_kube-harden"))
        .current_dir(dir.path())
        .args(["check", ".", "--format", "json"])
        .output()
        .unwrap();
    // Files that could not be fully scanned fail the run...
    assert_eq!(
        out.status.code(),
        Some(2),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    // ... unless allowed; the report is the same apart from the diagnostics' levels.
    let allowed = Command::new(env!("CARGO_BIN_EXE_kube-harden"))
        .current_dir(dir.path())
        .args(["check", ".", "--format", "json", "--allow-unscanned"])
        .output()
        .unwrap();
    assert_eq!(allowed.status.code(), Some(1));
    let a: Value = serde_json::from_slice(&allowed.stdout).unwrap();
    assert_eq!(a["summary"]["unscanned"], 0);
    assert!(a["summary"]["allowed_unscanned"].as_u64().unwrap() >= 15);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = v["findings"].as_array().unwrap();
    // Only the real file has findings, and its anonymous-auth finding survived.
    assert!(
        findings.iter().all(|f| f["path"] == "real.yaml"),
        "{findings:?}"
    );
    assert!(findings.iter().any(|f| f["rule"] == "C202"), "{findings:?}");
    let diags = v["diagnostics"].as_array().unwrap();
    assert!(v["summary"]["unscanned"].as_u64().unwrap() >= 15);
    let diag_for = |name: &str| {
        diags
            .iter()
            .find(|d| d["path"] == name)
            .map(|d| d["message"].as_str().unwrap().to_string())
    };
    for name in [
        "deep.yaml",
        "deep-block.yaml",
        "deep.json",
        "deep.toml",
        "deep.tf",
        "binary.yaml",
        "latin1.yaml",
        "nul.json",
        "huge.yaml",
        "template.yaml",
        "trunc.yaml",
        "trunc.json",
        "trunc.toml",
        "trunc.tf",
        "trunc.ign",
    ] {
        assert!(
            diag_for(name).is_some(),
            "no diagnostic for {name}: {diags:?}"
        );
    }
    assert!(diag_for("template.yaml").unwrap().contains("Helm"));
    assert!(diag_for("huge.yaml").unwrap().contains("limit"));
    assert!(
        diags
            .iter()
            .any(|d| d["message"].as_str().unwrap().contains("not followed")),
        "symlink loop: {diags:?}"
    );
    // The bomb, the long line and the 50,000 documents are valid and harmless.
    for name in ["bomb.yaml", "long-line.yaml", "many-docs.yaml"] {
        assert!(diag_for(name).is_none(), "{name}: {:?}", diag_for(name));
    }
}
