//! C261: an RKE2 server runs without the CIS profile.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct Rke2CisProfileOff;
pub static RULE: Rke2CisProfileOff = Rke2CisProfileOff;

const WHAT: &str = "Pod Security admits privileged pods in every namespace, no default NetworkPolicies are created and kernel defaults are not protected ";

impl Rule for Rke2CisProfileOff {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for d in facts
            .distro
            .iter()
            .filter(|d| d.distro == "RKE2" && d.server)
        {
            match d.get("profile") {
                Some(p)
                    if !p.value.trim().starts_with("cis")
                        && !crate::extract::distro::templated(&p.value) =>
                {
                    cx.report(
                        p.span,
                        format!(
                            "RKE2 runs with `profile: {}`, not a CIS profile: {WHAT}",
                            p.value
                        ),
                    )
                }
                None if d.absent_everywhere("profile") => cx.report(
                    d.anchor,
                    format!("RKE2 server config without `profile: cis`: {WHAT}"),
                ),
                _ => {}
            }
        }
    }
}
