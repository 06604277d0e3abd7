//! The command line: parse arguments, run the library, map the outcome to an exit code
//! (0 = nothing at or above --fail-on, 1 = findings, 2 = kube-harden could not do its job).

use clap::{Parser, Subcommand};
use kube_harden::config::{Config, Overrides};
use kube_harden::report::{self, Format};
use kube_harden::rules::REGISTRY;
use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
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
    /// Worker threads (default: one per core).
    #[arg(long)]
    threads: Option<usize>,
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
    eprintln!("kube-harden: {msg}");
    ExitCode::from(2)
}

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
    let mut stdin = None;
    if paths.iter().any(|p| p.as_os_str() == "-") {
        paths.retain(|p| p.as_os_str() != "-");
        let mut text = String::new();
        if let Err(e) = std::io::stdin().read_to_string(&mut text) {
            return fail(&format!("cannot read standard input: {e}"));
        }
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
    };
    let mut config = match Config::load(&start, &overrides) {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    for f in &args.var_file {
        if !f.is_file() {
            return fail(&format!("--var-file {}: no such file", f.display()));
        }
    }
    config.settings.var_files = args.var_file.clone();
    let input = kube_harden::Input {
        paths,
        stdin,
        threads: args.threads,
    };
    let mut outcome = kube_harden::scan(&input, &config);
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
    let rendered = report::render(format, &outcome, &config, color);
    let written = match &args.output {
        Some(p) => std::fs::write(p, rendered.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", p.display())),
        None => std::io::stdout()
            .write_all(rendered.as_bytes())
            .map_err(|e| e.to_string()),
    };
    if let Err(e) = written {
        return fail(&e);
    }
    if outcome.active().any(|f| f.severity >= config.fail_on) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
