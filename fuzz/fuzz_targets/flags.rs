#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Some(t) = kube_harden::extract::flags::parse_token(text) {
            assert!(t.value_offset <= text.len());
        }
    }
});
