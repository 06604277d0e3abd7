//! Findings (a rule's verdict at a place) and diagnostics (what the tool itself has to say
//! about a file it could not read fully).

use crate::source::{Position, Source, Span};
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 4] = [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
    ];

    pub fn parse(s: &str) -> Option<Severity> {
        Some(match s.to_ascii_lowercase().as_str() {
            "low" => Severity::Low,
            "medium" => Severity::Medium,
            "high" => Severity::High,
            "critical" => Severity::Critical,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    /// SARIF `level`.
    pub fn sarif_level(self) -> &'static str {
        match self {
            Severity::Critical | Severity::High => "error",
            Severity::Medium => "warning",
            Severity::Low => "note",
        }
    }

    /// GitHub's `security-severity` (its buckets: >9 critical, 7–8.9 high, 4–6.9 medium).
    pub fn security_severity(self) -> &'static str {
        match self {
            Severity::Critical => "9.5",
            Severity::High => "8.0",
            Severity::Medium => "5.5",
            Severity::Low => "3.0",
        }
    }
}

/// A secondary place that explains a finding (e.g. the variable default that made a CIDR public).
#[derive(Clone, Debug)]
pub struct Related {
    pub file: Source,
    pub span: Span,
    pub message: String,
    /// Start and end of `span` in `file`, computed where the finding is made.
    pub start: Position,
    pub end: Position,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SuppressionKind {
    /// A comment or annotation in the scanned file.
    InSource,
    /// An `[[ignore]]` entry of the config file.
    External,
}

#[derive(Clone, Debug)]
pub struct Suppression {
    pub kind: SuppressionKind,
    pub reason: String,
}

#[derive(Clone, Debug)]
pub struct Finding {
    pub rule_id: &'static str,
    pub rule_name: &'static str,
    pub severity: Severity,
    pub message: String,
    pub file: Source,
    pub span: Span,
    pub related: Vec<Related>,
    pub suppression: Option<Suppression>,
    /// Stable across unrelated edits: rule, path, the flagged text and its occurrence number.
    pub fingerprint: String,
    /// Start and end of `span`, computed once where the finding is made (in the workers).
    pub(crate) start: Position,
    pub(crate) end: Position,
    /// The flagged text with its whitespace collapsed (what fingerprints hash), taken in the
    /// workers so that reports without snippets need not keep the file's text.
    pub(crate) snippet: String,
}

impl Related {
    /// A related place, its positions computed now.
    pub fn at(file: Source, span: Span, message: String) -> Related {
        Related {
            start: file.position(span.start),
            end: file.position(span.end),
            file,
            span,
            message,
        }
    }
}

/// Lets one file's findings drop its text (see [`Finding::drop_texts`]).
pub(crate) fn drop_texts(findings: &mut [Finding], file: &crate::source::SourceFile) {
    if !findings.is_empty() {
        let stub: Source = std::sync::Arc::new(file.without_text());
        findings.iter_mut().for_each(|f| f.drop_texts(&stub));
    }
}

impl Finding {
    /// Replaces the files this finding points into by their paths alone (see
    /// [`SourceFile::without_text`]): positions and fingerprint inputs are already computed.
    pub(crate) fn drop_texts(&mut self, stub: &Source) {
        self.file = stub.clone();
        for r in &mut self.related {
            r.file = if r.file.path == stub.path {
                stub.clone()
            } else {
                std::sync::Arc::new(r.file.without_text())
            };
        }
    }

    pub fn start(&self) -> Position {
        self.start
    }

    pub fn end(&self) -> Position {
        self.end
    }
}

/// Sorts findings by path, start, rule, end and message, as reports show them. Positions grow
/// with offsets, so they are compared as computed by the workers; paths are ranked once, so
/// the sort compares integers and touches strings only on ties.
pub(crate) fn sort(findings: &mut [Finding]) {
    let mut paths: Vec<&str> = findings.iter().map(|f| f.file.path.as_str()).collect();
    paths.sort_unstable();
    paths.dedup();
    let mut keys: Vec<(usize, Position, &'static str, Position, usize)> = findings
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let rank = paths.binary_search(&f.file.path.as_str()).unwrap_or(0);
            (rank, f.start, f.rule_id, f.end, i)
        })
        .collect();
    keys.sort_unstable_by(|a, b| {
        (a.0, a.1, a.2, a.3)
            .cmp(&(b.0, b.1, b.2, b.3))
            .then_with(|| findings[a.4].message.cmp(&findings[b.4].message))
            .then(a.4.cmp(&b.4))
    });
    let mut from: Vec<usize> = keys.into_iter().map(|k| k.4).collect();
    drop(paths);
    permute(findings, &mut from);
}

/// Puts `items[from[i]]` at `i` for every `i`, in place (one swap per move, following each
/// cycle of the permutation), so sorting never holds a second copy of the findings.
fn permute<T>(items: &mut [T], from: &mut [usize]) {
    for start in 0..items.len() {
        let mut at = start;
        while from[at] != at {
            let next = from[at];
            // `at` is done; the item for the start of the cycle travels on to `next`.
            from[at] = at;
            if next == start {
                break;
            }
            items.swap(at, next);
            at = next;
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// A file was not fully scanned (codes `parse-error`, `skipped`, `io-error`,
    /// `internal-error`): the run fails with exit code 2 (see `Outcome::unscanned`).
    Error,
    Warning,
    Note,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note => "note",
        }
    }
}

/// Something the tool reports about a file rather than about its security: it could not be
/// parsed, was skipped, or carries a malformed suppression.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub path: String,
    pub level: Level,
    /// A short kind: `parse-error`, `skipped`, `suppression`, `io-error`, `internal-error`.
    pub code: &'static str,
    pub message: String,
    pub region: Option<(Position, Position)>,
    /// A file not fully scanned that the user allowed to stay so (`--allow-unscanned`): its
    /// level was lowered from error to warning.
    pub allowed: bool,
}

impl Diagnostic {
    pub fn new(
        path: &str,
        level: Level,
        code: &'static str,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            path: path.to_string(),
            level,
            code,
            message: message.into(),
            region: None,
            allowed: false,
        }
    }

    pub fn at(mut self, file: &crate::source::SourceFile, span: Span) -> Diagnostic {
        self.region = Some(file.range(span));
        self
    }
}

/// FNV-1a, 64 bit: a hash whose value never changes between releases or platforms.
pub fn stable_hash(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0u8)) {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
    }
    format!("{h:016x}")
}

/// The flagged text of `span` with its whitespace collapsed.
pub(crate) fn collapsed(file: &crate::source::SourceFile, span: Span) -> String {
    file.slice(span)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Fingerprint (version 2) = hash(rule, path relative to the config root, flagged text,
/// message, n-th occurrence of that quadruple): stable when lines move or when the scan runs
/// from another directory, distinct when the rule's subject changes (the message names the
/// port, flag, CIDR or object: a baselined open SSH rule does not match once it opens 3389),
/// distinct for repeated identical findings. `rel` maps a finding's shown path to the path
/// relative to the config root.
pub fn assign_fingerprints(findings: &mut [Finding], rel: impl Fn(&str) -> String + Sync) {
    use rayon::prelude::*;
    // Each shown path made relative once, in parallel (it resolves real paths).
    let mut paths: Vec<&str> = findings.iter().map(|f| f.file.path.as_str()).collect();
    paths.sort_unstable();
    paths.dedup();
    let rels: HashMap<String, String> = paths.par_iter().map(|p| (p.to_string(), rel(p))).collect();
    // Occurrence numbers in report order, keyed by borrowed strings: no copy per finding.
    let mut seen: HashMap<(&str, &str, &str, &str), usize> = HashMap::new();
    let nth: Vec<usize> = findings
        .iter()
        .map(|f| {
            let path = rels.get(&f.file.path).map_or("", String::as_str);
            let n = seen
                .entry((path, f.rule_id, &f.snippet, &f.message))
                .or_insert(0);
            *n += 1;
            *n
        })
        .collect();
    drop(seen);
    findings.par_iter_mut().zip(nth).for_each(|(f, n)| {
        let path = rels.get(&f.file.path).map_or("", String::as_str);
        f.fingerprint = stable_hash(&[
            "v2",
            f.rule_id,
            path,
            &f.snippet,
            &f.message,
            &n.to_string(),
        ]);
    });
}

/// Version 1 fingerprints (hash of rule, shown path, flagged text, n-th occurrence), computed
/// only to read baselines written by earlier releases.
pub fn legacy_fingerprints(findings: &[Finding]) -> Vec<String> {
    let mut seen: HashMap<(&str, &str, &str), usize> = HashMap::new();
    findings
        .iter()
        .map(|f| {
            let n = seen
                .entry((&f.file.path, f.rule_id, &f.snippet))
                .or_insert(0);
            *n += 1;
            stable_hash(&[f.rule_id, &f.file.path, &f.snippet, &n.to_string()])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::permute;

    #[test]
    fn permute_moves_every_item_to_its_place() {
        // Every permutation of five items: cycles of every length, fixed points.
        let mut all = vec![vec![]];
        for _ in 0..5 {
            all = all
                .into_iter()
                .flat_map(|p: Vec<usize>| {
                    let free: Vec<usize> = (0..5).filter(|i| !p.contains(i)).collect();
                    free.into_iter().map(move |i| {
                        let mut q = p.clone();
                        q.push(i);
                        q
                    })
                })
                .collect();
        }
        assert_eq!(all.len(), 120);
        for from in all {
            let mut items: Vec<char> = "abcde".chars().collect();
            let want: Vec<char> = from.iter().map(|&i| items[i]).collect();
            permute(&mut items, &mut from.clone());
            assert_eq!(items, want, "from {from:?}");
        }
    }
}
