//! C310: the API server accepts tokens of deleted service accounts.

use crate::facts::{Component, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct ApiserverServiceAccountLookupDisabled;
pub static RULE: ApiserverServiceAccountLookupDisabled = ApiserverServiceAccountLookupDisabled;

impl Rule for ApiserverServiceAccountLookupDisabled {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::ApiServer) {
            if let Some(s) = c
                .get("service-account-lookup")
                .filter(|s| s.as_bool() == Some(false))
            {
                cx.report(
                    s.span,
                    format!(
                        "kube-apiserver does not check that a token's service account still exists: `{}` ({}); deleting the account does not revoke its tokens",
                        s.written,
                        c.origin.describe()
                    ),
                );
            }
        }
    }
}
