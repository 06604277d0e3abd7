//! C270: Talos grants pods the `os:admin` role on the Talos API.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct TalosApiAdminForPods;
pub static RULE: TalosApiAdminForPods = TalosApiAdminForPods;

impl Rule for TalosApiAdminForPods {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for t in &facts.installer.talos {
            if let Some(span) = t.api_access_admin {
                cx.report(
                    span,
                    "machine.features.kubernetesTalosAPIAccess grants os:admin to pods: a pod in an allowed namespace can reset, reconfigure or read the secrets of every node".to_string(),
                );
            }
        }
    }
}
