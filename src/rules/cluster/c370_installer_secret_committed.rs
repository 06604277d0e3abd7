//! C370: a distribution or installer config carries a private key, token or pull secret in
//! clear (Talos machine config PKI and tokens, OpenShift `pullSecret`).

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct InstallerSecretCommitted;
pub static RULE: InstallerSecretCommitted = InstallerSecretCommitted;

impl Rule for InstallerSecretCommitted {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for s in &facts.installer.secrets {
            // The value is never part of the message: whoever reads the report must not get it.
            cx.report(
                s.span,
                format!(
                    "{} {} is written in clear (value masked): {}, readable by whoever can read the repository",
                    s.source, s.field, s.what
                ),
            );
        }
    }
}
