//! H112: an authorized SSH key of a weak type (DSA) or too small (RSA below 2048 bits).

use crate::facts::FileFacts;
use crate::facts::Located;
use crate::rules::{Cx, Rule};
use base64::Engine;

pub struct WeakSshKey;
pub static RULE: WeakSshKey = WeakSshKey;

/// Bits of an RSA key's modulus, from the base64 public-key blob (RFC 4253 `ssh-rsa` format).
fn rsa_bits(blob: &str) -> Option<usize> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(blob)
        .ok()?;
    let mut rest = bytes.as_slice();
    let mut field = || -> Option<&[u8]> {
        let len = u32::from_be_bytes(rest.get(..4)?.try_into().ok()?) as usize;
        let f = rest.get(4..4 + len)?;
        rest = &rest[4 + len..];
        Some(f)
    };
    if field()? != b"ssh-rsa" {
        return None;
    }
    let _e = field()?;
    let n = field()?;
    let n = match n.iter().position(|b| *b != 0) {
        Some(i) => &n[i..],
        None => return Some(0),
    };
    Some(n.len() * 8 - n[0].leading_zeros() as usize)
}

impl Rule for WeakSshKey {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for u in &facts.host.users {
            for Located {
                value: key, span, ..
            } in &u.ssh_keys
            {
                // Options (`from="…"`) may precede the key type.
                let words: Vec<&str> = key.split_whitespace().collect();
                let Some(i) = words.iter().position(|w| {
                    w.starts_with("ssh-") || w.starts_with("ecdsa-") || w.starts_with("sk-")
                }) else {
                    continue;
                };
                match words[i] {
                    "ssh-dss" => cx.report(*span, format!("user {} authorizes an ssh-dss (DSA) key: DSA is limited to 1024 bits and removed from OpenSSH", u.name)),
                    "ssh-rsa" => {
                        if let Some(bits) = words.get(i + 1).and_then(|b| rsa_bits(b)).filter(|b| *b < 2048) {
                            cx.report(*span, format!("user {} authorizes a {bits}-bit RSA key: below the 2048-bit minimum", u.name));
                        }
                    }
                    _ => {}
                }
            }
        }
    }
}
