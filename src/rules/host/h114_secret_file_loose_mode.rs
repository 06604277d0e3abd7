//! H114: a private key, kubeconfig or token file written readable by every user.

use crate::facts::FileFacts;
use crate::rules::secrets::find_secret;
use crate::rules::{Cx, Rule};

pub struct SecretFileLooseMode;
pub static RULE: SecretFileLooseMode = SecretFileLooseMode;

impl Rule for SecretFileLooseMode {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for f in &facts.host.files {
            let secret = f.is_secret_path()
                || f.contents
                    .iter()
                    .chain(&f.appended)
                    .any(|c| find_secret(&c.text).is_some());
            if !secret {
                continue;
            }
            match (f.mode, f.mode_span) {
                (Some(m), Some(span)) if m & 0o007 != 0 => cx.report(span, format!("{} holds credentials but is written with mode {:04o}: every local user and container with host access can read it", f.path, m)),
                (None, None) => cx.report(f.path_span, format!("{} holds credentials but sets no mode, so Ignition writes it 0644 (world-readable)", f.path)),
                _ => {}
            }
        }
    }
}
