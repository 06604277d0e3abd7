//! N403: Cilium is configured not to enforce network policies.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct CiliumPolicyNotEnforced;
pub static RULE: CiliumPolicyNotEnforced = CiliumPolicyNotEnforced;

impl Rule for CiliumPolicyNotEnforced {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in &facts.kube.cilium_configs {
            if let Some(v) = c.enable_policy.as_ref().filter(|v| v.value == "never") {
                cx.report(
                    v.span,
                    format!(
                        "{} sets enable-policy: never: Cilium ignores every network policy",
                        c.meta.display()
                    ),
                );
            }
            if let Some(v) = c
                .policy_audit_mode
                .as_ref()
                .filter(|v| crate::facts::go_bool(&v.value) == Some(true))
            {
                cx.report(
                    v.span,
                    format!(
                        "{} sets policy-audit-mode: {}: policy denials are only logged, all traffic passes",
                        c.meta.display(),
                        v.value
                    ),
                );
            }
        }
    }
}
