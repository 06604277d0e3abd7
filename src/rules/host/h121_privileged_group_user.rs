//! H121: an extra host user in a root-equivalent group (docker, wheel, sudo, root, disk).

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct PrivilegedGroupUser;
pub static RULE: PrivilegedGroupUser = PrivilegedGroupUser;

const ROOT_EQUIVALENT: &[(&str, &str)] = &[
    ("docker", "the Docker socket, which starts privileged containers"),
    ("wheel", "sudo to root"),
    ("sudo", "sudo to root"),
    ("root", "root-owned files"),
    ("disk", "raw block devices"),
];

impl Rule for PrivilegedGroupUser {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        // `core` is the OS's own administrative user and already in these groups.
        for u in facts.host.users.iter().filter(|u| u.name != "core") {
            for (g, span) in &u.groups {
                if let Some((_, what)) = ROOT_EQUIVALENT.iter().find(|(n, _)| n == g) {
                    cx.report(*span, format!("user {} is added to group {g}, which gives {what}: it is root on the node", u.name));
                }
            }
        }
    }
}
