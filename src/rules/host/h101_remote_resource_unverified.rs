//! H101: a host fetches configuration over an unauthenticated channel without checking a hash.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct RemoteResourceUnverified;
pub static RULE: RemoteResourceUnverified = RemoteResourceUnverified;

impl Rule for RemoteResourceUnverified {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for r in facts.remote_resources.iter().filter(|r| !r.verified) {
            let scheme = r.url.split(':').next().unwrap_or("").to_ascii_lowercase();
            if matches!(scheme.as_str(), "http" | "tftp") {
                cx.report(
                    r.span,
                    format!(
                        "{} is fetched from {} over plain {scheme} without verification.hash; anyone on the path can replace it",
                        r.what, r.url
                    ),
                );
            }
        }
    }
}
