//! H110: a host user gets a password (hash) instead of SSH keys only.

use crate::facts::FileFacts;
use crate::facts::Located;
use crate::rules::{Cx, Rule};

pub struct UserPasswordHash;
pub static RULE: UserPasswordHash = UserPasswordHash;

/// `!`, `*` and friends lock the account: no password at all.
pub fn is_locked(hash: &str) -> bool {
    hash.starts_with('!') || hash.starts_with('*')
}

impl Rule for UserPasswordHash {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for u in &facts.host.users {
            if let Some(Located { value: h, span, .. }) = &u.password_hash {
                if !h.is_empty() && !is_locked(h) {
                    cx.report(*span, format!("user {} gets a password hash: password logins (console, and SSH if sshd allows them) become possible and the hash can be brute-forced offline from the config", u.name));
                }
            }
        }
    }
}
