//! The project stage: project rules judge the facts of every file of the scan, and each of
//! their findings goes through the suppressions of the file it points into.
//!
//! Reports without snippets drop every file's text once its own findings are made, project
//! facts included (`ProjectFile::origin` says where the text came from): this stage reads back
//! only the files its findings point into, one file per task (files in parallel, each text
//! freed when its findings are made), and refuses a file whose text changed in between (an
//! error diagnostic: the run fails closed, as for any file not fully scanned).

use crate::config::Config;
use crate::findings::{Diagnostic, Finding, Level};
use crate::rules::project::Project;
use crate::rules::{Report, RuleEntry};
use crate::source::Source;
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// Runs the project-level stage; each finding goes through the suppressions of the file it
/// points into.
pub(crate) fn run(
    project: &Project,
    config: &Config,
    drop_texts: bool,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Finding> {
    if project.files.is_empty() {
        return Vec::new();
    }
    // The rules side by side (each reads the whole project), then their reports per file,
    // in rule order.
    let by_rule: Vec<(&RuleEntry, Vec<(usize, Report)>)> = config
        .enabled
        .par_iter()
        .map(|entry| {
            let mut cx = crate::rules::ProjectCx::new(&config.settings);
            entry.rule.check_project(project, &mut cx);
            (*entry, cx.reports)
        })
        .collect();
    let mut reports: Vec<Vec<(&RuleEntry, Report)>> =
        project.files.iter().map(|_| Vec::new()).collect();
    for (entry, rule_reports) in by_rule {
        for (i, r) in rule_reports {
            if let Some(out) = reports.get_mut(i) {
                out.push((entry, r));
            }
        }
    }
    let texts = ProjectTexts {
        project,
        by_path: OnceLock::new(),
    };
    // Collected in file order, whatever the threads.
    let per_file: Vec<(Vec<Finding>, Vec<Diagnostic>)> = reports
        .into_par_iter()
        .enumerate()
        .filter(|(_, reports)| !reports.is_empty())
        .map(|(i, reports)| file_findings(&texts, config, drop_texts, i, reports))
        .collect();
    let mut all = Vec::new();
    for (findings, problems) in per_file {
        all.extend(findings);
        diags.extend(problems);
    }
    all
}

/// One project file's findings, with what went wrong reading files back.
fn file_findings(
    texts: &ProjectTexts,
    config: &Config,
    drop_texts: bool,
    i: usize,
    reports: Vec<(&RuleEntry, Report)>,
) -> (Vec<Finding>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let (Some(pf), Some(file)) = (texts.project.files.get(i), texts.get(i, &mut diags)) else {
        return (Vec::new(), diags);
    };
    let mut findings: Vec<Finding> = reports
        .into_iter()
        .map(|(entry, mut r)| {
            // A related place whose file cannot be read back is left out.
            r.related = std::mem::take(&mut r.related)
                .into_iter()
                .filter_map(|mut p| {
                    p.file = match p.file {
                        Some(f) => Some(texts.resolve(&f, &mut diags)?),
                        None => None,
                    };
                    Some(p)
                })
                .collect();
            r.into_finding(entry, config.severity_of(entry), &file)
        })
        .collect();
    // Marker problems were already reported by the per-file stage; duplicates are removed
    // when diagnostics are de-duplicated.
    crate::suppress::apply(
        &file,
        pf.rel.as_deref(),
        &mut findings,
        &pf.objects,
        config,
        &mut diags,
        crate::suppress::Stage::Project,
    );
    if drop_texts {
        crate::findings::drop_texts(&mut findings, &file);
    }
    (findings, diags)
}

/// Reads back the project files whose texts were dropped. Nothing is cached: each file is
/// read once for its own findings, and again only as a related place of another file's.
struct ProjectTexts<'a> {
    project: &'a Project,
    /// Project files by shown path, for related places that name a file by its source.
    by_path: OnceLock<HashMap<&'a str, usize>>,
}

impl<'a> ProjectTexts<'a> {
    /// Project file `file` with its text; `None` (after an error diagnostic) when it was
    /// dropped and could not be read back unchanged.
    fn get(&self, file: usize, diags: &mut Vec<Diagnostic>) -> Option<Source> {
        let pf = self.project.files.get(file)?;
        let Some(origin) = &pf.origin else {
            return Some(pf.source.clone());
        };
        match crate::read::reread(origin, &pf.source.path, crate::limits::MAX_FILE_BYTES) {
            Ok(f) => Some(Arc::new(f)),
            Err(why) => {
                diags.push(Diagnostic::new(
                    &pf.source.path,
                    Level::Error,
                    "io-error",
                    format!("cannot read the file again for its project-level findings: {why}; not fully scanned"),
                ));
                None
            }
        }
    }

    /// The file a related place points into, with its text: a project file whose text was
    /// dropped is read back; any other file kept its text.
    fn resolve(&self, source: &Source, diags: &mut Vec<Diagnostic>) -> Option<Source> {
        let project = self.project;
        let by_path = self.by_path.get_or_init(|| {
            project
                .files
                .iter()
                .enumerate()
                .filter(|(_, f)| f.origin.is_some())
                .map(|(i, f)| (f.source.path.as_str(), i))
                .collect()
        });
        match by_path.get(source.path.as_str()) {
            Some(&i) if Arc::ptr_eq(&project.files[i].source, source) => self.get(i, diags),
            _ => Some(source.clone()),
        }
    }
}
