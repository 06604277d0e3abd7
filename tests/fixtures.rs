//! Data-driven fixture tests, one test per directory under `testdata/` (`fixture::C201`, ...).
//!
//! Regenerate the snapshots after an intended change of behaviour, then review the diff:
//!
//! ```sh
//! UPDATE_SNAPSHOTS=1 cargo test --test fixtures
//! git diff tests/snapshots/
//! ```
//!
//! Without `UPDATE_SNAPSHOTS=1` (CI, plain `cargo test`) a snapshot is never written: any
//! difference, a missing snapshot or a snapshot without a fixture directory fails.
//!
//! Every directory is scanned on its own (so project-level rules see one coherent set of files,
//! with the directory's own `.kube-harden.toml` if it has one). Each test checks two things:
//!
//! 1. **Markers**, the human-readable contract: a line that should produce a finding ends with a
//!    comment `# expect: C201` (several ids separated by commas); JSON files list their
//!    expectations in a sidecar `<file>.expect` with lines `LINE RULE`. The active findings'
//!    (path, line, rule) must equal the markers exactly; every other line, and every file without
//!    expectations (the good twins), must produce nothing. Only `hostile` may have diagnostics.
//! 2. **Snapshot** `tests/snapshots/fixtures/<dir>.snap`: every finding in the scan's order (rule,
//!    name, severity, start and end line:column, message, fingerprint, every related location),
//!    suppressed findings marked with their kind and reason, and every diagnostic.
//!
//! New fixture directories need no edits here: run the regeneration command once.

use kube_harden::config::{Config, Overrides};
use kube_harden::findings::SuppressionKind;
use kube_harden::rules::REGISTRY;
use kube_harden::source::Position;
use libtest_mimic::{Arguments, Failed, Trial};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

type Expect = BTreeSet<(String, usize, String)>;

const SNAPSHOT_EXT: &str = "snap";

fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata")
}

fn snapshot_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/fixtures")
}

fn updating() -> bool {
    std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1")
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

fn case_name(case: &Path) -> String {
    case.file_name().unwrap().to_string_lossy().into_owned()
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

fn scan_dir(dir: &Path) -> kube_harden::Outcome {
    let config = Config::load(dir, &Overrides::default()).unwrap();
    kube_harden::scan(
        &kube_harden::Input {
            paths: vec![dir.to_path_buf()],
            ..Default::default()
        },
        &config,
    )
}

fn range(start: Position, end: Position) -> String {
    format!(
        "{}:{}-{}:{}",
        start.line, start.column, end.line, end.column
    )
}

/// Continuation lines of a multi-line message are indented under their field.
fn field(out: &mut String, name: &str, value: &str) {
    let value = value.replace('\n', "\n    ");
    writeln!(out, "  {name}: {value}").unwrap();
}

/// The snapshot text of one scan: deterministic (the scan's own order, relative paths).
fn render(case: &str, outcome: &kube_harden::Outcome) -> String {
    let mut out = String::new();
    let active = outcome.active().count();
    writeln!(
        out,
        "# kube-harden scan of testdata/{case}; regenerate: UPDATE_SNAPSHOTS=1 cargo test --test fixtures"
    )
    .unwrap();
    writeln!(
        out,
        "# files: {}, active findings: {active}, suppressed: {}, diagnostics: {}",
        outcome.files_scanned,
        outcome.findings.len() - active,
        outcome.diagnostics.len()
    )
    .unwrap();
    for f in &outcome.findings {
        out.push('\n');
        let state = if f.suppression.is_some() {
            "suppressed"
        } else {
            "finding"
        };
        writeln!(
            out,
            "{state} {} {} ({}) {}:{}",
            f.rule_id,
            f.rule_name,
            f.severity.as_str(),
            f.file.path,
            range(f.start(), f.end())
        )
        .unwrap();
        field(&mut out, "message", &f.message);
        if let Some(s) = &f.suppression {
            let kind = match s.kind {
                SuppressionKind::InSource => "inSource",
                SuppressionKind::External => "external",
            };
            field(&mut out, "suppressed", &format!("{kind}: {}", s.reason));
        }
        field(&mut out, "fingerprint", &f.fingerprint);
        for r in &f.related {
            let (start, end) = r.file.range(r.span);
            field(
                &mut out,
                "related",
                &format!("{}:{} {}", r.file.path, range(start, end), r.message),
            );
        }
    }
    for d in &outcome.diagnostics {
        out.push('\n');
        let at = match d.region {
            Some((start, end)) => format!("{}:{}", d.path, range(start, end)),
            None => d.path.clone(),
        };
        writeln!(out, "diagnostic {} {} {at}", d.level.as_str(), d.code).unwrap();
        field(&mut out, "message", &d.message);
    }
    out
}

fn diff(expected: &str, actual: &str) -> String {
    similar::TextDiff::from_lines(expected, actual)
        .unified_diff()
        .context_radius(3)
        .header("snapshot", "actual")
        .to_string()
}

/// Compares (or, with `UPDATE_SNAPSHOTS=1`, writes) one snapshot.
fn check_snapshot(case: &str, actual: &str) -> Result<(), String> {
    let path = snapshot_dir().join(format!("{case}.{SNAPSHOT_EXT}"));
    let shown = format!("tests/snapshots/fixtures/{case}.{SNAPSHOT_EXT}");
    let expected = std::fs::read_to_string(&path).ok();
    if expected.as_deref() == Some(actual) {
        return Ok(());
    }
    if updating() {
        std::fs::create_dir_all(snapshot_dir()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return Ok(());
    }
    Err(match expected {
        None => format!(
            "{shown} is missing; run `UPDATE_SNAPSHOTS=1 cargo test --test fixtures` and review it.\nactual:\n{actual}"
        ),
        Some(expected) => format!(
            "{shown} differs (run `UPDATE_SNAPSHOTS=1 cargo test --test fixtures` if intended):\n{}",
            diff(&expected, actual)
        ),
    })
}

fn run_fixture(case: &Path) -> Result<(), Failed> {
    let name = case_name(case);
    let mut expected = Expect::new();
    for f in files_under(case) {
        let shown = kube_harden::discover::display_path(&f);
        expected.extend(expectations(&f, &shown));
    }
    let outcome = scan_dir(case);
    let got: Expect = outcome
        .active()
        .map(|f| (f.file.path.clone(), f.start().line, f.rule_id.to_string()))
        .collect();
    let mut failures = Vec::new();
    for (path, line, rule) in expected.difference(&got) {
        failures.push(format!("missing {rule} at {path}:{line}"));
    }
    for (path, line, rule) in got.difference(&expected) {
        failures.push(format!("unexpected {rule} at {path}:{line}"));
    }
    if name != "hostile" && !outcome.diagnostics.is_empty() {
        for d in &outcome.diagnostics {
            failures.push(format!("diagnostic in {}: {}", d.path, d.message));
        }
    }
    let paths_relative = outcome
        .findings
        .iter()
        .all(|f| f.file.path.starts_with(&format!("testdata/{name}/")));
    if !paths_relative {
        failures.push("finding paths are not relative `testdata/<dir>/...` paths".into());
    }
    if let Err(e) = check_snapshot(&name, &render(&name, &outcome)) {
        failures.push(e);
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n").into())
    }
}

/// A snapshot whose fixture directory is gone fails (and is deleted when updating).
fn no_orphan_snapshots() -> Result<(), Failed> {
    let names: BTreeSet<String> = cases().iter().map(|c| case_name(c)).collect();
    let mut orphans = Vec::new();
    let Ok(entries) = std::fs::read_dir(snapshot_dir()) else {
        return if updating() {
            Ok(())
        } else {
            Err("tests/snapshots/fixtures/ is missing".into())
        };
    };
    for e in entries {
        let p = e.unwrap().path();
        let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
        let is_snapshot = p.extension().is_some_and(|x| x == SNAPSHOT_EXT);
        if !is_snapshot || !names.contains(&stem) {
            if updating() {
                std::fs::remove_file(&p).unwrap();
            } else {
                orphans.push(p.display().to_string());
            }
        }
    }
    if orphans.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "files in tests/snapshots/fixtures/ without a testdata/ directory: {orphans:?}"
        )
        .into())
    }
}

fn every_rule_has_bad_fixtures_and_a_good_twin() -> Result<(), Failed> {
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
                good_twins.insert(case_name(&case));
            }
            all.extend(e);
        }
    }
    for r in REGISTRY {
        if !all.iter().any(|(_, _, id)| id == r.doc.id) {
            return Err(format!("rule {} has no fixture expecting it", r.doc.id).into());
        }
        if !good_twins.contains(r.doc.id) {
            return Err(format!(
                "rule {} has no good twin (a `*good*` file without expectations in testdata/{}/)",
                r.doc.id, r.doc.id
            )
            .into());
        }
    }
    Ok(())
}

fn every_rule_page_is_complete() -> Result<(), Failed> {
    for r in REGISTRY {
        let body = r.doc.body();
        for heading in [
            "## Why",
            "## What is flagged",
            "## How to fix",
            "## References",
        ] {
            if !body.contains(heading) {
                return Err(format!("rules/{}.md lacks `{heading}`", r.doc.id).into());
            }
        }
        if r.doc.references.is_empty() {
            return Err(format!("rules/{}.md lists no references", r.doc.id).into());
        }
        if r.doc.summary.len() > 1024 || r.doc.title.len() > 1024 {
            return Err(format!("rules/{}.md: summary or title over 1024 bytes", r.doc.id).into());
        }
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let mut trials: Vec<Trial> = cases()
        .into_iter()
        .map(|case| {
            Trial::test(format!("fixture::{}", case_name(&case)), move || {
                run_fixture(&case)
            })
        })
        .collect();
    trials.push(Trial::test(
        "snapshots::no_orphan_snapshots",
        no_orphan_snapshots,
    ));
    trials.push(Trial::test(
        "catalog::every_rule_has_bad_fixtures_and_a_good_twin",
        every_rule_has_bad_fixtures_and_a_good_twin,
    ));
    trials.push(Trial::test(
        "catalog::every_rule_page_is_complete",
        every_rule_page_is_complete,
    ));
    libtest_mimic::run(&args, trials).exit();
}
