#![no_main]
//! The whole per-file pipeline (parse, classify, extract, rules, suppressions) under every
//! file type: findings must point inside the file.
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::OnceLock;

static CONFIG: OnceLock<kube_harden::config::Config> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Some((&kind, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let name = ["a.yaml", "a.json", "a.toml", "a.tf", "a.bu", "a.ign"][kind as usize % 6];
    let config = CONFIG.get_or_init(|| {
        kube_harden::config::Config::load(Path::new("/nonexistent"), &Default::default())
            .expect("config")
    });
    let (findings, _) =
        kube_harden::lint_text(name.to_string(), text.to_string(), Path::new(name), config);
    for f in findings {
        assert!(f.span.end <= f.file.text.len());
    }
});
