//! C301: a kubeadm bootstrap token never expires or lives too long.

use crate::facts::FileFacts;
use crate::k8s::{go_duration_secs, human_secs};
use crate::rules::{Cx, Rule};

pub struct BootstrapTokenTtl;
pub static RULE: BootstrapTokenTtl = BootstrapTokenTtl;

/// kubeadm's own default ttl.
const DEFAULT_MAX: u64 = 24 * 3600;

impl Rule for BootstrapTokenTtl {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        let max = cx.settings.max_bootstrap_token_ttl.unwrap_or(DEFAULT_MAX);
        for k in &facts.kubeadm {
            for t in &k.bootstrap_tokens {
                let Some(ttl) = &t.ttl else { continue };
                match go_duration_secs(&ttl.value) {
                    Some(0) => cx.report(
                        ttl.span,
                        format!(
                            "bootstrap token ttl `{}` never expires: anyone who obtains it can join nodes to the cluster for ever",
                            ttl.value
                        ),
                    ),
                    Some(secs) if secs > max => cx.report(
                        ttl.span,
                        format!(
                            "bootstrap token ttl `{}` is longer than {} (settings.max-bootstrap-token-ttl)",
                            ttl.value,
                            human_secs(max)
                        ),
                    ),
                    _ => {}
                }
            }
        }
    }
}
