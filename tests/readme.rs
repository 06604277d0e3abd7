//! The README's examples stay copy-paste correct: the sample output is what the tool prints, and
//! the `.kube-harden.toml` example is a valid config.

use std::path::PathBuf;
use std::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The first fenced block after `heading` (its language tag may be given).
fn block_after(readme: &str, heading: &str, fence: &str) -> String {
    let at = readme.find(heading).expect("heading in README");
    let start = readme[at..].find(fence).expect("fenced block") + at + fence.len();
    let end = readme[start..].find("\n```").expect("closing fence") + start;
    readme[start..end].trim_start_matches('\n').to_string()
}

#[test]
fn sample_output_is_what_the_tool_prints() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let sample = block_after(&readme, "## Sample output", "```\n");
    let out = Command::new(env!("CARGO_BIN_EXE_kube-harden"))
        .args([
            "check",
            "testdata/C201/static-pod-bad.yaml",
            "--color",
            "never",
        ])
        .current_dir(repo())
        .output()
        .unwrap();
    let printed = String::from_utf8(out.stdout).unwrap();
    assert_eq!(printed.trim_end(), sample.trim_end());
}

#[test]
fn config_example_is_a_valid_config() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let toml = block_after(
        &readme,
        "## Configuration: `.kube-harden.toml`",
        "```toml\n",
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(".kube-harden.toml"), toml).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_kube-harden"))
        .args(["check", "."])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The Rules table's counts per practice and the total are the registry's.
#[test]
fn rule_counts_are_the_registry_s() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let rules = kube_harden::rules::REGISTRY;
    assert!(
        readme.contains(&format!("\n{} rules;", rules.len())),
        "README does not say `{} rules;`",
        rules.len()
    );
    let mut rows = 0;
    for line in readme.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        // `| C2 least privilege, … | 46 | reads |`
        let (Some(title), Some(count)) = (cells.get(1), cells.get(2)) else {
            continue;
        };
        let practice = title.split(' ').next().unwrap_or("");
        let Ok(count) = count.parse::<usize>() else {
            continue;
        };
        if practice.len() != 2 {
            continue;
        }
        let actual = rules.iter().filter(|r| r.doc.practice == practice).count();
        assert_eq!(count, actual, "README says {count} rules for {practice}");
        rows += 1;
    }
    assert_eq!(rows, 12, "one row per practice");
}
