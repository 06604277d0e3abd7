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

/// Every `.tf` file of a directory is a member of its module, however many there are: a file
/// sorted past the 256th still sees a variable declared in another late file (issue 16: such
/// files were evaluated alone, so the variable was unknown and the finding was lost), whether
/// the whole directory is scanned or the file alone (pre-commit).
#[test]
fn a_large_module_sees_variables_declared_in_late_files() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..300 {
        let text = format!("resource \"aws_security_group\" \"g{i}\" {{\n  name = \"g{i}\"\n}}\n");
        std::fs::write(dir.path().join(format!("a{i:03}.tf")), text).unwrap();
    }
    let main = "resource \"aws_security_group\" \"bastion\" {\n  ingress {\n    from_port   = 22\n    \
                to_port     = 22\n    protocol    = \"tcp\"\n    cidr_blocks = [var.admin_cidr]\n  }\n}\n";
    std::fs::write(dir.path().join("zz-main.tf"), main).unwrap();
    let vars = "variable \"admin_cidr\" {\n  default = \"0.0.0.0/0\"\n}\n";
    std::fs::write(dir.path().join("zz-variables.tf"), vars).unwrap();
    let config = Config::load(dir.path(), &Overrides::default()).unwrap();
    for path in [dir.path().to_path_buf(), dir.path().join("zz-main.tf")] {
        let out = kube_harden::scan(
            &kube_harden::Input {
                paths: vec![path.clone()],
                ..Default::default()
            },
            &config,
        );
        let f = out
            .findings
            .iter()
            .find(|f| f.rule_id == "N302")
            .unwrap_or_else(|| panic!("no N302 when scanning {}", path.display()));
        assert!(f.file.path.ends_with("zz-main.tf"), "{}", f.file.path);
        assert_eq!(f.start().line, 6);
        let r = &f.related[0];
        assert!(r.file.path.ends_with("zz-variables.tf"), "{}", r.file.path);
        assert!(r.message.contains("default of variable \"admin_cidr\""));
    }
}
