//! H104: kernel command-line arguments that switch off a security mechanism.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct KernelArgsWeakened;
pub static RULE: KernelArgsWeakened = KernelArgsWeakened;

/// Argument → what it switches off.
const WEAKENING: &[(&str, &str)] = &[
    ("selinux=0", "disables SELinux"),
    ("enforcing=0", "puts SELinux in permissive mode"),
    ("apparmor=0", "disables AppArmor"),
    ("security=none", "disables every Linux security module"),
    (
        "mitigations=off",
        "turns off CPU vulnerability mitigations (Spectre, Meltdown, MDS …)",
    ),
    ("nopti", "turns off kernel page-table isolation (Meltdown)"),
    (
        "pti=off",
        "turns off kernel page-table isolation (Meltdown)",
    ),
    ("spectre_v2=off", "turns off Spectre v2 mitigations"),
    ("nospectre_v2", "turns off Spectre v2 mitigations"),
    ("lockdown=none", "turns off kernel lockdown"),
    ("audit=0", "disables kernel auditing"),
    ("module.sig_enforce=0", "accepts unsigned kernel modules"),
    (
        "nokaslr",
        "disables kernel address-space layout randomisation",
    ),
    (
        "flatcar.autologin",
        "logs in on the console without a password",
    ),
    (
        "coreos.autologin",
        "logs in on the console without a password",
    ),
];

impl Rule for KernelArgsWeakened {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for a in &facts.host.kernel_args {
            // One entry may hold several space-separated arguments.
            for arg in a.arg.split_whitespace() {
                if let Some((_, what)) = WEAKENING.iter().find(|(w, _)| arg.eq_ignore_ascii_case(w))
                {
                    cx.report(a.span, format!("kernel argument {arg} {what} on the node"));
                }
            }
        }
    }
}
