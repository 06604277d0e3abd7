//! C307: a Secret holds a legacy, non-expiring service-account token.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct LegacyServiceAccountTokenSecret;
pub static RULE: LegacyServiceAccountTokenSecret = LegacyServiceAccountTokenSecret;

impl Rule for LegacyServiceAccountTokenSecret {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for span in &facts.legacy_token_secrets {
            cx.report(
                *span,
                "Secret of type kubernetes.io/service-account-token: the token controller fills it with a token that never expires and is never rotated",
            );
        }
    }
}
