//! Project-level rules on partial views: files named one by one (as pre-commit passes them)
//! never yield an absence finding such as N401; the same files reached by a directory walk do.

use kube_harden::config::{Config, Overrides};
use std::path::{Path, PathBuf};

fn n401_count(paths: Vec<PathBuf>) -> usize {
    count("N401", paths)
}

fn count(rule: &str, paths: Vec<PathBuf>) -> usize {
    let config = Config::load(&paths[0], &Overrides::default()).unwrap();
    let outcome = kube_harden::scan(
        &kube_harden::Input {
            paths,
            ..Default::default()
        },
        &config,
    );
    outcome.active().filter(|f| f.rule_id == rule).count()
}

#[test]
fn explicit_files_are_a_partial_view() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/N401");
    assert_eq!(n401_count(vec![dir.join("shop-bad.yaml")]), 0);
    assert_eq!(
        n401_count(vec![
            dir.join("shop-bad.yaml"),
            dir.join("billing-bad.yaml")
        ]),
        0
    );
    // shop, billing, tenant-a, and namespace web once per application directory (apps/*).
    assert_eq!(n401_count(vec![dir.clone()]), 5);
}

#[test]
fn reboot_manager_anywhere_in_the_scan_silences_h103() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
    let masked = data.join("H103-reboot-manager-in-scan/controller.bu");
    // Alone and named explicitly: a partial view, the reboot manager may be elsewhere.
    assert_eq!(count("H103", vec![masked.clone()]), 0);
    // In a walked directory with FLUO: silent. Without any reboot manager: reported.
    assert_eq!(
        count("H103", vec![data.join("H103-reboot-manager-in-scan")]),
        0
    );
    assert_eq!(count("H103", vec![data.join("H103")]), 4);
}
