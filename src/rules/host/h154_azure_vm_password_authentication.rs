//! H154: an Azure Linux VM or scale set accepts SSH password logins.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct AzureVmPasswordAuthentication;
pub static RULE: AzureVmPasswordAuthentication = AzureVmPasswordAuthentication;

impl Rule for AzureVmPasswordAuthentication {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for s in &facts.node_settings {
            let message = match (s.name.as_str(), s.value.as_str()) {
                ("disable_password_authentication", "false") => format!(
                    "{} sets disable_password_authentication = false: sshd on the VMs accepts the admin password, so one guessed or leaked password opens every node",
                    s.resource
                ),
                ("os_profile_linux_config.disable_password_authentication", "false") => format!(
                    "{} sets os_profile_linux_config.disable_password_authentication = false: sshd on the VMs accepts the admin password, so one guessed or leaked password opens every node",
                    s.resource
                ),
                ("os_profile_linux_config.disable_password_authentication", "default") => format!(
                    "{} sets no os_profile_linux_config.disable_password_authentication (the provider default is false): sshd on the VMs accepts the admin password",
                    s.resource
                ),
                _ => continue,
            };
            let related = s.origin().iter().map(|o| o.related(&s.value)).collect();
            cx.report_related(s.span, message, related);
        }
    }
}
