//! Reports without snippets drop file texts, project facts included, and the project stage
//! reads back only the files its findings point into: the findings must be the same as when
//! every text is kept, and a file that changed in between is refused.

use kube_harden::config::{Config, Overrides};
use kube_harden::findings::Finding;
use kube_harden::source::TextOrigin;
use std::path::Path;

fn scan(drop_texts: bool) -> Vec<String> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
    let config = Config::load(&data, &Overrides::default()).unwrap();
    let outcome = kube_harden::scan(
        &kube_harden::Input {
            paths: vec![data],
            drop_texts,
            ..Default::default()
        },
        &config,
    );
    assert!(outcome.diagnostics.iter().all(|d| d.code != "io-error"));
    outcome.findings.iter().map(shown).collect()
}

/// Everything a report without snippets shows of a finding.
fn shown(f: &Finding) -> String {
    let related: Vec<String> = f
        .related
        .iter()
        .map(|r| format!("{}:{:?}-{:?} {}", r.file.path, r.start, r.end, r.message))
        .collect();
    format!(
        "{} {}:{:?}-{:?} {} [{}] {:?} {}",
        f.rule_id,
        f.file.path,
        f.start(),
        f.end(),
        f.message,
        related.join("; "),
        f.suppression.as_ref().map(|s| &s.reason),
        f.fingerprint
    )
}

#[test]
fn dropping_texts_changes_no_finding() {
    let kept = scan(false);
    let dropped = scan(true);
    // Project rules with findings in the bundled examples, one of them with a related
    // location in another file (C140).
    for rule in ["N401", "N202", "C140"] {
        assert!(
            dropped.iter().any(|f| f.starts_with(&format!("{rule} "))),
            "{rule}"
        );
    }
    assert_eq!(kept, dropped);
}

#[test]
fn a_file_read_back_must_be_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.yaml");
    std::fs::write(&path, "\u{feff}kind: Namespace\n").unwrap();
    let origin = TextOrigin::of(&path, "kind: Namespace\n");
    let back = kube_harden::read::reread(&origin, "a.yaml", 1024).unwrap();
    assert_eq!(back.text, "kind: Namespace\n");
    std::fs::write(&path, "kind: Namespaces\n").unwrap();
    let err = kube_harden::read::reread(&origin, "a.yaml", 1024).unwrap_err();
    assert!(err.contains("changed"), "{err}");
    std::fs::remove_file(&path).unwrap();
    assert!(kube_harden::read::reread(&origin, "a.yaml", 1024).is_err());
}
