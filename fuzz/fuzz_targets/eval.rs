#![no_main]
//! The Terraform evaluator: HCL with expressions (locals, `for`, functions, templates, resources
//! with `count`/`for_each`/`dynamic`) lowered to facts within the evaluator's budget. No panic,
//! no hang, no runaway memory (run with `-rss_limit_mb=1024 -timeout=10`).
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(body) = kube_harden::parse::hcl::parse(text) else {
        return;
    };
    let mut facts = kube_harden::facts::FileFacts::default();
    kube_harden::extract::terraform(&body, text, &mut facts);
});
