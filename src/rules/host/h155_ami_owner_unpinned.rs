//! H155: a `data "aws_ami"` lookup accepts images from any AWS account.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct AmiOwnerUnpinned;
pub static RULE: AmiOwnerUnpinned = AmiOwnerUnpinned;

impl Rule for AmiOwnerUnpinned {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for s in facts.node_settings.iter().filter(|s| s.name == "owners") {
            let how = match s.value.as_str() {
                "most_recent" => "with most_recent = true it takes the newest matching image, and anyone can publish a public AMI with a matching name",
                "absent" => "any AWS account can publish a public AMI that matches its filters",
                _ => continue,
            };
            cx.report(
                s.span,
                format!(
                    "{} sets no owners (nor an owner-id, owner-alias or image-id filter): {how}, so the instances may boot an attacker's image",
                    s.resource
                ),
            );
        }
    }
}
