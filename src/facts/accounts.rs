//! Service accounts: the token automount setting of `ServiceAccount` objects.

use crate::source::Span;

/// A `v1` `ServiceAccount`.
#[derive(Clone, Debug)]
pub struct ServiceAccount {
    pub name: String,
    pub namespace: Option<String>,
    /// The `metadata.name` value (else the `kind` value).
    pub name_span: Span,
    /// `automountServiceAccountToken`: `Some(Some(b))` when written as a boolean,
    /// `Some(None)` when written as something else (a template), `None` when absent (true).
    pub automount: Option<Option<bool>>,
    /// The `automountServiceAccountToken` value when written.
    pub automount_span: Option<Span>,
    /// The setting as the file names it (`automount_service_account_token` in Terraform).
    pub field: &'static str,
}
