//! The rule registry and the interface every rule implements.
//!
//! A rule is one file under `src/rules/<group>/`, named `<id>_<name>.rs`, exporting
//! `pub static RULE`. Its metadata and documentation come from `rules/<ID>.md`; `build.rs`
//! pairs the two and generates [`REGISTRY`].

pub mod controlplane;
pub mod firewall;
pub mod managed;
pub mod netpol;
pub mod project;
pub mod rbac;
pub mod report;
pub mod rule;
pub mod secrets;
pub mod urls;
pub mod workloads;

pub use project::{FactFamily, Project, ProjectFile};
pub use report::{Cx, ProjectCx, Report};
pub use rule::{practice_name, Rule, RuleDoc, RuleEntry};

include!(concat!(env!("OUT_DIR"), "/registry.rs"));

/// Finds a rule by id (`C201`) or name (`apiserver-anonymous-auth`), case-insensitively for ids.
pub fn find(key: &str) -> Option<&'static RuleEntry> {
    REGISTRY
        .iter()
        .find(|r| r.doc.id.eq_ignore_ascii_case(key) || r.doc.name == key)
}
