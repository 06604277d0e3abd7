//! C203: the API server authorizes every request.

use crate::facts::{Component, EffectiveList, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct ApiserverAuthorizationAlwaysAllow;
pub static RULE: ApiserverAuthorizationAlwaysAllow = ApiserverAuthorizationAlwaysAllow;

impl Rule for ApiserverAuthorizationAlwaysAllow {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::ApiServer) {
            match c.effective_values("authorization-mode") {
                EffectiveList::Set(items) => {
                    for i in items.iter().filter(|i| i.value == "AlwaysAllow") {
                        cx.report(
                            i.span,
                            format!(
                                "kube-apiserver authorizes every authenticated request: --authorization-mode includes AlwaysAllow ({})",
                                c.origin.describe()
                            ),
                        );
                    }
                }
                // --authorization-config moves the authorizer chain into a file not in view.
                EffectiveList::Default(d)
                    if d.split(',').any(|m| m == "AlwaysAllow")
                        && c.get("authorization-config").is_none() =>
                {
                    cx.report(
                        c.anchor,
                        format!(
                            "kube-apiserver does not set --authorization-mode ({}); it defaults to AlwaysAllow, so every authenticated request is allowed{}",
                            c.origin.describe(),
                            cp::distro_fix(c, "authorization-mode")
                        ),
                    )
                }
                _ => {}
            }
        }
    }
}
