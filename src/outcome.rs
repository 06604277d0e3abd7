//! What a scan takes (`Input`) and what it gives the reporters (`Outcome`).

use crate::config::Config;
use crate::findings::{Diagnostic, Finding, Level};
use std::path::PathBuf;

/// What to scan.
#[derive(Debug, Default, Clone)]
pub struct Input {
    pub paths: Vec<PathBuf>,
    /// Text read from standard input, with the name it should be reported under.
    pub stdin: Option<(String, String)>,
    /// Worker threads; `None` lets rayon decide.
    pub threads: Option<usize>,
    /// Findings drop their files' texts once positions are computed (reports without snippets,
    /// `report::Format::needs_text`); files with project-level facts keep theirs.
    pub drop_texts: bool,
}

/// Everything a scan found, sorted, ready for a reporter.
#[derive(Debug, Default)]
pub struct Outcome {
    pub findings: Vec<Finding>,
    pub diagnostics: Vec<Diagnostic>,
    pub files_scanned: usize,
    /// Files (with a scanned extension) that ignore rules kept out of the scan.
    pub ignored_files: usize,
    /// What configuration relaxed (`Config::policy`) and suppressions without a reason, in
    /// words: every format shows it with its summary.
    pub policy: Vec<String>,
}

impl Outcome {
    /// Findings that are not suppressed and at or above the reporting threshold.
    pub fn active(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.suppression.is_none())
    }

    /// Files that were not fully scanned (too large, binary, invalid UTF-8, too deep, a parse,
    /// walk or read error, a crash) and that the user did not allow to be: error-level
    /// diagnostics. Any of them fails the run (exit code 2).
    pub fn unscanned(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.level == Level::Error)
    }

    /// Adds a diagnostic found outside [`crate::scan`] (a malformed `--var-file`), keeping the order
    /// `scan` produces and the user's `allow-unscanned` choices.
    pub fn push_diagnostic(&mut self, mut d: Diagnostic, config: &Config) {
        crate::configs::allow_unscanned(std::slice::from_mut(&mut d), config);
        let key = |d: &Diagnostic| (d.path.clone(), d.region, d.message.clone());
        let at = self.diagnostics.partition_point(|x| key(x) <= key(&d));
        self.diagnostics.insert(at, d);
    }
}
