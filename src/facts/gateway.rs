//! Gateways that expose services: Gateway API `Gateway` listeners and Istio `Gateway` servers.

use super::located::Located;
use crate::source::Span;

/// A `gateway.networking.k8s.io` or `networking.istio.io` `Gateway`.
#[derive(Clone, Debug)]
pub struct Gateway {
    /// `Gateway ns/name`, as in messages.
    pub display: String,
    /// Istio (`servers[]`) rather than Gateway API (`listeners[]`).
    pub istio: bool,
    /// `spec.gatewayClassName` (Gateway API).
    pub class: Option<String>,
    pub listeners: Vec<GatewayListener>,
}

/// One Gateway API listener or Istio server.
#[derive(Clone, Debug)]
pub struct GatewayListener {
    /// The listener's `name` (Istio: `port.name`).
    pub name: Option<String>,
    pub port: Option<String>,
    /// `protocol` (Istio: `port.protocol`), as written, with its span.
    pub protocol: Option<Located<String>>,
    /// A `tls` section is written (Istio: including `httpsRedirect`).
    pub tls: bool,
    pub hosts: Vec<String>,
    /// The list item.
    pub span: Span,
}
