//! Host configuration text embedded in a host config (a file's contents, a unit body): its
//! lines as host facts at their places in the scanned file. Documents embedded in a file
//! (YAML, JSON, TOML) are recorded as `facts::EmbeddedDoc`s instead and read by the dispatcher
//! (`extract::read_embedded`).

use crate::extract::hostconf::{self, Line};
use crate::facts::{is_templated, FileFacts, HostConfigKind, HostEntry, HostText};
pub use crate::parse::embedded::Embedded;

/// The lines of a host configuration file or systemd unit written as `text`, by the line
/// grammar of `kind`, as entries at their lines' outer spans (`source`: the path or unit name
/// they are reported under). Interpolated lines are left out (unknown).
pub fn host_facts(text: &Embedded, kind: HostConfigKind, source: &str) -> FileFacts {
    let mut facts = FileFacts::default();
    for l in host_grammar(kind, &text.text) {
        host_line(text, kind, source, l, &mut facts);
    }
    facts
}

fn host_line(text: &Embedded, kind: HostConfigKind, source: &str, l: Line, f: &mut FileFacts) {
    // An interpolated value is unknown: never a finding.
    if is_templated(&l.value) || is_templated(&l.key) {
        return;
    }
    f.host.entries.push(HostEntry {
        kind,
        source: source.to_string(),
        section: l.section,
        key: l.key,
        value: l.value,
        span: text.line_span(l.line),
    });
}

/// The text as a host fact (a written file's contents, a unit body).
pub fn into_host_text(text: Embedded) -> HostText {
    let (text, span, line_spans) = text.into_parts();
    HostText {
        text,
        span,
        line_spans,
    }
}

/// The line grammar of a kind of host configuration.
fn host_grammar(kind: HostConfigKind, text: &str) -> Vec<Line> {
    use HostConfigKind::*;
    match kind {
        SystemdUnit => hostconf::systemd(text),
        Sshd => hostconf::sshd(text),
        Sudoers => hostconf::sudoers(text),
        DockerDaemon => hostconf::docker_hosts(text),
        Sysctl | FlatcarUpdate | Zincati | Selinux | Containerd => hostconf::key_values(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_lines_keep_their_lines() {
        let text = "f:\n  inline: |\n    PermitRootLogin yes\n    X ${y}\n";
        let (docs, _) = crate::parse::yaml::parse(text);
        let e =
            Embedded::scalar(docs[0].root.get("f").unwrap().get("inline").unwrap(), text).unwrap();
        let kind = HostConfigKind::Sshd;
        let facts = host_facts(&e, kind, "s");
        assert_eq!(facts.host.entries.len(), 1);
        let s = facts.host.entries[0].span;
        assert_eq!(&text[s.start..s.end], "PermitRootLogin yes");
    }
}
