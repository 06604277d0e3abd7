//! kube-harden: a static linter for the infrastructure of Kubernetes clusters.
//!
//! The pipeline: discover → read → parse (span trees) → classify → extract facts → rules →
//! findings → report. [`scan`] runs all of it except reporting.

pub mod baseline;
pub mod cidr;
pub mod classify;
pub mod config;
pub mod configs;
pub mod discover;
pub mod extract;
pub mod facts;
pub mod findings;
pub mod gitindex;
pub mod k8s;
pub mod limits;
pub mod outcome;
pub mod parse;
mod project_stage;
pub mod read;
pub mod report;
pub mod rules;
pub mod settings;
pub mod source;
pub mod suppress;

use config::Config;
use extract::terraform::ModuleCache;
use facts::FileFacts;
use findings::{Diagnostic, Finding, Level};
use rayon::prelude::*;
use source::{Source, SourceFile};

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use configs::rel_to_root;
pub use limits::MAX_FILE_BYTES;
pub use outcome::{Input, Outcome};

/// What every file of one scan shares.
struct ScanCx<'a> {
    config: &'a Config,
    /// Terraform module directories read during this scan (dropped with it).
    modules: ModuleCache,
    /// The fact families the enabled project rules read.
    project_families: Vec<rules::FactFamily>,
    drop_texts: bool,
    /// Real paths of the scan's directories, each resolved once.
    canon: configs::Canon,
    /// The scanned trees: each command-line directory (a file's own directory), real paths.
    trees: Arc<[PathBuf]>,
}

impl<'a> ScanCx<'a> {
    fn new(config: &'a Config, drop_texts: bool, trees: Arc<[PathBuf]>) -> ScanCx<'a> {
        let mut project_families = Vec::new();
        for f in config.enabled.iter().flat_map(|e| e.rule.project_facts()) {
            if !project_families.contains(f) {
                project_families.push(*f);
            }
        }
        ScanCx {
            config,
            modules: ModuleCache::default(),
            project_families,
            drop_texts,
            canon: configs::Canon::default(),
            trees,
        }
    }

    /// The tree a Terraform file's local module sources must stay in: its repository; else
    /// the config's root (the config file's directory, or the working directory) when the
    /// file is inside it; else the scanned directory that holds it (`check ../other-tree`).
    fn terraform_tree(&self, path: &Path) -> PathBuf {
        if let Some(repo) = self.canon.repository_root(path) {
            return repo;
        }
        let root = &self.config.root;
        if self.canon.rel_to(path, root).is_some() {
            return root.clone();
        }
        let abs = self.canon.canonicalize(path);
        self.trees
            .iter()
            .filter(|t| abs.as_ref().is_some_and(|a| a.starts_with(t)))
            .min_by_key(|t| t.components().count())
            .unwrap_or(root)
            .clone()
    }
}

pub fn scan(input: &Input, config: &Config) -> Outcome {
    let mut diagnostics = Vec::new();
    let discover::Discovered {
        candidates,
        ignored: ignored_files,
    } = discover::discover(&input.paths, &mut diagnostics);
    // Each file uses the nearest config above it (`configs.rs`).
    let paths: Vec<&Path> = candidates.iter().map(|c| c.path.as_path()).collect();
    let (nested, which) = configs::resolve(config, &paths);
    let trees: Arc<[PathBuf]> = input
        .paths
        .iter()
        .filter_map(|p| {
            let real = std::fs::canonicalize(p).ok()?;
            Some(match real.is_dir() {
                true => real,
                false => real.parent()?.to_path_buf(),
            })
        })
        .collect();
    let cxs: Vec<ScanCx> = std::iter::once(config)
        .chain(&nested)
        .map(|c| ScanCx::new(c, input.drop_texts, trees.clone()))
        .collect();
    let cx = &cxs[0];
    let cx_of = |i: usize| match which.get(i) {
        Some(configs::Which::Nested(k)) => Ok(&cxs[k + 1]),
        Some(configs::Which::Broken(e)) => Err(e.clone()),
        _ => Ok(cx),
    };
    // Files named on the command line are a partial view for project rules.
    let explicit: Vec<&PathBuf> = input.paths.iter().filter(|p| p.is_file()).collect();
    // Standard input is linted inside the pool too, for the same large stacks.
    let run = || {
        let mut results = candidates
            .par_iter()
            .enumerate()
            .map(|(i, c)| match cx_of(i) {
                Ok(cx) => lint_path(&c.path, cx, !explicit.contains(&&c.path)),
                Err(e) => (
                    Vec::new(),
                    vec![Diagnostic::new(
                        &discover::display_path(&c.path),
                        Level::Error,
                        "config",
                        format!("{e}; not scanned"),
                    )],
                    None,
                ),
            })
            .collect::<Vec<_>>();
        if let Some((name, text)) = &input.stdin {
            results.push(lint_text_full(
                name.clone(),
                text.clone(),
                Path::new(name),
                cx,
                false,
                false,
            ));
        }
        results
    };
    // The serial tail (project stage, fingerprints) runs in the pool too, for its parallel
    // parts.
    let work = || {
        let results = run();
        let mut outcome = Outcome {
            files_scanned: candidates.len() + usize::from(input.stdin.is_some()),
            ignored_files,
            ..Outcome::default()
        };
        let mut project = rules::project::Project::default();
        // Sized once: growing by doubling would hold up to twice the findings at the peak.
        outcome
            .findings
            .reserve_exact(results.iter().map(|r| r.0.len()).sum());
        for (f, d, p) in results {
            outcome.findings.extend(f);
            diagnostics.extend(d);
            project.files.extend(p);
        }
        project
            .files
            .sort_by(|a, b| a.source.path.cmp(&b.source.path));
        // Per-file findings were filtered by their own config's threshold.
        let mut project_findings =
            project_stage::run(&project, config, cx.drop_texts, &mut diagnostics);
        project_findings.retain(|f| f.severity >= config.min_severity);
        outcome.findings.extend(project_findings);
        // The project facts are not needed past this point: freeing their many small pieces
        // takes as long as the sort, so both run side by side (freeing on more threads only
        // contends for the allocator's locks).
        rayon::join(|| drop(project), || findings::sort(&mut outcome.findings));
        // Paths in fingerprints are relative to the root of the config each file uses.
        let roots: HashMap<String, &Path> = candidates
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let root = cx_of(i).ok()?.config.root.as_path();
                Some((discover::display_path(&c.path), root))
            })
            .collect();
        findings::assign_fingerprints(&mut outcome.findings, |shown| {
            match roots.get(shown) {
                Some(root) => cx.canon.rel_to(Path::new(shown), root),
                None => cx.canon.rel_to(Path::new(shown), &config.root),
            }
            .unwrap_or_else(|| shown.to_string())
        });
        diagnostics
            .sort_by(|a, b| (&a.path, a.region, &a.message).cmp(&(&b.path, b.region, &b.message)));
        diagnostics
            .dedup_by(|a, b| a.path == b.path && a.region == b.region && a.message == b.message);
        configs::allow_unscanned(&mut diagnostics, config);
        outcome.diagnostics = diagnostics;
        outcome.policy = configs::policy_notes(&outcome.diagnostics, config, &nested);
        outcome
    };
    match rayon::ThreadPoolBuilder::new()
        .num_threads(input.threads.unwrap_or(0))
        .stack_size(32 * 1024 * 1024)
        .build()
    {
        Ok(pool) => pool.install(work),
        Err(_) => work(),
    }
}

/// Reads one file and lints it; never panics, whatever the file holds.
fn lint_path(path: &Path, cx: &ScanCx, complete: bool) -> Linted {
    let shown = discover::display_path(path);
    let skip = |level, code, msg: String| {
        (
            Vec::new(),
            vec![Diagnostic::new(&shown, level, code, msg)],
            None,
        )
    };
    // Every problem below leaves the file unscanned: an error, which fails the run unless the
    // user allowed it (`--allow-unscanned`).
    let bytes = match read::read_bounded(path, MAX_FILE_BYTES) {
        Ok(b) => b,
        Err(e @ (read::ReadError::TooLarge { .. } | read::ReadError::NotRegular(_))) => {
            return skip(Level::Error, "skipped", format!("{e}; not scanned"))
        }
        Err(e) => return skip(Level::Error, "io-error", format!("cannot read file: {e}")),
    };
    if memchr::memchr(0, &bytes).is_some() {
        return skip(
            Level::Error,
            "skipped",
            "binary file (contains NUL bytes); not scanned".into(),
        );
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            return skip(
                Level::Error,
                "skipped",
                format!(
                    "not valid UTF-8 (at byte {}); not scanned",
                    e.utf8_error().valid_up_to()
                ),
            )
        }
    };
    lint_text_full(shown, text, path, cx, complete, true)
}

/// Findings, diagnostics and the project-level facts of one file.
type Linted = (
    Vec<Finding>,
    Vec<Diagnostic>,
    Option<Box<rules::project::ProjectFile>>,
);

/// Lints text already in memory (a file or standard input).
pub fn lint_text(
    shown: String,
    text: String,
    path: &Path,
    config: &Config,
) -> (Vec<Finding>, Vec<Diagnostic>) {
    let (f, d, _) = lint_text_full(
        shown,
        text,
        path,
        &ScanCx::new(config, false, Arc::from([])),
        false,
        false,
    );
    (f, d)
}

/// `on_disk`: `path` is where `text` was read (not stdin), so it can be read again.
fn lint_text_full(
    shown: String,
    text: String,
    path: &Path,
    cx: &ScanCx,
    complete: bool,
    on_disk: bool,
) -> Linted {
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    let file: Source = Arc::new(SourceFile::new(shown.clone(), text));
    let rel = cx.canon.rel_to(path, &cx.config.root);
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let ((f, mut d, facts), refused) =
            extract::inflate::scoped(|| lint_source(&file, rel.as_deref(), path, cx));
        if refused {
            d.push(Diagnostic::new(&file.path, Level::Error, "budget", format!("decoded contents (data: URLs, gzip) over the limit ({} bytes per entry, {} per file) were not read; not fully scanned", limits::MAX_DECOMPRESSED_BYTES, extract::inflate::MAX_DECODED_PER_FILE)));
        }
        (f, d, facts)
    }));
    match result {
        Ok((mut f, mut d, facts)) => {
            // The file's own config: its threshold and what it allows to stay unscanned.
            f.retain(|x| x.severity >= cx.config.min_severity);
            configs::allow_unscanned(&mut d, cx.config);
            if cx.drop_texts {
                findings::drop_texts(&mut f, &file);
            }
            let mut p = rules::ProjectFile::keep(
                file.clone(),
                rel,
                complete,
                facts,
                &cx.project_families,
            );
            // Reports without snippets keep no text: the project stage reads back only the
            // files its rules report on (`project_stage.rs`).
            if let Some(p) = p.as_mut().filter(|_| cx.drop_texts && on_disk) {
                p.origin = Some(source::TextOrigin::of(path, &file.text));
                p.source = Arc::new(file.without_text());
            }
            (f, d, p)
        }
        Err(_) => (
            Vec::new(),
            vec![Diagnostic::new(
                &shown,
                Level::Error,
                "internal-error",
                "kube-harden failed on this file (a bug: please report it); other files were scanned",
            )],
            None,
        ),
    }
}

fn lint_source(
    file: &Source,
    rel: Option<&str>,
    path: &Path,
    cx: &ScanCx,
) -> (Vec<Finding>, Vec<Diagnostic>, FileFacts) {
    let config = cx.config;
    let mut diags = Vec::new();
    let mut facts = FileFacts::default();
    let mut merges = Vec::new();
    let text = file.text.as_str();
    let parse_failed = |e: parse::ParseError, diags: &mut Vec<Diagnostic>| {
        let mut message = e.message;
        if text.contains("{{") {
            message.push_str("; this looks like a Helm or Go template: render it first (`helm template … | kube-harden check - --stdin-filename chart.yaml`)");
        }
        let d = Diagnostic::new(&file.path, Level::Error, "parse-error", message);
        diags.push(match e.span {
            Some(s) => d.at(file, s),
            None => d,
        });
    };
    // A MicroK8s args file (`args/kube-apiserver`): one flag per line, no extension. One that
    // does not read as flags is left alone (it is no YAML either).
    let args_file = extract::distro::microk8s::component_of(path)
        .inspect(|c| {
            extract::distro::microk8s::extract(*c, text, &mut facts);
        })
        .is_some();
    match discover::format_of(path, text) {
        _ if args_file => {}
        discover::Format::Yaml => {
            // Butane templates: whole-line `%{ if … }` directives become blank lines.
            let masked = parse::template::mask_template_directives(text);
            let text = masked.as_deref().unwrap_or(text);
            let (docs, err) = parse::yaml::parse(text);
            // k3s/RKE2 configs and kubespray inventories are known by their path.
            extract::distro::yaml_file(path, &docs, text, &mut facts);
            if extract::kustomize::is_patch(path) {
                extract::kustomize::partial(&mut facts);
            }
            for doc in &docs {
                merges.extend_from_slice(&doc.merges);
            }
            if let Some(e) = err {
                parse_failed(e, &mut diags);
            }
        }
        discover::Format::Json => match parse::json::parse(text) {
            Ok(Some(doc)) => extract::document(&doc, text, &mut facts),
            Ok(None) => {}
            Err(e) => parse_failed(e, &mut diags),
        },
        discover::Format::Toml => match parse::toml::parse(text) {
            Ok(doc) => extract::toml_document(&doc, &mut facts),
            Err(e) => parse_failed(e, &mut diags),
        },
        discover::Format::Terraform => {
            let var_files = &config.settings.var_files;
            let root = cx.terraform_tree(path);
            match extract::terraform_file(
                &cx.modules,
                text,
                path,
                &file.path,
                var_files,
                &root,
                &mut facts,
            ) {
                Err(e) => parse_failed(e, &mut diags),
                Ok(problems) => diags.extend(problems.into_iter().map(|p| {
                    Diagnostic::new(
                        p.path.as_deref().unwrap_or(&file.path),
                        Level::Error,
                        p.code,
                        p.message,
                    )
                })),
            }
        }
    }
    let mut findings = run_rules(file, &facts, config);
    if findings.len() > limits::MAX_FINDINGS_PER_FILE {
        findings.truncate(limits::MAX_FINDINGS_PER_FILE);
        diags.push(Diagnostic::new(
            &file.path,
            Level::Error,
            "budget",
            format!(
                "more than {} findings in this file: the rest are not reported; not fully scanned",
                limits::MAX_FINDINGS_PER_FILE
            ),
        ));
    }
    parse::merge::name_merge_sites(file, &merges, &mut findings);
    suppress::apply(
        file,
        rel,
        &mut findings,
        &facts.objects,
        config,
        &mut diags,
        suppress::Stage::File,
    );
    (findings, diags, facts)
}

fn run_rules(file: &Source, facts: &FileFacts, config: &Config) -> Vec<Finding> {
    let mut findings = Vec::new();
    for entry in &config.enabled {
        let mut cx = rules::Cx::new(&config.settings);
        entry.rule.check(facts, &mut cx);
        for r in cx.reports {
            findings.push(r.into_finding(entry, config.severity_of(entry), file));
        }
    }
    findings
}
