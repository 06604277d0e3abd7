//! H111: a host user's password hash uses a broken scheme, or is empty.

use crate::facts::FileFacts;
use crate::facts::Located;
use crate::rules::{Cx, Rule};

pub struct WeakPasswordHash;
pub static RULE: WeakPasswordHash = WeakPasswordHash;

/// The weak scheme a crypt(3) hash uses, if any.
fn weak_scheme(h: &str) -> Option<&'static str> {
    if h.is_empty() {
        return Some("an empty hash (no password at all)");
    }
    if h.starts_with('!') || h.starts_with('*') {
        return None;
    }
    if h.starts_with("$1$") {
        Some("MD5-crypt ($1$)")
    } else if h.starts_with("$3$") {
        Some("NT hash ($3$)")
    } else if h.starts_with("$2$") {
        Some("an old bcrypt variant ($2$)")
    } else if !h.starts_with('$') && h.len() == 13 {
        Some("traditional DES crypt")
    } else if h.starts_with('_') && h.len() == 20 {
        Some("BSDi extended DES")
    } else {
        None
    }
}

impl Rule for WeakPasswordHash {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for u in &facts.host.users {
            if let Some(Located { value: h, span, .. }) = &u.password_hash {
                if let Some(scheme) = weak_scheme(h) {
                    cx.report(*span, format!("user {}'s password hash is {scheme}: it is cracked in minutes from the config", u.name));
                }
            }
        }
    }
}
