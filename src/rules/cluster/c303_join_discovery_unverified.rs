//! C303: a joining node does not verify the cluster CA it discovers.

use crate::facts::FileFacts;
use crate::parse::yaml11_bool;
use crate::rules::{Cx, Rule};

pub struct JoinDiscoveryUnverified;
pub static RULE: JoinDiscoveryUnverified = JoinDiscoveryUnverified;

impl Rule for JoinDiscoveryUnverified {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for k in &facts.kubeadm {
            let Some(d) = &k.discovery else { continue };
            if let Some(f) = &d.unsafe_skip_ca_verification {
                if yaml11_bool(&f.value) == Some(true) {
                    cx.report(
                        f.span,
                        "kubeadm join discovery sets unsafeSkipCAVerification: true: the node trusts whatever answers at the API endpoint, so anyone on the path can impersonate the control plane",
                    );
                }
            }
        }
    }
}
