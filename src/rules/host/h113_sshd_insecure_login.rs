//! H113: sshd configured for password, keyboard-interactive, root or empty-password logins.

use crate::facts::{FileFacts, HostConfigKind};
use crate::rules::{Cx, Rule};

pub struct SshdInsecureLogin;
pub static RULE: SshdInsecureLogin = SshdInsecureLogin;

impl Rule for SshdInsecureLogin {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        // sshd keeps the first value it reads for a keyword: later lines of a file never apply.
        let mut seen = std::collections::HashSet::new();
        for e in facts.host.entries_of(HostConfigKind::Sshd) {
            if !seen.insert((&e.source, &e.section, &e.key)) {
                continue;
            }
            let v = e.value.to_ascii_lowercase();
            let what = match (e.key.as_str(), v.as_str()) {
                ("passwordauthentication", "yes") => {
                    "PasswordAuthentication yes allows password logins over SSH"
                }
                ("kbdinteractiveauthentication" | "challengeresponseauthentication", "yes") => {
                    "keyboard-interactive authentication allows password logins over SSH"
                }
                ("permitrootlogin", "yes") => {
                    "PermitRootLogin yes lets root log in over SSH with any method"
                }
                ("permitemptypasswords", "yes") => {
                    "PermitEmptyPasswords yes allows SSH logins to accounts without a password"
                }
                _ => continue,
            };
            let scope = if e.section.is_empty() {
                String::new()
            } else {
                format!(" (in {})", e.section)
            };
            cx.report(e.span, format!("{}: {what}{scope}", e.source));
        }
    }
}
