//! N170: an OpenShift install-config on a public cloud publishes the API and the default
//! ingress on the internet (`publish` absent or `External`).

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct OpenshiftClusterPublished;
pub static RULE: OpenshiftClusterPublished = OpenshiftClusterPublished;

/// Platforms where `External` means internet-facing load balancers.
const CLOUDS: &[&str] = &["aws", "gcp", "azure", "ibmcloud", "powervs", "alibabacloud"];

impl Rule for OpenshiftClusterPublished {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in &facts.installer.install_configs {
            let Some(platform) = c.platform.as_deref() else {
                continue;
            };
            if !CLOUDS.contains(&platform) {
                continue;
            }
            match &c.publish {
                None => cx.report(
                    c.anchor,
                    format!(
                        "install-config {} (platform {platform}) does not set publish, which defaults to External: the API server and the default router get internet-facing load balancers",
                        c.name
                    ),
                ),
                Some((p, span)) if p == "External" => cx.report(
                    *span,
                    format!(
                        "install-config {} sets publish: External: the API server and the default router get internet-facing load balancers",
                        c.name
                    ),
                ),
                Some(_) => {}
            }
        }
    }
}
