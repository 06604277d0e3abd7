//! H206: a file written world-writable, setuid or setgid.

use crate::facts::FileFacts;
use crate::rules::{Cx, Rule};

pub struct WorldWritableOrSetuidFile;
pub static RULE: WorldWritableOrSetuidFile = WorldWritableOrSetuidFile;

impl Rule for WorldWritableOrSetuidFile {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for f in &facts.host.files {
            let (Some(m), Some(span)) = (f.mode, f.mode_span) else {
                continue;
            };
            let what = if m & 0o002 != 0 {
                "world-writable: any local user or escaped container can change it"
            } else if m & 0o4000 != 0 {
                "setuid: it runs with its owner's privileges for any caller"
            } else if m & 0o2000 != 0 {
                "setgid: it runs with its group's privileges for any caller"
            } else {
                continue;
            };
            cx.report(
                span,
                format!("{} is written with mode {:04o}, {what}", f.path, m),
            );
        }
    }
}
