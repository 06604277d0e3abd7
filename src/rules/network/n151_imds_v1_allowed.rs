//! N151: EC2 instance metadata accepts IMDSv1 (no session token) on nodes.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct ImdsV1Allowed;
pub static RULE: ImdsV1Allowed = ImdsV1Allowed;

impl Rule for ImdsV1Allowed {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for s in &facts.node_settings {
            // eksctl node groups: `disableIMDSv1: false`.
            if s.name == "disableIMDSv1" && s.value == "false" {
                cx.report(
                    s.span,
                    format!(
                        "{} sets disableIMDSv1: false: IMDSv1 answers any SSRF or pod request with the node's IAM credentials",
                        s.resource
                    ),
                );
                continue;
            }
            // kOps InstanceGroups: `instanceMetadata.httpTokens: optional`.
            if s.name == "instanceMetadata.httpTokens" && s.value.eq_ignore_ascii_case("optional") {
                cx.report(
                    s.span,
                    format!(
                        "{} sets instanceMetadata.httpTokens: optional: IMDSv1 answers any SSRF or pod request with the node's IAM credentials",
                        s.resource
                    ),
                );
                continue;
            }
            if s.name != "metadata_options.http_tokens" || !s.value.eq_ignore_ascii_case("optional")
            {
                continue;
            }
            // With the endpoint disabled there is no metadata service to reach.
            let disabled = facts.node_settings.iter().any(|o| {
                o.resource == s.resource
                    && o.name == "metadata_options.http_endpoint"
                    && o.value.eq_ignore_ascii_case("disabled")
            });
            if !disabled {
                cx.report(
                    s.span,
                    format!(
                        "{} sets http_tokens = \"optional\": IMDSv1 answers any SSRF or pod request with the node's IAM credentials",
                        s.resource
                    ),
                );
            }
        }
    }
}
