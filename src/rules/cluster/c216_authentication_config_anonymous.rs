//! C216: an AuthenticationConfiguration allows anonymous requests beyond health checks.

use crate::facts::FileFacts;
use crate::parse::yaml11_bool;
use crate::rules::{Cx, Rule};

pub struct AuthenticationConfigAnonymous;
pub static RULE: AuthenticationConfigAnonymous = AuthenticationConfigAnonymous;

/// Paths probes call without credentials; anonymous access limited to these is the goal.
const HEALTH: &[&str] = &["/livez", "/readyz", "/healthz"];

impl Rule for AuthenticationConfigAnonymous {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for a in &facts.authentication_configs {
            let Some(enabled) = &a.anonymous_enabled else {
                continue;
            };
            if yaml11_bool(&enabled.value) != Some(true) {
                continue;
            }
            match &a.anonymous_paths {
                Some(paths) if !paths.is_empty() => {
                    for p in paths.iter().filter(|p| !HEALTH.contains(&p.value.as_str())) {
                        cx.report(
                            p.span,
                            format!(
                                "AuthenticationConfiguration lets anonymous requests reach {}: only /livez, /readyz and /healthz need them",
                                p.value
                            ),
                        );
                    }
                }
                _ => cx.report(
                    enabled.span,
                    "AuthenticationConfiguration enables anonymous requests without conditions: every path accepts them, as with --anonymous-auth=true",
                ),
            }
        }
    }
}
