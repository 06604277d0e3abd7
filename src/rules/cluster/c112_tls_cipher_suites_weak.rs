//! C112: a control-plane component or kubelet allows weak TLS cipher suites.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct TlsCipherSuitesWeak;
pub static RULE: TlsCipherSuitesWeak = TlsCipherSuitesWeak;

/// Why a suite is weak: no forward secrecy (static RSA key exchange), CBC mode, RC4 or 3DES.
fn weakness(suite: &str) -> Option<&'static str> {
    let s = suite.to_ascii_uppercase();
    if s.contains("RC4") {
        Some("RC4 is broken")
    } else if s.contains("3DES") || s.contains("DES_CBC") {
        Some("3DES has 64-bit blocks (Sweet32)")
    } else if s.starts_with("TLS_RSA_") {
        Some("static RSA key exchange has no forward secrecy")
    } else if s.contains("_CBC_") {
        Some("CBC mode is open to padding-oracle attacks")
    } else {
        None
    }
}

impl Rule for TlsCipherSuitesWeak {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in &facts.components {
            for flag in ["tls-cipher-suites", "cipher-suites"] {
                for item in c.values(flag) {
                    if let Some(why) = weakness(&item.value) {
                        let at = item.anchor();
                        cx.report(
                            at,
                            format!(
                                "{} allows {} (--{flag}, {}): {why}",
                                c.component.binary(),
                                item.value,
                                c.origin.describe()
                            ),
                        );
                    }
                }
            }
        }
    }
}
