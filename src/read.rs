//! The one bounded reader for every file kube-harden opens: scanned files, the config file,
//! baselines, `--var-file`s (and, in a later change, tfvars and `modules.json` read by the
//! Terraform extractor).
//!
//! A file is opened once. Only regular files are read: FIFOs, sockets and devices are rejected
//! before opening (opening a FIFO would block) and again through the opened handle's metadata
//! (the path may have been swapped in between); a "regular" file that reports size 0 but yields
//! bytes (procfs, sysfs) is rejected too. At most `limit + 1` bytes are ever read, whatever the
//! file claims about its size.

use std::fmt;
use std::io::Read;
use std::path::Path;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// Larger than the limit (`size` is the reported size, or `limit + 1` when the file grew or
    /// lied about its size).
    TooLarge {
        size: u64,
        limit: u64,
    },
    /// Not a regular file: a FIFO, socket, device, directory or pseudo file.
    NotRegular(&'static str),
    Io(std::io::Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::TooLarge { size, limit } => {
                write!(f, "file is {size} bytes, over the {limit} byte limit")
            }
            ReadError::NotRegular(kind) => write!(f, "not a regular file ({kind})"),
            ReadError::Io(e) => write!(f, "{e}"),
        }
    }
}

fn kind_of(t: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    if t.is_dir() {
        "a directory"
    } else if t.is_file() {
        "a regular file"
    } else {
        "a special file"
    }
}

/// Checks (without opening it) that `path` names a regular file or a directory: FIFOs, sockets
/// and devices are described as an error.
pub fn check_kind(path: &Path) -> Result<std::fs::Metadata, ReadError> {
    let m = std::fs::metadata(path).map_err(ReadError::Io)?;
    if m.is_file() || m.is_dir() {
        Ok(m)
    } else {
        Err(ReadError::NotRegular(kind_of(m.file_type())))
    }
}

/// Reads a regular file of at most `limit` bytes.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let before = std::fs::metadata(path).map_err(ReadError::Io)?;
    if !before.is_file() {
        return Err(ReadError::NotRegular(kind_of(before.file_type())));
    }
    if before.len() > limit {
        return Err(ReadError::TooLarge {
            size: before.len(),
            limit,
        });
    }
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind_of(meta.file_type())));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if (meta.dev(), meta.ino()) != (before.dev(), before.ino()) {
            return Err(ReadError::Io(std::io::Error::other(
                "the file changed while it was opened",
            )));
        }
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    if meta.len() == 0 && !bytes.is_empty() {
        return Err(ReadError::NotRegular(
            "a pseudo file that reports size 0 but has content, e.g. under /proc",
        ));
    }
    Ok(bytes)
}

/// [`read_bounded`], then UTF-8 (a leading BOM is kept; callers strip it if they care).
pub fn read_text(path: &Path, limit: u64) -> Result<String, String> {
    let bytes = read_bounded(path, limit).map_err(|e| e.to_string())?;
    String::from_utf8(bytes)
        .map_err(|e| format!("not valid UTF-8 (at byte {})", e.utf8_error().valid_up_to()))
}

/// Limit for small auxiliary files: the config file, `--var-file`s, tfvars, `modules.json`.
pub const AUX_LIMIT: u64 = 4 * 1024 * 1024;

/// Limit for baselines (one short entry per finding).
pub const BASELINE_LIMIT: u64 = 64 * 1024 * 1024;

/// Whether `path`'s real location is inside `root` (both canonicalised). A path that cannot be
/// resolved is not inside.
pub fn resolves_inside(path: &Path, root: &Path) -> bool {
    match (std::fs::canonicalize(path), std::fs::canonicalize(root)) {
        (Ok(p), Ok(r)) => p.starts_with(r),
        _ => false,
    }
}

/// Reads a scanned file again as the scan first read it (bounded, UTF-8, without a BOM) and
/// returns it only if its text is unchanged: findings must point into the text that was judged.
pub fn reread(
    origin: &crate::source::TextOrigin,
    shown: &str,
    limit: u64,
) -> Result<crate::source::SourceFile, String> {
    let bytes = read_bounded(&origin.path, limit).map_err(|e| e.to_string())?;
    let text = String::from_utf8(bytes).map_err(|_| "no longer valid UTF-8".to_string())?;
    let text = match text.strip_prefix('\u{feff}') {
        Some(t) => t.to_string(),
        None => text,
    };
    if !origin.matches(&text) {
        return Err("it changed while it was scanned".into());
    }
    Ok(crate::source::SourceFile::new(shown.to_string(), text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_and_kinds() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        std::fs::write(&p, b"12345").unwrap();
        assert_eq!(read_bounded(&p, 5).unwrap(), b"12345");
        assert!(matches!(
            read_bounded(&p, 4),
            Err(ReadError::TooLarge { size: 5, limit: 4 })
        ));
        assert!(matches!(
            read_bounded(dir.path(), 10),
            Err(ReadError::NotRegular("a directory"))
        ));
        #[cfg(target_os = "linux")]
        {
            assert!(matches!(
                read_bounded(Path::new("/dev/zero"), 10),
                Err(ReadError::NotRegular("a device"))
            ));
            assert!(matches!(
                read_bounded(Path::new("/proc/self/status"), 1 << 20),
                Err(ReadError::NotRegular(_))
            ));
        }
    }
}
