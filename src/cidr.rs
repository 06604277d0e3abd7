//! CIDR helpers shared by firewall rules.

use ipnet::IpNet;

/// Whether a source means "anyone": `0.0.0.0/0`, `::/0` (any spelling with a zero prefix).
pub fn is_world(cidr: &str) -> bool {
    match cidr.trim().parse::<IpNet>() {
        Ok(net) => net.prefix_len() == 0,
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
    }
}
