//! The command line: parse arguments, run the library, map the outcome to an exit code
//! (0 = nothing at or above --fail-on, 1 = findings, 2 = kube-harden could not do its job: bad
//! arguments, an unreadable config, or a file that could not be fully scanned and was not
//! allowed to stay unscanned).

mod listing;
mod output;
mod server;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use kube_harden::config::{Config, Overrides};
use kube_harden::findings::{Diagnostic, Level};
use kube_harden::read;
use kube_harden::report::{self, Format};
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
    #[command(after_help = EXIT_CODES)]
    Check(Box<CheckArgs>),
    /// List the rules: id, name, practice, severity, title.
    Rules(RulesArgs),
    /// Print shell completions (bash, zsh, fish, elvish, powershell) to standard output.
    Completions { shell: clap_complete::Shell },
    /// Print the man page (roff) to standard output.
    Man,
    /// Write a commented `.kube-harden.toml` with the defaults into the current directory.
    Init {
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Print a rule's page (by id or name).
    Explain { rule: String },
    /// Run as a Language Server over stdio (diagnostics on open and change), for editors.
    Server,
}

const EXIT_CODES: &str = "Exit codes:
  0  no finding at or above --fail-on (or --exit-zero), every file fully scanned
  1  findings at or above --fail-on
  2  kube-harden could not do its job: bad arguments or config, a missing path, or a file that
     could not be fully scanned and was not allowed to stay so (--allow-unscanned)";

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

#[derive(clap::Args)]
struct RulesArgs {
    /// Only these rules (ids, names, practices like C2, or families like N); comma-separated.
    #[arg(long, value_delimiter = ',')]
    select: Option<Vec<String>>,
    /// `text` (a table) or `json` (every field of each rule's page front matter).
    #[arg(long, value_enum, default_value = "text")]
    format: RulesFormat,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum RulesFormat {
    Text,
    Json,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or directories to scan; `-` for standard input.
    paths: Vec<PathBuf>,
    /// Output format [default: human].
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Write the report to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// One more report from the same scan: FORMAT=PATH, or FORMAT for standard output
    /// (repeatable), e.g. `--output-format sarif=out.sarif --output-format github`.
    #[arg(long = "output-format", value_name = "FORMAT[=PATH]", value_parser = output::output_format)]
    output_format: Vec<(Format, Option<PathBuf>)>,
    /// Print the number of findings per rule instead of the findings (human, concise: a table;
    /// json: a list).
    #[arg(long)]
    statistics: bool,
    /// Exit 0 even with findings (files that could not be fully scanned still exit 2).
    #[arg(long)]
    exit_zero: bool,
    /// The code scanning category written into SARIF (`automationDetails.id`), so that several
    /// scans of one repository keep their own alerts.
    #[arg(long, default_value = "kube-harden")]
    sarif_category: String,
    /// Config file (default: the nearest .kube-harden.toml above the first path).
    #[arg(long)]
    config: Option<PathBuf>,
    /// Only these rules (ids, names, practices like C2, or families like N); comma-separated.
    #[arg(long, value_delimiter = ',')]
    select: Option<Vec<String>>,
    /// Skip these rules; comma-separated.
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// Exit 1 only for findings at or above this severity; `never` is --exit-zero.
    #[arg(long, value_parser = ["critical", "high", "medium", "low", "never"])]
    fail_on: Option<String>,
    /// Report only findings at or above this severity.
    #[arg(long, value_parser = ["critical", "high", "medium", "low"])]
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
    /// Print the effective configuration (which file, rules, thresholds, settings) and exit.
    #[arg(long)]
    show_settings: bool,
    /// Colour in human output.
    #[arg(long, value_enum, default_value = "auto")]
    color: Color,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Rules(args) => print_or_fail(listing::rules(
            args.select.as_deref(),
            args.format == RulesFormat::Json,
        )),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "kube-harden", &mut out);
            print(&String::from_utf8_lossy(&out))
        }
        Command::Man => {
            let mut out = Vec::new();
            if let Err(e) = clap_mangen::Man::new(Cli::command()).render(&mut out) {
                return fail(&e.to_string());
            }
            print(&String::from_utf8_lossy(&out))
        }
        Command::Init { force } => init(force),
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
        Command::Server => match server::run() {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&format!("language server: {e}")),
        },
    }
}

/// The config `init` writes: every key with its default, commented, so it loads as is.
const INIT_CONFIG: &str = include_str!("init.toml");

fn init(force: bool) -> ExitCode {
    let path = Path::new(".kube-harden.toml");
    if path.exists() && !force {
        return fail(".kube-harden.toml exists; use --force to overwrite it");
    }
    if let Err(e) = output::write_atomically(path, |w| w.write_all(INIT_CONFIG.as_bytes())) {
        return fail(&format!("cannot write .kube-harden.toml: {e}"));
    }
    eprintln!("kube-harden: wrote .kube-harden.toml");
    ExitCode::SUCCESS
}

fn print_or_fail(r: Result<String, String>) -> ExitCode {
    match r {
        Ok(s) => print(&s),
        Err(e) => fail(&e),
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
    // The reports to write: --format/--output, then every --output-format.
    let mut outputs = Vec::new();
    if args.format.is_some() || args.output.is_some() || args.output_format.is_empty() {
        outputs.push((args.format.unwrap_or(Format::Human), args.output.clone()));
    }
    outputs.extend(args.output_format.iter().cloned());
    if outputs.iter().filter(|(_, p)| p.is_none()).count() > 1 {
        return fail(
            "only one report can go to standard output; give the others a path (FORMAT=PATH)",
        );
    }
    if args.statistics && !matches!(outputs[0].0, Format::Human | Format::Concise | Format::Json) {
        return fail("--statistics works with --format human, concise or json");
    }
    let exit_zero = args.exit_zero || args.fail_on.as_deref() == Some("never");
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
        fail_on: args.fail_on.filter(|f| f != "never"),
        min_severity: args.min_severity,
        allow_unscanned: args.allow_unscanned,
    };
    let mut config = match Config::load(&start, &overrides) {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    if args.show_settings {
        return print(&listing::show_settings(&config));
    }
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
        drop_texts: !outputs.iter().any(|(f, _)| f.needs_text()),
    };
    let mut outcome = kube_harden::scan(&input, &config);
    for d in var_file_problems {
        outcome.push_diagnostic(d, &config);
    }
    if let Some(p) = &args.write_baseline {
        let rel = |shown: &str| kube_harden::rel_to_root(shown, &config);
        if let Err(e) = kube_harden::baseline::write(p, &outcome, rel) {
            return fail(&e);
        }
    }
    if let Some(p) = &args.baseline {
        match kube_harden::baseline::apply(p, &mut outcome) {
            Ok(hidden) => eprintln!(
                "{}: {hidden} finding{} hidden by the baseline",
                kube_harden::discover::display_path(p),
                if hidden == 1 { "" } else { "s" }
            ),
            Err(e) => return fail(&e),
        }
    }
    let status = if outcome.unscanned().next().is_some() {
        ExitCode::from(2)
    } else if !exit_zero && outcome.active().any(|f| f.severity >= config.fail_on) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    let terminal_color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for (i, (format, path)) in outputs.iter().enumerate() {
        let opts = report::Options {
            color: match args.color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => path.is_none() && terminal_color,
            },
            category: args.sarif_category.clone(),
        };
        let write_report = |out: &mut dyn Write| match (args.statistics && i == 0, format) {
            (true, Format::Json) => {
                out.write_all(report::statistics::render_json(&outcome).as_bytes())
            }
            (true, _) => out.write_all(report::statistics::render(&outcome).as_bytes()),
            (false, _) => report::write(*format, &outcome, &config, &opts, out),
        };
        if *format == Format::Sarif && outcome.findings.len() > report::sarif::GITHUB_RESULT_LIMIT {
            eprintln!(
                "kube-harden: warning: {} SARIF results; GitHub code scanning keeps at most {} per upload (use --min-severity or a baseline for a first scan)",
                outcome.findings.len(),
                report::sarif::GITHUB_RESULT_LIMIT
            );
        }
        let written = match path {
            Some(p) => output::write_atomically(p, write_report)
                .map_err(|e| format!("cannot write {}: {e}", p.display())),
            None => match output::write_stdout(write_report) {
                // The reader went away (`check | head -1`): not our failure.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => continue,
                r => r.map_err(|e| e.to_string()),
            },
        };
        if let Err(e) = written {
            return fail(&e);
        }
    }
    status
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
