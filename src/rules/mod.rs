//! The rule registry and the interface every rule implements.
//!
//! A rule is one file under `src/rules/<group>/`, named `<id>_<name>.rs`, exporting
//! `pub static RULE`. Its metadata and documentation come from `rules/<ID>.md`; `build.rs`
//! pairs the two and generates [`REGISTRY`].

pub mod admission;
pub mod audit;
pub mod controlplane;
pub mod firewall;
pub mod managed;
pub mod netpol;
pub mod project;
pub mod rbac;
pub mod report;
pub mod rule;
pub mod secrets;
pub mod select;
pub mod urls;
pub mod workloads;

pub use project::{FactFamily, Project, ProjectFile};
pub use report::{Cx, ProjectCx, Report};
pub use rule::{practice_name, Rule, RuleDoc, RuleEntry};

include!(concat!(env!("OUT_DIR"), "/registry.rs"));

/// The rule with this exact id (`C201`), from an index built once: what reporters use for
/// every finding.
pub fn by_id(id: &str) -> Option<&'static RuleEntry> {
    static INDEX: std::sync::OnceLock<std::collections::HashMap<&'static str, usize>> =
        std::sync::OnceLock::new();
    let index = INDEX.get_or_init(|| {
        REGISTRY
            .iter()
            .enumerate()
            .map(|(i, r)| (r.doc.id, i))
            .collect()
    });
    index.get(id).and_then(|&i| REGISTRY.get(i))
}

/// Finds a rule by id (`C201`) or name (`apiserver-anonymous-auth`), case-insensitively for ids.
pub fn find(key: &str) -> Option<&'static RuleEntry> {
    REGISTRY
        .iter()
        .find(|r| r.doc.id.eq_ignore_ascii_case(key) || r.doc.name == key)
}
