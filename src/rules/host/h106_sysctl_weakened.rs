//! H106: sysctls that undo kernel hardening defaults.

use crate::facts::{FileFacts, HostConfigKind};
use crate::rules::{Cx, Rule};

pub struct SysctlWeakened;
pub static RULE: SysctlWeakened = SysctlWeakened;

/// (sysctl, weak values, what the weak value does).
const WEAK: &[(&str, &[&str], &str)] = &[
    (
        "kernel.unprivileged_bpf_disabled",
        &["0"],
        "lets unprivileged users load BPF programs",
    ),
    (
        "kernel.kptr_restrict",
        &["0"],
        "exposes kernel pointers to unprivileged users",
    ),
    (
        "kernel.dmesg_restrict",
        &["0"],
        "lets unprivileged users read the kernel log",
    ),
    (
        "kernel.yama.ptrace_scope",
        &["0"],
        "lets any process ptrace other processes of the same user",
    ),
    (
        "kernel.randomize_va_space",
        &["0", "1"],
        "weakens address-space layout randomisation",
    ),
    (
        "fs.protected_hardlinks",
        &["0"],
        "removes hardlink protection",
    ),
    (
        "fs.protected_symlinks",
        &["0"],
        "removes symlink protection",
    ),
    (
        "fs.suid_dumpable",
        &["1", "2"],
        "lets setuid programs dump core",
    ),
    (
        "net.ipv4.conf.all.accept_redirects",
        &["1"],
        "accepts ICMP redirects",
    ),
    (
        "net.ipv4.conf.default.accept_redirects",
        &["1"],
        "accepts ICMP redirects",
    ),
    (
        "net.ipv6.conf.all.accept_redirects",
        &["1"],
        "accepts ICMP redirects",
    ),
    (
        "net.ipv4.conf.all.accept_source_route",
        &["1"],
        "accepts source-routed packets",
    ),
    (
        "net.ipv4.conf.default.accept_source_route",
        &["1"],
        "accepts source-routed packets",
    ),
    (
        "net.core.bpf_jit_harden",
        &["0"],
        "turns off BPF JIT hardening",
    ),
];

impl Rule for SysctlWeakened {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for e in facts.host.entries_of(HostConfigKind::Sysctl) {
            // sysctl accepts both `a.b.c` and `a/b/c`.
            let key = e.key.replace('/', ".");
            if let Some((_, _, what)) = WEAK
                .iter()
                .find(|(k, v, _)| *k == key && v.contains(&e.value.trim()))
            {
                cx.report(
                    e.span,
                    format!("{} sets {key}={}, which {what}", e.source, e.value.trim()),
                );
            }
        }
    }
}
