//! CIDR helpers shared by firewall rules.

use ipnet::IpNet;

/// Whether a source means "anyone": `0.0.0.0/0`, `::/0` (any spelling with a zero prefix).
pub fn is_world(cidr: &str) -> bool {
    match cidr.trim().parse::<IpNet>() {
        Ok(net) => net.prefix_len() == 0,
        Err(_) => false,
    }
}

/// Whether a firewall source means "anyone", including the provider spellings that are not
/// CIDRs: Azure's `*`, `Internet` and `Any` service tags.
pub fn is_world_source(source: &str) -> bool {
    let s = source.trim();
    is_world(s) || s == "*" || s.eq_ignore_ascii_case("internet") || s.eq_ignore_ascii_case("any")
}

/// A private (RFC 1918, CGNAT, IPv6 ULA) network with a prefix shorter than `max_prefix`:
/// "the whole VPC or more".
pub fn is_wide_private(cidr: &str, max_prefix: u8) -> bool {
    let Ok(net) = cidr.trim().parse::<IpNet>() else {
        return false;
    };
    let private: &[&str] = &[
        "10.0.0.0/8",
        "172.16.0.0/12",
        "192.168.0.0/16",
        "100.64.0.0/10",
        "fc00::/7",
    ];
    net.prefix_len() > 0
        && net.prefix_len() < max_prefix
        && private
            .iter()
            .filter_map(|p| p.parse::<IpNet>().ok())
            .any(|p| p.contains(&net))
}

/// Whether the CIDR lies inside one of the trusted networks.
pub fn is_trusted(cidr: &str, trusted: &[IpNet]) -> bool {
    match cidr.trim().parse::<IpNet>() {
        Ok(net) => trusted.iter().any(|t| t.contains(&net)),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn world() {
        assert!(super::is_world("0.0.0.0/0"));
        assert!(super::is_world("::/0"));
        assert!(!super::is_world("10.0.0.0/8"));
        assert!(!super::is_world("sg-123"));
        assert!(super::is_world_source("Internet"));
        assert!(super::is_world_source("*"));
        assert!(super::is_wide_private("10.0.0.0/8", 16));
        assert!(!super::is_wide_private("10.0.0.0/16", 16));
        assert!(!super::is_wide_private("8.0.0.0/8", 16));
    }
}
