//! C206: the AlwaysAdmit admission plugin is enabled.

use crate::facts::{Component, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct ApiserverAlwaysAdmit;
pub static RULE: ApiserverAlwaysAdmit = ApiserverAlwaysAdmit;

impl Rule for ApiserverAlwaysAdmit {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::ApiServer) {
            for i in c
                .values("enable-admission-plugins")
                .iter()
                .chain(c.values("admission-control").iter())
                .filter(|i| i.value == "AlwaysAdmit")
            {
                cx.report(
                    i.span,
                    format!(
                        "kube-apiserver enables the AlwaysAdmit admission plugin ({}): it admits every request and is deprecated",
                        c.origin.describe()
                    ),
                );
            }
        }
    }
}
