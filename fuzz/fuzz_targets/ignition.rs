#![no_main]
//! The Ignition/Butane decoder: `data:` URLs (percent-encoded or base64), gzip members, and
//! whole Butane/Ignition files through the per-file pipeline (decoding budget included).
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::OnceLock;

static CONFIG: OnceLock<kube_harden::config::Config> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Some((&kind, rest)) = data.split_first() else {
        return;
    };
    match kind % 4 {
        // Raw gzip members, with a small and a large output limit.
        0 => {
            let _ = kube_harden::extract::inflate::gunzip(rest, 4096);
            let _ = kube_harden::extract::inflate::gunzip(rest, 1 << 20);
        }
        // A `data:` URL.
        1 => {
            if let Ok(url) = std::str::from_utf8(rest) {
                let _ = kube_harden::extract::written::decode_data_url_bytes(url);
            }
        }
        // A whole Butane or Ignition file.
        k => {
            let Ok(text) = std::str::from_utf8(rest) else {
                return;
            };
            let name = if k == 2 { "a.bu" } else { "a.ign" };
            let config = CONFIG.get_or_init(|| {
                kube_harden::config::Config::load(Path::new("/nonexistent"), &Default::default())
                    .expect("config")
            });
            let (findings, _) =
                kube_harden::lint_text(name.to_string(), text.to_string(), Path::new(name), config);
            for f in findings {
                assert!(f.span.end <= f.file.text.len());
            }
        }
    }
});
