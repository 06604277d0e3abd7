//! Service accounts: the token automount setting of `ServiceAccount` objects.

use super::kube::Meta;
use crate::source::Span;

/// A `v1` `ServiceAccount`.
#[derive(Clone, Debug)]
pub struct ServiceAccount {
    pub meta: Meta,
    /// `automountServiceAccountToken`: `Some(Some(b))` when written as a boolean,
    /// `Some(None)` when written as something else (a template), `None` when absent (true).
    pub automount: Option<Option<bool>>,
    /// The `automountServiceAccountToken` value when written.
    pub automount_span: Option<Span>,
}
