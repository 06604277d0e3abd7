//! Which files git tracks, read from the index file itself (never by running git): ignore rules
//! (`.gitignore`, `.ignore`) must not hide a tracked file from the scan.
//!
//! Supports index versions 2, 3 and 4 (prefix-compressed paths), SHA-1 and SHA-256 object ids,
//! sparse-index directory entries, and work trees whose `.git` is a `gitdir:` file. The index is
//! read through the bounded reader; anything unexpected means "no index" (ignore rules then
//! apply as usual).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The largest index read (git's own index of a very large monorepo stays well below).
const INDEX_LIMIT: u64 = 512 * 1024 * 1024;

/// Paths tracked in one work tree.
#[derive(Debug, Default)]
pub struct Tracked {
    /// The work tree's root (canonical).
    pub root: PathBuf,
    /// `/`-separated paths relative to `root`; sparse directory entries end with `/`.
    pub paths: HashSet<String>,
}

impl Tracked {
    /// Whether `path` (canonical, or at least absolute below `root`) is tracked.
    pub fn contains(&self, path: &Path) -> bool {
        let Ok(rel) = path.strip_prefix(&self.root) else {
            return false;
        };
        let rel = rel.to_string_lossy().replace('\\', "/");
        if self.paths.contains(&rel) {
            return true;
        }
        // Inside a sparse directory entry.
        let mut at = rel.as_str();
        while let Some(i) = at.rfind('/') {
            at = &at[..i];
            if self.paths.contains(&format!("{at}/")) {
                return true;
            }
        }
        false
    }
}

/// The tracked paths of the work tree containing `dir` (canonical), if it is one.
pub fn tracked_around(dir: &Path) -> Option<Tracked> {
    let mut at = Some(dir);
    while let Some(d) = at {
        let dot_git = d.join(".git");
        if let Ok(m) = std::fs::symlink_metadata(&dot_git) {
            let git_dir = if m.is_dir() {
                dot_git
            } else if m.is_file() {
                let text = crate::read::read_text(&dot_git, 64 * 1024).ok()?;
                let target = text.strip_prefix("gitdir:")?.trim();
                d.join(target)
            } else {
                return None;
            };
            let bytes = crate::read::read_bounded(&git_dir.join("index"), INDEX_LIMIT).ok()?;
            let paths = parse(&bytes)?;
            return Some(Tracked {
                root: d.to_path_buf(),
                paths,
            });
        }
        at = d.parent();
    }
    None
}

/// Parses an index file into its paths; `None` if it is not a (supported) index.
pub fn parse(bytes: &[u8]) -> Option<HashSet<String>> {
    parse_with(bytes, 20).or_else(|| parse_with(bytes, 32))
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at.checked_add(4)?)?;
    Some(u32::from_be_bytes([s[0], s[1], s[2], s[3]]))
}

fn parse_with(b: &[u8], hash_len: usize) -> Option<HashSet<String>> {
    if b.get(0..4)? != b"DIRC" {
        return None;
    }
    let version = be32(b, 4)?;
    if !(2..=4).contains(&version) {
        return None;
    }
    let count = be32(b, 8)? as usize;
    // Every entry takes at least 40 + hash + 2 bytes: a count the file cannot hold is bogus.
    if count > b.len() / (42 + hash_len) {
        return None;
    }
    let mut paths = HashSet::with_capacity(count);
    let mut pos = 12usize;
    let mut prev: Vec<u8> = Vec::new();
    for _ in 0..count {
        let start = pos;
        let flags_at = start + 40 + hash_len;
        let flags = u16::from_be_bytes([*b.get(flags_at)?, *b.get(flags_at + 1)?]);
        pos = flags_at + 2;
        if version >= 3 && flags & 0x4000 != 0 {
            pos += 2; // extended flags
        }
        let path = if version == 4 {
            // Strip N bytes from the previous path, then a NUL-terminated suffix.
            let mut n: usize = 0;
            let mut first = true;
            loop {
                let c = *b.get(pos)?;
                pos += 1;
                if !first {
                    n = n.checked_add(1)?;
                }
                first = false;
                n = n.checked_mul(128)? | usize::from(c & 0x7f);
                if c & 0x80 == 0 {
                    break;
                }
            }
            let keep = prev.len().checked_sub(n)?;
            let end = pos + memchr::memchr(0, b.get(pos..)?)?;
            let mut p = prev[..keep].to_vec();
            p.extend_from_slice(&b[pos..end]);
            pos = end + 1;
            p
        } else {
            let end = pos + memchr::memchr(0, b.get(pos..)?)?;
            let p = b[pos..end].to_vec();
            // Entries are padded with 1–8 NULs to a multiple of 8 bytes.
            let len = end - start;
            pos = start + (len + 8) / 8 * 8;
            p
        };
        // Mode 040000: a sparse-index directory entry.
        let mode = be32(b, start + 24)?;
        let mut s = String::from_utf8(path.clone()).ok()?;
        if mode & 0o170000 == 0o040000 && !s.ends_with('/') {
            s.push('/');
        }
        paths.insert(s);
        prev = path;
    }
    Some(paths)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str, hash_len: usize) -> Vec<u8> {
        let mut e = vec![0u8; 40 + hash_len];
        e[24..28].copy_from_slice(&0o100644u32.to_be_bytes());
        e.extend_from_slice(&(path.len() as u16).to_be_bytes());
        e.extend_from_slice(path.as_bytes());
        let pad = 8 - (e.len() % 8);
        e.extend(std::iter::repeat_n(0u8, pad));
        e
    }

    #[test]
    fn version_2() {
        let mut b = b"DIRC".to_vec();
        b.extend_from_slice(&2u32.to_be_bytes());
        b.extend_from_slice(&2u32.to_be_bytes());
        b.extend(entry("a.yaml", 20));
        b.extend(entry("dir/ignored.yaml", 20));
        b.extend_from_slice(&[0u8; 20]);
        let p = parse(&b).unwrap();
        assert!(p.contains("a.yaml") && p.contains("dir/ignored.yaml"));
    }

    #[test]
    fn version_4_prefix_compression() {
        let mut b = b"DIRC".to_vec();
        b.extend_from_slice(&4u32.to_be_bytes());
        b.extend_from_slice(&2u32.to_be_bytes());
        for (strip, suffix) in [(0u8, "dir/a.yaml"), (6u8, "b.yaml")] {
            let mut e = vec![0u8; 60];
            e[24..28].copy_from_slice(&0o100644u32.to_be_bytes());
            e.extend_from_slice(&0u16.to_be_bytes());
            e.push(strip);
            e.extend_from_slice(suffix.as_bytes());
            e.push(0);
            b.extend(e);
        }
        let p = parse(&b).unwrap();
        assert!(
            p.contains("dir/a.yaml") && p.contains("dir/b.yaml"),
            "{p:?}"
        );
    }

    #[test]
    fn garbage_is_no_index() {
        assert!(parse(b"DIRC\0\0\0\x02\xff\xff\xff\xff").is_none());
        assert!(parse(b"not an index").is_none());
        let t = Tracked {
            root: PathBuf::from("/r"),
            paths: ["sparse/".to_string()].into_iter().collect(),
        };
        assert!(t.contains(Path::new("/r/sparse/x/y.yaml")));
        assert!(!t.contains(Path::new("/r/other.yaml")));
    }
}
