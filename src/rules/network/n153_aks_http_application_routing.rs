//! N153: an AKS cluster enables the HTTP application routing add-on.
//!
//! azurerm 3.x/4.x `http_application_routing_enabled` (azurerm 2.x:
//! `addon_profile.http_application_routing.enabled`), default false: only an explicit true is
//! flagged.

use crate::facts::{FileFacts, Provider};
use crate::rules::managed::{flag, report_field};
use crate::rules::{Cx, Rule};

pub struct AksHttpApplicationRouting;
pub static RULE: AksHttpApplicationRouting = AksHttpApplicationRouting;

impl Rule for AksHttpApplicationRouting {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in facts
            .managed_clusters
            .iter()
            .filter(|c| c.provider == Provider::Aks && !c.is_node_pool())
        {
            for path in [
                "http_application_routing_enabled",
                "addon_profile.http_application_routing.enabled",
            ] {
                if flag(c, path) != Some(true) {
                    continue;
                }
                let Some(f) = c.field(path) else {
                    continue;
                };
                report_field(
                    cx,
                    f,
                    format!(
                        "{} sets {path} = true: the add-on deploys an internet-facing ingress controller and ExternalDNS that give every Ingress of its class a name in a public DNS zone; Microsoft built it for development clusters only and has retired it",
                        c.resource
                    ),
                );
            }
        }
    }
}
