//! H203: a service with no place on a Kubernetes node (telnet, rpcbind, avahi, cups …) enabled.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct NonEssentialService;
pub static RULE: NonEssentialService = NonEssentialService;

const SERVICES: &[&str] = &[
    "telnet",
    "telnetd",
    "rsh",
    "rlogin",
    "rexec",
    "rpcbind",
    "avahi-daemon",
    "cups",
    "cups-browsed",
    "vsftpd",
    "tftp",
    "xinetd",
    "snmpd",
    "smb",
    "nmb",
    "ypbind",
    "ypserv",
    "bluetooth",
    "nfs-server",
];

impl Rule for NonEssentialService {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for u in &facts.host.units {
            let base = u.name.rsplit_once('.').map(|(b, _)| b).unwrap_or(&u.name);
            let base = base.trim_end_matches('@');
            let configured = cx
                .settings
                .non_essential_services
                .iter()
                .any(|s| s == base || *s == u.name);
            let enabled = u.enabled.as_ref().filter(|e| e.value).map(|e| e.span);
            if let (true, Some(span)) = (SERVICES.contains(&base) || configured, enabled) {
                cx.report(span, format!("{} is enabled: {base} has no role on a Kubernetes node and only adds attack surface", u.name));
            }
        }
    }
}
