//! Data-driven fixture tests. Every directory under `testdata/` is scanned on its own (so
//! project-level rules see one coherent set of files). A line that should produce a finding ends
//! with a comment `# expect: C201` (several ids separated by commas); JSON files list their
//! expectations in a sidecar `<file>.expect` with lines `LINE RULE`. Every other line, and every
//! file without expectations (the good twins), must produce nothing. New fixtures need no edits here.

use kube_harden::config::{Config, Overrides};
use kube_harden::rules::REGISTRY;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

type Expect = BTreeSet<(String, usize, String)>;

fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata")
}

fn cases() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(testdata())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    v.sort();
    v
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// Expected findings of one file, from inline markers or a sidecar.
fn expectations(file: &Path, shown: &str) -> Expect {
    let mut out = Expect::new();
    let sidecar = PathBuf::from(format!("{}.expect", file.display()));
    if sidecar.exists() {
        for line in std::fs::read_to_string(&sidecar)
            .unwrap()
            .lines()
            .filter(|l| !l.trim().is_empty())
        {
            let (n, rule) = line.split_once(' ').expect("sidecar lines are `LINE RULE`");
            out.insert((
                shown.to_string(),
                n.trim().parse().unwrap(),
                rule.trim().to_string(),
            ));
        }
        return out;
    }
    let Ok(text) = std::fs::read_to_string(file) else {
        return out;
    };
    for (i, line) in text.lines().enumerate() {
        for marker in ["# expect:", "// expect:"] {
            if let Some(at) = line.find(marker) {
                for rule in line[at + marker.len()..].split(',') {
                    let rule = rule.split_whitespace().next().unwrap_or("");
                    if !rule.is_empty() {
                        out.insert((shown.to_string(), i + 1, rule.to_string()));
                    }
                }
            }
        }
    }
    out
}

fn scan_dir(dir: &Path) -> (Expect, Vec<String>) {
    let config = Config::load(dir, &Overrides::default()).unwrap();
    let outcome = kube_harden::scan(
        &kube_harden::Input {
            paths: vec![dir.to_path_buf()],
            ..Default::default()
        },
        &config,
    );
    let got = outcome
        .active()
        .map(|f| (f.file.path.clone(), f.start().line, f.rule_id.to_string()))
        .collect();
    let diags = outcome
        .diagnostics
        .iter()
        .map(|d| format!("{}: {}", d.path, d.message))
        .collect();
    (got, diags)
}

#[test]
fn every_fixture_gives_exactly_its_expected_findings() {
    let mut failures = Vec::new();
    for case in cases() {
        let mut expected = Expect::new();
        for f in files_under(&case) {
            let shown = kube_harden::discover::display_path(&f);
            expected.extend(expectations(&f, &shown));
        }
        let (got, diags) = scan_dir(&case);
        for missing in expected.difference(&got) {
            failures.push(format!(
                "missing {} at {}:{}",
                missing.2, missing.0, missing.1
            ));
        }
        for extra in got.difference(&expected) {
            failures.push(format!("unexpected {} at {}:{}", extra.2, extra.0, extra.1));
        }
        let hostile = case.file_name().unwrap() == "hostile";
        if !hostile && !diags.is_empty() {
            failures.push(format!("diagnostics in {}: {diags:?}", case.display()));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_rule_has_bad_fixtures_and_a_good_twin() {
    let mut all = Expect::new();
    let mut good_twins = BTreeSet::new();
    for case in cases() {
        for f in files_under(&case) {
            let shown = kube_harden::discover::display_path(&f);
            let e = expectations(&f, &shown);
            let is_fixture = kube_harden::discover::has_known_extension(&f);
            if e.is_empty()
                && is_fixture
                && f.file_name().unwrap().to_string_lossy().contains("good")
            {
                good_twins.insert(case.file_name().unwrap().to_string_lossy().to_string());
            }
            all.extend(e);
        }
    }
    for r in REGISTRY {
        assert!(
            all.iter().any(|(_, _, id)| id == r.doc.id),
            "rule {} has no fixture expecting it",
            r.doc.id
        );
        assert!(
            good_twins.contains(r.doc.id),
            "rule {} has no good twin (a `*good*` file without expectations in testdata/{}/)",
            r.doc.id,
            r.doc.id
        );
    }
}

#[test]
fn every_rule_page_is_complete() {
    for r in REGISTRY {
        let body = r.doc.body();
        for heading in [
            "## Why",
            "## What is flagged",
            "## How to fix",
            "## References",
        ] {
            assert!(
                body.contains(heading),
                "rules/{}.md lacks `{heading}`",
                r.doc.id
            );
        }
        assert!(
            !r.doc.references.is_empty(),
            "rules/{}.md lists no references",
            r.doc.id
        );
        assert!(r.doc.summary.len() <= 1024 && r.doc.title.len() <= 1024);
    }
}
