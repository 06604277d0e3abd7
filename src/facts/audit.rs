//! API server audit policies (`audit.k8s.io` `Policy`), stand-alone or embedded in a
//! distribution's config (Talos `cluster.apiServer.auditPolicy`). Rules are kept in order:
//! the API server gives a request the level of the first rule that matches it.

use super::located::Located;
use crate::source::Span;

/// An audit `Policy`.
#[derive(Clone, Debug)]
pub struct AuditPolicy {
    /// The `kind` value, or the key that embeds the policy.
    pub anchor: Span,
    /// How messages name the policy: `audit Policy`, `Talos cluster.apiServer.auditPolicy`.
    pub what: String,
    /// Policy-level `omitStages` (applies to every rule).
    pub omit_stages: Vec<Located<String>>,
    pub rules: Vec<AuditRule>,
    /// `rules` is written but is not a list (a template): the policy's reach is unknown.
    pub opaque: bool,
}

/// One `rules[]` entry. Empty lists mean "no restriction", as in the API.
#[derive(Clone, Debug, Default)]
pub struct AuditRule {
    /// The list item.
    pub span: Span,
    /// The `level` entry (key and value), the value alone as `value_span`.
    pub level: Option<Located<String>>,
    pub users: Vec<String>,
    pub user_groups: Vec<String>,
    pub verbs: Vec<String>,
    pub namespaces: Vec<String>,
    pub non_resource_urls: Vec<String>,
    pub resources: Vec<AuditResources>,
    pub omit_stages: Vec<String>,
    /// A restriction whose value could not be read (not a list, a template): which requests
    /// the rule matches is unknown.
    pub unknown: bool,
}

/// One `resources[]` entry of a rule (`GroupResources`).
#[derive(Clone, Debug, Default)]
pub struct AuditResources {
    /// `group` (absent: the core group, `""`).
    pub group: String,
    pub resources: Vec<String>,
    pub resource_names: Vec<String>,
}
