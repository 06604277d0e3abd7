//! C114: the API server, controller manager or scheduler exposes profiling endpoints.

use crate::facts::{Component, Effective, FileFacts};
use crate::rules::{Cx, Rule};

pub struct ProfilingEnabled;
pub static RULE: ProfilingEnabled = ProfilingEnabled;

impl Rule for ProfilingEnabled {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in facts.components.iter().filter(|c| {
            matches!(
                c.component,
                Component::ApiServer | Component::ControllerManager | Component::Scheduler
            )
        }) {
            match c.effective("profiling") {
                Effective::Set(s) if s.as_bool() == Some(true) => cx.report(
                    s.span,
                    format!(
                        "{} serves /debug/pprof: `{}` ({})",
                        c.component.binary(),
                        s.written,
                        c.origin.describe()
                    ),
                ),
                // kube-scheduler's --config file has its own enableProfiling.
                Effective::Default("true")
                    if !(c.component == Component::Scheduler && c.get("config").is_some()) =>
                {
                    cx.report(
                    c.anchor,
                    format!(
                        "{} does not set --profiling=false ({}); it defaults to true and serves /debug/pprof",
                        c.component.binary(),
                        c.origin.describe()
                    ),
                )
                }
                _ => {}
            }
        }
    }
}
