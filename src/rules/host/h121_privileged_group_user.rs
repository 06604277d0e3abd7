//! H121: an extra host user in a root-equivalent group (docker, wheel, sudo, root, disk).

use crate::facts::FileFacts;
use crate::facts::Located;
use crate::rules::{Cx, Rule};

pub struct PrivilegedGroupUser;
pub static RULE: PrivilegedGroupUser = PrivilegedGroupUser;

const ROOT_EQUIVALENT: &[(&str, &str)] = &[
    (
        "docker",
        "the Docker socket, which starts privileged containers",
    ),
    ("wheel", "sudo to root"),
    ("sudo", "sudo to root"),
    ("root", "root-owned files"),
    ("disk", "raw block devices"),
];

impl Rule for PrivilegedGroupUser {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        // `core` is the OS's own administrative user and already in these groups.
        for u in facts.host.users.iter().filter(|u| u.name != "core") {
            // One finding per user, at the first such group, naming all of them.
            let hits: Vec<&Located<String>> = u
                .groups
                .iter()
                .filter(|g| ROOT_EQUIVALENT.iter().any(|(n, _)| *n == g.value))
                .collect();
            let Some(Located {
                value: first, span, ..
            }) = hits.first()
            else {
                continue;
            };
            let what = ROOT_EQUIVALENT
                .iter()
                .find(|(n, _)| n == first)
                .map_or("", |(_, w)| *w);
            let names: Vec<&str> = hits.iter().map(|g| g.value.as_str()).collect();
            cx.report(
                *span,
                format!(
                    "user {} is added to group {} ({first} gives {what}): it is root on the node",
                    u.name,
                    names.join(", ")
                ),
            );
        }
    }
}
