//! Throughput per parser front end and for the whole per-file pipeline (parse, extract, rules,
//! suppressions), on generated inputs of a realistic shape. Run with `cargo bench`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use kube_harden::config::{Config, Overrides};
use std::hint::black_box;
use std::path::Path;

fn yaml_input() -> String {
    let mut s = String::new();
    for i in 0..400 {
        s.push_str(&format!(
            "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver-{i}\n  namespace: kube-system\n  labels:\n    component: kube-apiserver\nspec:\n  hostNetwork: true\n  containers:\n    - name: kube-apiserver\n      image: registry.k8s.io/kube-apiserver:v1.35.{}\n      command:\n        - kube-apiserver\n        - --advertise-address=10.0.{}.{}\n        - --anonymous-auth={}\n        - --authorization-mode=Node,RBAC\n        - --client-ca-file=/etc/kubernetes/pki/ca.crt\n        - --etcd-servers=https://127.0.0.1:2379\n        - \"--tls-cipher-suites=TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256\"\n      volumeMounts:\n        - {{ name: k8s-certs, mountPath: /etc/kubernetes/pki, readOnly: true }}\n",
            i % 9,
            i / 250,
            i % 250,
            i % 2 == 0
        ));
    }
    s
}

fn json_input() -> String {
    let files: Vec<String> = (0..2000)
        .map(|i| format!("{{\"path\": \"/etc/f{i}\", \"mode\": 420, \"contents\": {{\"source\": \"http://example.com/f{i}\"}}}}"))
        .collect();
    format!(
        "{{\"ignition\": {{\"version\": \"3.4.0\"}}, \"storage\": {{\"files\": [{}]}}}}",
        files.join(",\n")
    )
}

fn toml_input() -> String {
    let mut s = String::new();
    for i in 0..2000 {
        s.push_str(&format!("[settings.host-containers.c{i}]\nenabled = {}\nsource = \"public.ecr.aws/x/y:v{i}\"\n\n", i % 2 == 0));
    }
    s
}

fn hcl_input() -> String {
    let mut s = String::new();
    for i in 0..600 {
        s.push_str(&format!(
            "resource \"aws_security_group\" \"sg{i}\" {{\n  name = \"sg{i}\"\n  ingress {{\n    from_port   = {}\n    to_port     = {}\n    protocol    = \"tcp\"\n    cidr_blocks = [\"10.0.0.0/8\", \"0.0.0.0/0\"]\n  }}\n  egress {{\n    from_port   = 0\n    to_port     = 0\n    protocol    = \"-1\"\n    cidr_blocks = [\"0.0.0.0/0\"]\n  }}\n}}\n\n",
            6443 + i % 3,
            6443 + i % 3
        ));
    }
    s
}

fn parsers(c: &mut Criterion) {
    let yaml = yaml_input();
    let json = json_input();
    let toml = toml_input();
    let hcl = hcl_input();
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Bytes(yaml.len() as u64));
    g.bench_function("yaml", |b| {
        b.iter(|| black_box(kube_harden::parse::yaml::parse(black_box(&yaml))))
    });
    g.throughput(Throughput::Bytes(json.len() as u64));
    g.bench_function("json", |b| {
        b.iter(|| black_box(kube_harden::parse::json::parse(black_box(&json)).is_ok()))
    });
    g.throughput(Throughput::Bytes(toml.len() as u64));
    g.bench_function("toml", |b| {
        b.iter(|| black_box(kube_harden::parse::toml::parse(black_box(&toml)).is_ok()))
    });
    g.throughput(Throughput::Bytes(hcl.len() as u64));
    g.bench_function("hcl", |b| {
        b.iter(|| black_box(kube_harden::parse::hcl::parse(black_box(&hcl)).is_ok()))
    });
    g.finish();
}

fn pipeline(c: &mut Criterion) {
    let config = Config::load(Path::new("."), &Overrides::default()).expect("config");
    let inputs = [
        ("static-pods.yaml", yaml_input()),
        ("ignition.ign", json_input()),
        ("user-data.toml", toml_input()),
        ("sg.tf", hcl_input()),
    ];
    let mut g = c.benchmark_group("lint");
    for (name, text) in &inputs {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(*name, |b| {
            b.iter(|| {
                black_box(kube_harden::lint_text(
                    name.to_string(),
                    text.clone(),
                    Path::new(name),
                    &config,
                ))
            })
        });
    }
    g.finish();
}

criterion_group!(benches, parsers, pipeline);
criterion_main!(benches);
