//! What a distribution's own config file says beyond component flags (those become
//! `ComponentConfig`s): k3s/RKE2 `config.yaml` keys, kind `Cluster` fields. Rules that have no
//! component flag to read (a world-readable admin kubeconfig, a literal join token, kind's API
//! address) read these.

use super::{Located, Place, RelatedPlace};
use crate::source::Span;

/// One distribution config file (or document).
#[derive(Clone, Debug)]
pub struct DistroConfig {
    /// The distribution's name as users write it: `k3s`, `RKE2`, `kind`.
    pub distro: &'static str,
    /// Where findings about the file as a whole go (its first key, or `kind`).
    pub anchor: Span,
    /// Whether an absent key means the distribution's default: the file is the main config of
    /// its set and no other file of the set sets the key (see `elsewhere`).
    pub main: bool,
    /// Whether the file configures a server (control plane), from server-only keys.
    pub server: bool,
    /// The file is SOPS-encrypted (a top-level `sops:` key): its values are ciphertext.
    pub sops: bool,
    /// Effective settings written in this file, under the user's own key (`token`,
    /// `networking.apiServerAddress`); a list gives one entry per item. Values a later file of
    /// the same set overrides are left out.
    pub fields: Vec<(String, Located<String>)>,
    /// Keys other files of the same set set (drop-ins): an absence here says nothing about them.
    pub elsewhere: Vec<String>,
    /// Keys of this file that replace a value an earlier file of the set sets: where.
    pub replaces: Vec<(String, Place)>,
}

impl DistroConfig {
    /// The entries of one key.
    pub fn all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a Located<String>> + 'a {
        self.fields
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v)
    }

    /// The last entry of a key (scalar keys: the last one wins).
    pub fn get(&self, key: &str) -> Option<&Located<String>> {
        self.fields
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }

    /// Related locations for a finding about `key`: the earlier files whose value it replaces.
    pub fn related(&self, key: &str) -> Vec<RelatedPlace> {
        self.replaces
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, p)| p.related(key))
            .collect()
    }

    /// Whether `key` is absent from the whole set, so that the distribution's default applies.
    pub fn absent_everywhere(&self, key: &str) -> bool {
        self.main && self.get(key).is_none() && !self.elsewhere.iter().any(|k| k == key)
    }
}
