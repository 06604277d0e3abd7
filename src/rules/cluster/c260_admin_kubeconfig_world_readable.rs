//! C260: k3s/RKE2 write the cluster-admin kubeconfig readable by every user of the node.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct AdminKubeconfigWorldReadable;
pub static RULE: AdminKubeconfigWorldReadable = AdminKubeconfigWorldReadable;

/// A file mode as k3s parses it (`strconv.ParseInt(mode, 8, 32)`); `None` when not octal.
fn mode(v: &str) -> Option<u32> {
    let t = v.trim();
    let t = t.strip_prefix("0o").unwrap_or(t);
    if t.is_empty() || t.len() > 5 {
        return None;
    }
    u32::from_str_radix(t, 8).ok()
}

impl Rule for AdminKubeconfigWorldReadable {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for d in &facts.distro {
            let Some(v) = d.get("write-kubeconfig-mode") else {
                continue;
            };
            let Some(m) = mode(&v.value) else { continue };
            // Group read alone is how `write-kubeconfig-group` shares the file with an admin
            // group on purpose: only read for others is flagged.
            if m & 0o004 == 0 {
                continue;
            }
            let path = if d.distro == "RKE2" {
                "/etc/rancher/rke2/rke2.yaml"
            } else {
                "/etc/rancher/k3s/k3s.yaml"
            };
            cx.report_related(
                v.span,
                format!(
                    "{} writes its cluster-admin kubeconfig {path} with mode {:04o} (`write-kubeconfig-mode: {}`): every user of the node can read full control of the cluster",
                    d.distro, m, v.value
                ),
                d.related("write-kubeconfig-mode"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn modes() {
        assert_eq!(super::mode("0644"), Some(0o644));
        assert_eq!(super::mode("644"), Some(0o644));
        assert_eq!(super::mode("0600"), Some(0o600));
        assert_eq!(super::mode("rw"), None);
    }
}
