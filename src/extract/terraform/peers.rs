//! Reading firewall values the same way for every provider: peers (CIDRs or tags, placed
//! where a fix goes, with the origin of their value), protocol names and port ranges.

use super::value::{Val, V};
use crate::facts::{Peer, ValueOrigin};
use crate::source::Span;

/// The CIDRs (or tags) a value holds, placed where a fix goes: the literal item when it is
/// written inside the attribute, else the attribute with the item's origin as related place.
pub fn peers(v: &Val, attr: Span) -> Vec<Peer> {
    let mut out = Vec::new();
    collect_peers(v, attr, &mut out);
    out
}

/// Where a scalar value was written, when that is outside the attribute `attr` (a variable
/// default, a tfvars entry, a local).
pub fn origin_of(v: &Val, attr: Span) -> Option<ValueOrigin> {
    let at = v.at.as_ref()?;
    let inside = at.file.is_none() && at.span.start >= attr.start && at.span.end <= attr.end;
    (!inside).then(|| at.clone())
}

fn collect_peers(v: &Val, attr: Span, out: &mut Vec<Peer>) {
    match &v.v {
        V::List(items) => items.iter().for_each(|i| collect_peers(i, attr, out)),
        V::Str(s) => {
            // Written inside the attribute: the literal item; else the attribute, with origin.
            let origin = origin_of(v, attr);
            let span = match (&v.at, &origin) {
                (Some(at), None) => at.span,
                _ => attr,
            };
            out.push(Peer::at(s.clone(), span).with_origin(origin));
        }
        _ => {}
    }
}

/// Protocol names as every provider spells "all": `-1`, `all`, `*`, numbers mapped to names.
pub fn protocol_name(p: &str) -> String {
    let p = p.trim().to_ascii_lowercase();
    match p.as_str() {
        "-1" | "all" | "*" | "any" => "all".into(),
        "6" => "tcp".into(),
        "17" => "udp".into(),
        "1" => "icmp".into(),
        "58" | "ipv6-icmp" | "icmp6" => "icmpv6".into(),
        _ => p,
    }
}

/// A port or range as text: `22`, `"1000-2000"`, `*` (all).
pub fn port_range(s: &str) -> Option<crate::facts::PortRange> {
    let s = s.trim();
    if s == "*" {
        return Some(crate::facts::PortRange::ALL);
    }
    let (a, b) = s.split_once('-').unwrap_or((s, s));
    let (a, b): (u16, u16) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
    Some(crate::facts::PortRange {
        from: a.min(b),
        to: a.max(b),
    })
}
