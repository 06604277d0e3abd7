//! C111: a control-plane component or kubelet accepts TLS 1.0 or 1.1.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct TlsMinVersionWeak;
pub static RULE: TlsMinVersionWeak = TlsMinVersionWeak;

impl Rule for TlsMinVersionWeak {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for c in &facts.components {
            // etcd spells it --tls-min-version too (TLS1.0 style values).
            let Some(s) = c.get("tls-min-version") else {
                continue;
            };
            let v = s.value_or_true().trim();
            let weak = matches!(
                v.to_ascii_uppercase().replace(['.', '_'], "").as_str(),
                "VERSIONTLS10" | "VERSIONTLS11" | "TLS10" | "TLS11"
            );
            if weak {
                cx.report(
                    s.value_span,
                    format!(
                        "{} accepts {v} (`{}`, {}): TLS 1.0 and 1.1 are deprecated (RFC 8996)",
                        c.component.binary(),
                        s.written,
                        c.origin.describe()
                    ),
                );
            }
        }
    }
}
