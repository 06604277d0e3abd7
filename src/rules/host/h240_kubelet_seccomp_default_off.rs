//! H240: the kubelet does not apply the runtime's default seccomp profile to containers that
//! name none (`seccompDefault` / `--seccomp-default`, default false in both forms).

use crate::facts::{Component, Effective, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct KubeletSeccompDefaultOff;
pub static RULE: KubeletSeccompDefaultOff = KubeletSeccompDefaultOff;

const WHY: &str = "containers without a seccomp profile run Unconfined, with every system call open to a kernel exploit";

impl Rule for KubeletSeccompDefaultOff {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::Kubelet) {
            match c.effective("seccomp-default") {
                Effective::Set(s) if s.as_bool() == Some(false) => cx.report(
                    s.span,
                    format!(
                        "the kubelet turns the default seccomp profile off: `{}` ({}): {WHY}",
                        s.written,
                        c.origin.describe()
                    ),
                ),
                // A flag line that reads a config file leaves the value to that file. Before
                // 1.25 the setting needed the SeccompDefault feature gate (alpha in 1.22, beta
                // and on by default in 1.25): absences in files pinning an older version are
                // not reported.
                Effective::Default("false") if !cp::reads_config_file(c) && !cp::may_be_kubelet_drop_in(facts, c) && !cp::pins_version_before(facts, 25) => cx.report(
                    c.anchor,
                    format!(
                        "the kubelet does not set seccompDefault / --seccomp-default ({}); it defaults to false: {WHY}",
                        c.origin.describe()
                    ),
                ),
                _ => {}
            }
        }
    }
}
