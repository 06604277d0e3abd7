//! Terraform findings whose value comes from another file of the module carry a related
//! location there (the variable default or tfvars entry to change).

use kube_harden::config::{Config, Overrides};
use std::path::Path;

fn scan(dir: &str) -> kube_harden::Outcome {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let config = Config::load(&dir, &Overrides::default()).unwrap();
    kube_harden::scan(
        &kube_harden::Input {
            paths: vec![dir],
            ..Default::default()
        },
        &config,
    )
}

#[test]
fn variable_default_is_a_related_location() {
    let out = scan("testdata/N301/var-default");
    let f = out
        .findings
        .iter()
        .find(|f| f.rule_id == "N301" && f.message.contains("0.0.0.0/0"))
        .expect("a finding for the default");
    assert!(f.file.path.ends_with("main.tf"));
    assert_eq!(f.start().line, 8);
    let r = &f.related[0];
    assert!(r.file.path.ends_with("variables.tf"), "{}", r.file.path);
    assert_eq!(r.file.position(r.span.start).line, 3);
    assert!(r.message.contains("default of variable \"api_cidrs\""));
}

#[test]
fn tfvars_value_is_a_related_location() {
    let out = scan("testdata/N301/tfvars");
    let f = &out.findings[0];
    let r = &f.related[0];
    assert!(r.file.path.ends_with("terraform.tfvars"), "{}", r.file.path);
    assert_eq!(r.file.slice(r.span), "\"0.0.0.0/0\"");
}
