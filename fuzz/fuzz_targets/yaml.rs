#![no_main]
//! The YAML front end must never panic, hang or blow up on any input, and its spans must lie
//! inside the text on character boundaries.
use libfuzzer_sys::fuzz_target;

fn check(node: &kube_harden::parse::Node, text: &str, depth: usize) {
    assert!(node.span.start <= node.span.end && node.span.end <= text.len());
    assert!(text.is_char_boundary(node.span.start) && text.is_char_boundary(node.span.end));
    if depth > 300 {
        return;
    }
    for (k, v) in node.entries() {
        check(k, text, depth + 1);
        check(v, text, depth + 1);
    }
    for i in node.items() {
        check(i, text, depth + 1);
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let (docs, _) = kube_harden::parse::yaml::parse(text);
        for d in &docs {
            check(&d.root, text, 0);
        }
    }
});
