//! The project stage: project rules judge the facts of every file of the scan, and each of
//! their findings goes through the suppressions of the file it points into.
//!
//! Reports without snippets drop every file's text once its own findings are made, project
//! facts included (`ProjectFile::origin` says where the text came from): this stage reads back
//! only the files its findings point into, and refuses a file whose text changed in between
//! (an error diagnostic: the run fails closed, as for any file not fully scanned).

use crate::config::Config;
use crate::findings::{Diagnostic, Finding, Level};
use crate::rules::project::Project;
use crate::rules::{Report, RuleEntry};
use crate::source::Source;
use std::collections::HashMap;
use std::sync::Arc;

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
    // Reports per file, in rule order: each file's text is then needed once.
    let mut reports: Vec<Vec<(&RuleEntry, Report)>> =
        project.files.iter().map(|_| Vec::new()).collect();
    for entry in &config.enabled {
        let mut cx = crate::rules::ProjectCx::new(&config.settings);
        entry.rule.check_project(project, &mut cx);
        for (i, r) in cx.reports {
            if let Some(out) = reports.get_mut(i) {
                out.push((entry, r));
            }
        }
    }
    let mut texts = ProjectTexts::new(project);
    let mut all = Vec::new();
    for (i, reports) in reports.into_iter().enumerate() {
        if reports.is_empty() {
            continue;
        }
        let (Some(pf), Some(file)) = (project.files.get(i), texts.get(i, diags)) else {
            continue;
        };
        let mut findings: Vec<Finding> = reports
            .into_iter()
            .map(|(entry, mut r)| {
                // A related place whose file cannot be read back is left out.
                r.related = std::mem::take(&mut r.related)
                    .into_iter()
                    .filter_map(|mut p| {
                        p.file = match p.file {
                            Some(f) => Some(texts.resolve(&f, diags)?),
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
            diags,
            crate::suppress::Stage::Project,
        );
        if drop_texts {
            crate::findings::drop_texts(&mut findings, &file);
        }
        all.extend(findings);
        // The findings hold what they need: no text read back outlives its file's turn.
        texts.release();
    }
    all
}

struct ProjectTexts<'a> {
    project: &'a Project,
    /// Texts read back, by project file (`None`: it could not be, already reported).
    loaded: HashMap<usize, Option<Source>>,
    /// Project files by shown path, for related places that name a file by its source.
    by_path: Option<HashMap<&'a str, usize>>,
}

impl<'a> ProjectTexts<'a> {
    fn new(project: &'a Project) -> ProjectTexts<'a> {
        ProjectTexts {
            project,
            loaded: HashMap::new(),
            by_path: None,
        }
    }

    /// Forgets the texts read back (failures stay, so each is reported once).
    fn release(&mut self) {
        self.loaded.retain(|_, t| t.is_none());
    }

    /// Project file `file` with its text; `None` (after an error diagnostic) when it was
    /// dropped and could not be read back unchanged.
    fn get(&mut self, file: usize, diags: &mut Vec<Diagnostic>) -> Option<Source> {
        let pf = self.project.files.get(file)?;
        let Some(origin) = &pf.origin else {
            return Some(pf.source.clone());
        };
        self.loaded
            .entry(file)
            .or_insert_with(|| {
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
            })
            .clone()
    }

    /// The file a related place points into, with its text: a project file whose text was
    /// dropped is read back; any other file kept its text.
    fn resolve(&mut self, source: &Source, diags: &mut Vec<Diagnostic>) -> Option<Source> {
        let project = self.project;
        let by_path = self.by_path.get_or_insert_with(|| {
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
