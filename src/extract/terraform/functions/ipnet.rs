//! IP network functions: `cidrsubnet` (IPv4).

use super::args::{arg, new};
use crate::extract::terraform::value::{Val, V};

pub fn cidrsubnet(args: &[Val]) -> Val {
    let (prefix, bits, num) = (arg(args, 0), arg(args, 1), arg(args, 2));
    new(match (prefix.as_str(), bits.as_num(), num.as_num()) {
        (Some(p), Some(bits), Some(n)) => match subnet(p, bits, n) {
            Some(s) => V::Str(s),
            None => V::Unknown,
        },
        _ => V::Unknown,
    })
}

/// IPv4 `cidrsubnet(prefix, newbits, netnum)`.
fn subnet(prefix: &str, bits: f64, num: f64) -> Option<String> {
    let net: ipnet::Ipv4Net = prefix.trim().parse().ok()?;
    let new_len = net.prefix_len() as u32 + bits as u32;
    if new_len > 32 || num < 0.0 {
        return None;
    }
    let num = num as u64;
    if bits < 64.0 && num >= (1u64 << bits as u32) {
        return None;
    }
    let base = u32::from(net.network()) as u64;
    let addr = base | (num << (32 - new_len));
    let addr = std::net::Ipv4Addr::from(addr as u32);
    Some(format!("{addr}/{new_len}"))
}
