//! Where reports go: `--output-format FORMAT[=PATH]` values and atomic file writes.

use kube_harden::report::Format;
use std::io::Write;
use std::path::{Path, PathBuf};

/// `FORMAT[=PATH]` of `--output-format`.
pub fn output_format(s: &str) -> Result<(Format, Option<PathBuf>), String> {
    let (name, path) = match s.split_once('=') {
        Some((n, p)) if !p.is_empty() => (n, Some(PathBuf::from(p))),
        Some(_) => return Err("missing path after `=`".into()),
        None => (s, None),
    };
    match Format::parse(name) {
        Some(f) => Ok((f, path)),
        None => {
            let names: Vec<&str> = <Format as clap::ValueEnum>::value_variants()
                .iter()
                .map(|f| f.name())
                .collect();
            let near = names
                .iter()
                .min_by_key(|n| edit_distance(n, name))
                .filter(|n| edit_distance(n, name) <= 2)
                .map(|n| format!(" (did you mean `{n}`?)"))
                .unwrap_or_default();
            Err(format!(
                "unknown format `{name}`{near}; possible values: {}",
                names.join(", ")
            ))
        }
    }
}

/// Levenshtein distance, for "did you mean".
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// Writes a report to standard output through a buffer.
pub fn write_stdout(
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    write(&mut out)?;
    out.flush()
}

/// Writes a file through a temporary file in the same directory and a rename, so readers never
/// see half a report and a failed write leaves the old file intact. A rename replaces whatever
/// the name points at, so an existing non-regular file (`/dev/null`, a FIFO) is written to in
/// place, and a symlink is followed: the report replaces the file it points to, not the link.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let resolved;
    let path = match std::fs::metadata(path) {
        Ok(m) if !m.is_file() && !m.is_dir() => {
            let mut out =
                std::io::BufWriter::new(std::fs::OpenOptions::new().write(true).open(path)?);
            write(&mut out)?;
            return out.flush();
        }
        Ok(_) if std::fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink()) => {
            resolved = std::fs::canonicalize(path)?;
            resolved.as_path()
        }
        _ => path,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::other("not a file name"))?;
    let mut tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let mut n = 0;
    let mut file = loop {
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(f) => break f,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 100 => {
                n += 1;
                tmp = dir.join(format!(
                    ".{}.{}.{n}.tmp",
                    name.to_string_lossy(),
                    std::process::id()
                ));
            }
            Err(e) => return Err(e),
        }
    };
    let result = (|| {
        let mut buffered = std::io::BufWriter::with_capacity(1 << 16, &mut file);
        write(&mut buffered)?;
        buffered.flush()?;
        drop(buffered);
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::write_atomically;

    /// `-o /dev/null` once replaced the device with a regular file (as root). A FIFO stands in
    /// for the device here, so a regression cannot damage the machine running the test.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_fifo_or_device_is_written_in_place_never_replaced() {
        use std::io::Read;
        use std::os::unix::fs::OpenOptionsExt;
        const O_NONBLOCK: i32 = 0o4000;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo here
        }
        // A reader opened first (without blocking) lets the writer open the FIFO at once.
        let mut reader = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(O_NONBLOCK)
            .open(&fifo)
            .unwrap();
        write_atomically(&fifo, |w| w.write_all(b"report")).unwrap();
        assert!(
            !std::fs::metadata(&fifo).unwrap().is_file(),
            "the FIFO was replaced by a file"
        );
        let mut got = String::new();
        reader.read_to_string(&mut got).unwrap();
        assert_eq!(got, "report");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_is_followed_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report.sarif");
        let link = dir.path().join("latest.sarif");
        std::fs::write(&target, "old").unwrap();
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_atomically(&link, |w| w.write_all(b"new")).unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
    }

    #[test]
    fn a_new_file_is_created() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        write_atomically(&path, |w| w.write_all(b"{}")).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "{}");
    }
}
