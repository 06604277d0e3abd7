//! Values rules may consult, from `[settings]` in `.kube-harden.toml` and a few CLI flags.

use crate::facts::PortRange;

/// Values rules may consult.
#[derive(Debug, Default, Clone)]
pub struct Settings {
    /// Extra ports treated like control-plane ports, with a label for messages.
    pub sensitive_ports: Vec<(PortRange, String)>,
    pub trusted_cidrs: Vec<ipnet::IpNet>,
    /// Longest accepted bootstrap token `ttl`, seconds (default 24h, kubeadm's own default).
    pub max_bootstrap_token_ttl: Option<u64>,
    /// Longest accepted leaf certificate validity, seconds (default 8760h, kubeadm's default).
    pub max_certificate_validity: Option<u64>,
    /// Longest accepted CA certificate validity, seconds (default 87600h, kubeadm's default).
    pub max_ca_certificate_validity: Option<u64>,
    /// Longest accepted `--service-account-max-token-expiration`, seconds (default 24h).
    pub max_service_account_token_expiration: Option<u64>,
    /// Days before end of life at which a supported minor is reported (default 60).
    pub eol_warning_days: Option<u32>,
    /// Oldest minor accepted (`1.36`), overriding the release table's oldest supported minor.
    pub min_kubernetes_minor: Option<u32>,
    /// Extra services H203 treats as non-essential.
    pub non_essential_services: Vec<String>,
    /// Terraform `--var-file`s, applied to root modules after `*.auto.tfvars`.
    pub var_files: Vec<std::path::PathBuf>,
}

impl Settings {
    /// The settings as `key = value` lines (defaults named), for `check --show-settings`.
    pub fn describe(&self) -> Vec<String> {
        let secs = |v: Option<u64>, default: &str| {
            v.map_or(format!("{default} (default)"), |s| format!("{s}s"))
        };
        let ports: Vec<String> = self
            .sensitive_ports
            .iter()
            .map(|(r, _)| format!("{}-{}", r.from, r.to))
            .collect();
        let cidrs: Vec<String> = self.trusted_cidrs.iter().map(|c| c.to_string()).collect();
        vec![
            format!("sensitive-ports = [{}]", ports.join(", ")),
            format!("trusted-cidrs = [{}]", cidrs.join(", ")),
            format!(
                "max-bootstrap-token-ttl = {}",
                secs(self.max_bootstrap_token_ttl, "24h")
            ),
            format!(
                "max-certificate-validity = {}",
                secs(self.max_certificate_validity, "8760h")
            ),
            format!(
                "max-ca-certificate-validity = {}",
                secs(self.max_ca_certificate_validity, "87600h")
            ),
            format!(
                "max-service-account-token-expiration = {}",
                secs(self.max_service_account_token_expiration, "24h")
            ),
            format!(
                "eol-warning-days = {}",
                self.eol_warning_days
                    .map_or("60 (default)".to_string(), |d| d.to_string())
            ),
            format!(
                "min-kubernetes-version = {}",
                self.min_kubernetes_minor.map_or(
                    "the release table's oldest supported minor (default)".to_string(),
                    |m| format!("1.{m}")
                )
            ),
            format!(
                "non-essential-services = [{}]",
                self.non_essential_services.join(", ")
            ),
        ]
    }
}
