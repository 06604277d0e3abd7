//! Admission control written in files: the PodSecurity admission plugin's configuration
//! (an `AdmissionConfiguration` entry or a stand-alone `PodSecurityConfiguration`).

use super::located::Located;
use crate::source::Span;

/// A `PodSecurityConfiguration`: the cluster-wide defaults for namespaces without labels.
#[derive(Clone, Debug)]
pub struct PodSecurityDefaults {
    /// The `kind` value of the document that holds it.
    pub anchor: Span,
    /// `defaults.enforce` when written (absent: `privileged`, the plugin's default).
    pub enforce: Option<Located<String>>,
    /// `exemptions.namespaces`.
    pub exempt_namespaces: Vec<String>,
    /// The configuration is not in this file (`path:`) or not readable (a template): the
    /// defaults are unknown.
    pub unknown: bool,
}
