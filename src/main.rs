//! The command line: parse arguments, run the library, map the outcome to an exit code
//! (0 = nothing at or above --fail-on, 1 = findings, 2 = kube-harden could not do its job: bad
//! arguments, an unreadable config, or a file that could not be fully scanned and was not
//! allowed to stay unscanned).

use clap::{Parser, Subcommand};
use kube_harden::config::{Config, Overrides};
use kube_harden::findings::{Diagnostic, Level};
use kube_harden::read;
use kube_harden::report::{self, Format};
use kube_harden::rules::REGISTRY;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "kube-harden",
    version,
    about = "Lints the files that build a Kubernetes cluster for infrastructure security"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Scan files and directories (default: the current directory). `-` reads standard input.
    Check(Box<CheckArgs>),
    /// List every rule: id, name, practice, severity, title.
    Rules,
    /// Print a rule's page (by id or name).
    Explain { rule: String },
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or directories to scan; `-` for standard input.
    paths: Vec<PathBuf>,
    /// Output format: human, json, sarif or github.
    #[arg(long, default_value = "human")]
    format: String,
    /// Write the report to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Config file (default: the nearest .kube-harden.toml above the first path).
    #[arg(long)]
    config: Option<PathBuf>,
    /// Only these rules (ids, names, practices like C2, or families like N); comma-separated.
    #[arg(long, value_delimiter = ',')]
    select: Option<Vec<String>>,
    /// Skip these rules; comma-separated.
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// Exit 1 only for findings at or above this severity (critical, high, medium, low).
    #[arg(long)]
    fail_on: Option<String>,
    /// Report only findings at or above this severity.
    #[arg(long)]
    min_severity: Option<String>,
    /// The file name to report standard input under (its extension picks the format).
    #[arg(long)]
    stdin_filename: Option<String>,
    /// Worker threads (default: one per core; at most 64).
    #[arg(long)]
    threads: Option<usize>,
    /// Do not fail (exit 2) when a file cannot be fully scanned; it is still reported.
    #[arg(long)]
    allow_unscanned: bool,
    /// Terraform variable file for root modules (like `terraform plan -var-file`); repeatable.
    #[arg(long = "var-file")]
    var_file: Vec<PathBuf>,
    /// Report only findings not recorded in this baseline file.
    #[arg(long)]
    baseline: Option<PathBuf>,
    /// Record the current findings in this baseline file (and report them as usual).
    #[arg(long)]
    write_baseline: Option<PathBuf>,
    /// Colour in human output: auto, always or never.
    #[arg(long, default_value = "auto")]
    color: String,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Rules => {
            let mut out = String::new();
            for r in REGISTRY {
                out.push_str(&format!(
                    "{:<5} {:<36} {:<3} {:<9} {}\n",
                    r.doc.id, r.doc.name, r.doc.practice, r.doc.severity, r.doc.title
                ));
            }
            print(&out)
        }
        Command::Explain { rule } => match kube_harden::rules::find(&rule) {
            Some(r) => print(&format!(
                "{} {} ({}, {} — {})\n\n{}",
                r.doc.id,
                r.doc.name,
                r.doc.severity,
                r.doc.practice,
                r.doc.practice_name(),
                r.doc.body()
            )),
            None => fail(&format!("unknown rule `{rule}` (see `kube-harden rules`)")),
        },
        Command::Check(args) => check(*args),
    }
}

fn print(s: &str) -> ExitCode {
    let _ = std::io::stdout().write_all(s.as_bytes());
    ExitCode::SUCCESS
}

fn fail(msg: &str) -> ExitCode {
    // Messages may quote a config file or a path from the repository: no terminal controls.
    let msg: Vec<_> = msg.split('\n').map(report::clean).collect();
    eprintln!("kube-harden: {}", msg.join("\n"));
    ExitCode::from(2)
}

/// Worker threads are capped: more only costs memory (32 MiB stacks each).
const MAX_THREADS: usize = 64;

fn check(args: CheckArgs) -> ExitCode {
    let Some(format) = Format::parse(&args.format) else {
        return fail(&format!(
            "unknown format `{}` (human, json, sarif, github)",
            args.format
        ));
    };
    let mut paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths
    };
    // Paths named on the command line must exist and be files or directories: a FIFO or a
    // device would block or never end.
    for p in paths.iter().filter(|p| p.as_os_str() != "-") {
        let shown = report::clean(&p.display().to_string()).into_owned();
        match read::check_kind(p) {
            Ok(m) => {
                let readable = if m.is_dir() {
                    std::fs::read_dir(p).map(drop)
                } else {
                    std::fs::File::open(p).map(drop)
                };
                if let Err(e) = readable {
                    return fail(&format!("cannot read {shown}: {e}"));
                }
            }
            Err(read::ReadError::Io(e)) => return fail(&format!("cannot read {shown}: {e}")),
            Err(e) => return fail(&format!("{shown}: {e}; not scanned")),
        }
    }
    let mut stdin = None;
    if paths.iter().any(|p| p.as_os_str() == "-") {
        paths.retain(|p| p.as_os_str() != "-");
        let mut bytes = Vec::new();
        if let Err(e) = std::io::stdin()
            .take(kube_harden::MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
        {
            return fail(&format!("cannot read standard input: {e}"));
        }
        if bytes.len() as u64 > kube_harden::MAX_FILE_BYTES {
            return fail(&format!(
                "standard input is over the {} byte limit",
                kube_harden::MAX_FILE_BYTES
            ));
        }
        let Ok(text) = String::from_utf8(bytes) else {
            return fail("cannot read standard input: stream did not contain valid UTF-8");
        };
        stdin = Some((
            args.stdin_filename
                .clone()
                .unwrap_or_else(|| "stdin.yaml".into()),
            text,
        ));
    }
    let start = paths.first().cloned().unwrap_or_else(|| PathBuf::from("."));
    let overrides = Overrides {
        config: args.config,
        select: args.select,
        ignore: args.ignore,
        fail_on: args.fail_on,
        min_severity: args.min_severity,
        allow_unscanned: args.allow_unscanned,
    };
    let mut config = match Config::load(&start, &overrides) {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    // A missing --var-file is a usage error; one that cannot be read or parsed is a file that
    // could not be scanned (it fails closed, reported after the scan).
    let mut var_file_problems = Vec::new();
    for f in &args.var_file {
        match read::check_kind(f) {
            Ok(m) if m.is_file() => {}
            Ok(_) => return fail(&format!("--var-file {}: not a file", f.display())),
            Err(read::ReadError::Io(_)) => {
                return fail(&format!("--var-file {}: no such file", f.display()))
            }
            Err(e) => return fail(&format!("--var-file {}: {e}", f.display())),
        }
        if let Some(d) = check_var_file(f) {
            var_file_problems.push(d);
        }
    }
    config.settings.var_files = args.var_file.clone();
    let input = kube_harden::Input {
        paths,
        stdin,
        threads: args.threads.map(|n| n.min(MAX_THREADS)),
    };
    let mut outcome = kube_harden::scan(&input, &config);
    for d in var_file_problems {
        outcome.push_diagnostic(d, &config);
    }
    if let Some(p) = &args.write_baseline {
        if let Err(e) = kube_harden::baseline::write(p, &outcome) {
            return fail(&e);
        }
    }
    if let Some(p) = &args.baseline {
        if let Err(e) = kube_harden::baseline::apply(p, &mut outcome) {
            return fail(&e);
        }
    }
    let color = match args.color.as_str() {
        "always" => true,
        "never" => false,
        _ => {
            args.output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let status = if outcome.unscanned().next().is_some() {
        ExitCode::from(2)
    } else if outcome.active().any(|f| f.severity >= config.fail_on) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    let rendered = report::render(format, &outcome, &config, color);
    let written = match &args.output {
        Some(p) => write_atomically(p, rendered.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", p.display())),
        None => match std::io::stdout().write_all(rendered.as_bytes()) {
            // The reader went away (`check | head -1`): not our failure.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return status,
            r => r.map_err(|e| e.to_string()),
        },
    };
    if let Err(e) = written {
        return fail(&e);
    }
    status
}

/// Writes a file through a temporary file in the same directory and a rename, so readers never
/// see half a report and a failed write leaves the old file intact.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
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
    let result = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// A `--var-file` that cannot be read or parsed: a diagnostic that fails the run unless allowed.
fn check_var_file(path: &Path) -> Option<Diagnostic> {
    let shown = kube_harden::discover::display_path(path);
    let problem = match read::read_text(path, read::AUX_LIMIT) {
        Err(e) => format!("cannot read --var-file: {e}"),
        Ok(text) => {
            let json = path.extension().is_some_and(|e| e == "json");
            let parsed = if json {
                kube_harden::parse::json::parse(&text).map(drop)
            } else {
                kube_harden::parse::hcl::parse(&text).map(drop)
            };
            match parsed {
                Ok(()) => return None,
                Err(e) => format!("invalid --var-file: {}", e.message),
            }
        }
    };
    Some(Diagnostic::new(
        &shown,
        Level::Error,
        "parse-error",
        problem,
    ))
}
