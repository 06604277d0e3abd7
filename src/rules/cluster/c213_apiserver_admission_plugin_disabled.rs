//! C213: a security-relevant default admission plugin is turned off.

use crate::facts::{Component, FileFacts};
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct ApiserverAdmissionPluginDisabled;
pub static RULE: ApiserverAdmissionPluginDisabled = ApiserverAdmissionPluginDisabled;

/// Default-on plugins whose loss weakens isolation, and what they do. NodeRestriction is C205's.
const GUARDS: &[(&str, &str)] = &[
    (
        "ServiceAccount",
        "pods may run without a service account and mount other accounts' tokens",
    ),
    (
        "NamespaceLifecycle",
        "objects can be created in namespaces being deleted or in non-existent ones",
    ),
    (
        "PodSecurity",
        "Pod Security Standards labels on namespaces are no longer enforced",
    ),
];

impl Rule for ApiserverAdmissionPluginDisabled {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in cp::of(facts, Component::ApiServer) {
            for i in c.values("disable-admission-plugins") {
                if let Some((name, why)) = GUARDS.iter().find(|g| g.0 == i.value) {
                    cx.report(
                        i.span,
                        format!(
                            "kube-apiserver disables the {name} admission plugin ({}): {why}",
                            c.origin.describe()
                        ),
                    );
                }
            }
        }
    }
}
