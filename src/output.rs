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
/// see half a report and a failed write leaves the old file intact.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
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
