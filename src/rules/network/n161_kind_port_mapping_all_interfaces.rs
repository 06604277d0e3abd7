//! N161: a kind node maps a port on every interface of the host.

use crate::facts::FileFacts;
use crate::rules::controlplane as cp;
use crate::rules::{Cx, Rule};

pub struct KindPortMappingAllInterfaces;
pub static RULE: KindPortMappingAllInterfaces = KindPortMappingAllInterfaces;

impl Rule for KindPortMappingAllInterfaces {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for d in facts.distro.iter().filter(|d| d.distro == "kind") {
            for v in d.all("extraPortMappings.listenAddress") {
                let host = v.value.trim();
                if v.value.is_empty() {
                    cx.report(
                        v.span,
                        "kind port mapping without `listenAddress`: docker then binds it on every interface of the host (0.0.0.0, or :: for IPv6)",
                    );
                } else if cp::is_wildcard(host) {
                    cx.report(
                        v.span,
                        format!(
                            "kind port mapping on every interface of the host (`listenAddress: {host}`)"
                        ),
                    );
                }
            }
        }
    }
}
