//! Network facts: allow rules of security groups, firewalls and host policies.

use crate::source::Span;
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Ingress,
    Egress,
}

/// An inclusive port range; `0..=65535` stands for "all ports".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PortRange {
    pub from: u16,
    pub to: u16,
}

impl PortRange {
    pub const ALL: PortRange = PortRange { from: 0, to: 65535 };

    pub fn overlaps(&self, other: PortRange) -> bool {
        self.from <= other.to && other.from <= self.to
    }

    pub fn is_all(&self) -> bool {
        self.from == 0 && self.to == 65535
    }
}

impl std::fmt::Display for PortRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_all() {
            write!(f, "all ports")
        } else if self.from == self.to {
            write!(f, "port {}", self.from)
        } else {
            write!(f, "ports {}-{}", self.from, self.to)
        }
    }
}

/// A peer of a firewall rule: a CIDR (or provider tag) at the place a fix goes, with the place
/// its value was written when that is elsewhere (a variable default, a tfvars entry, a local),
/// which findings give as a related location.
pub type Peer = super::located::Located<String>;

/// The place a resolved Terraform value was written.
pub type ValueOrigin = super::located::Place;

/// One allow rule of a security group, firewall or host policy.
#[derive(Clone, Debug)]
pub struct FirewallRule {
    pub direction: Direction,
    /// Lower-case protocol name, `"all"` for every protocol.
    pub protocol: String,
    pub ports: PortRange,
    /// Literal CIDR peers. Rules whose peers are security groups or `self` have none here.
    pub peers: Vec<Peer>,
    /// The resource (and block) the rule came from, e.g. `aws_security_group.cp ingress #2`.
    pub resource: String,
    /// The rule's block or resource header, for messages without a better place.
    pub span: Span,
    /// The port the Kubernetes API listens on behind this rule when it is not 6443: kOps
    /// serves the API on 443 on its `masters-*` and `api-elb-*` security groups.
    pub api_port: Option<u16>,
}
