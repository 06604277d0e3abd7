//! N252: the instance metadata service answers requests that crossed more than one network hop.
//!
//! Explicit values only: an absent hop limit takes the AMI's or the account's default, which
//! the configuration does not show.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct ImdsHopLimitAboveOne;
pub static RULE: ImdsHopLimitAboveOne = ImdsHopLimitAboveOne;

impl Rule for ImdsHopLimitAboveOne {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for s in &facts.node_settings {
            let field = match s.name.as_str() {
                "metadata_options.http_put_response_hop_limit" => "http_put_response_hop_limit = ",
                "instanceMetadata.httpPutResponseHopLimit" => {
                    "instanceMetadata.httpPutResponseHopLimit: "
                }
                "MetadataOptions.HttpPutResponseHopLimit" => {
                    "MetadataOptions.HttpPutResponseHopLimit: "
                }
                _ => continue,
            };
            let Ok(limit) = s.value.trim().parse::<u32>() else {
                continue;
            };
            if limit <= 1 {
                continue;
            }
            // With the endpoint disabled there is no metadata service to reach.
            let disabled = facts.node_settings.iter().any(|o| {
                o.resource == s.resource
                    && matches!(
                        o.name.as_str(),
                        "metadata_options.http_endpoint" | "MetadataOptions.HttpEndpoint"
                    )
                    && o.value.eq_ignore_ascii_case("disabled")
            });
            if disabled {
                continue;
            }
            let related = s.origin().iter().map(|o| o.related(&s.value)).collect();
            cx.report_related(
                s.span,
                format!(
                    "{} sets {field}{limit}: IMDSv2 responses survive the extra hop into pod network namespaces, so any pod without host networking can fetch the node's IAM role credentials",
                    s.resource
                ),
                related,
            );
        }
    }
}
