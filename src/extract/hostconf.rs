//! Small line grammars (nom) for the configuration files host configs write: systemd units and
//! drop-ins, sshd_config, sysctl.d, Flatcar `update.conf`, Zincati TOML, Docker `daemon.json`.
//! Each yields `(line index, section, key, value)`; callers map line indices to spans.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_till, take_while1};
use nom::character::complete::{char, space0, space1};
use nom::combinator::rest;
use nom::sequence::delimited;
use nom::{IResult, Parser};

/// One parsed setting: 0-based line of its key, section, key, value.
#[derive(Debug, PartialEq, Eq)]
pub struct Line {
    pub line: usize,
    pub section: String,
    pub key: String,
    pub value: String,
}

fn section(i: &str) -> IResult<&str, &str> {
    delimited(char('['), take_till(|c| c == ']'), char(']')).parse(i)
}

/// `key = value` (systemd, sysctl, env files, TOML): spaces around `=` allowed.
fn pair(i: &str) -> IResult<&str, (&str, &str)> {
    (
        take_while1(|c: char| c != '=' && !c.is_whitespace()),
        space0,
        char('='),
        space0,
        rest,
    )
        .map(|(k, _, _, _, v)| (k, v))
        .parse(i)
}

/// `Keyword value` or `Keyword=value` (sshd_config).
fn sshd_pair(i: &str) -> IResult<&str, (&str, &str)> {
    (
        take_while1(|c: char| c != '=' && !c.is_whitespace()),
        alt(((space0, tag("="), space0).map(|_| ()), space1.map(|_| ()))),
        rest,
    )
        .map(|(k, _, v)| (k, v))
        .parse(i)
}

fn is_comment(t: &str) -> bool {
    t.is_empty() || t.starts_with('#') || t.starts_with(';')
}

/// A systemd unit file or drop-in. Backslash continuations are joined onto the key's line.
pub fn systemd(text: &str) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut sect = String::new();
    let mut continuing = false;
    for (n, raw) in text.lines().enumerate() {
        let t = raw.trim();
        if continuing {
            if let Some(last) = out.last_mut() {
                // Comment lines inside a continuation are skipped by systemd too.
                if !(t.starts_with('#') || t.starts_with(';')) {
                    let piece = t.strip_suffix('\\').unwrap_or(t);
                    last.value.push(' ');
                    last.value.push_str(piece.trim());
                    continuing = t.ends_with('\\');
                }
                continue;
            }
        }
        if is_comment(t) {
            continue;
        }
        if let Ok((_, s)) = section(t) {
            sect = s.trim().to_string();
        } else if let Ok((_, (k, v))) = pair(t) {
            continuing = v.ends_with('\\');
            let v = v.strip_suffix('\\').unwrap_or(v).trim();
            out.push(Line {
                line: n,
                section: sect.clone(),
                key: k.to_string(),
                value: v.to_string(),
            });
        }
    }
    out
}

/// `sshd_config`: keywords are case-insensitive (lower-cased here); a `Match` block becomes the
/// section of the lines under it; trailing `#` comments are dropped, as OpenSSH does.
pub fn sshd(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut sect = String::new();
    for (n, raw) in text.lines().enumerate() {
        let t = raw.trim();
        if is_comment(t) {
            continue;
        }
        if let Ok((_, (k, v))) = sshd_pair(t) {
            let v = v.split(" #").next().unwrap_or(v).trim();
            let key = k.to_ascii_lowercase();
            if key == "match" {
                sect = format!("Match {v}");
                continue;
            }
            out.push(Line {
                line: n,
                section: sect.clone(),
                key,
                value: v.trim_matches('"').to_string(),
            });
        }
    }
    out
}

/// `KEY=value` files with optional `[section]` headers: sysctl.d, Flatcar update.conf and the
/// simple TOML Zincati uses. Quotes and trailing ` #` comments are removed from values.
pub fn key_values(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut sect = String::new();
    for (n, raw) in text.lines().enumerate() {
        let t = raw.trim();
        if is_comment(t) {
            continue;
        }
        if let Ok((_, s)) = section(t) {
            sect = s.trim().to_string();
        } else if let Ok((_, (k, v))) = pair(t) {
            let v = v.split(" #").next().unwrap_or(v).trim();
            out.push(Line {
                line: n,
                section: sect.clone(),
                key: k.trim_start_matches('-').to_string(),
                value: v.trim_matches(|c| c == '"' || c == '\'').to_string(),
            });
        }
    }
    out
}

/// sudoers rules: each non-comment rule line, keyed by its first word (user or %group).
/// `#include` directives and `Defaults` lines are skipped.
pub fn sudoers(text: &str) -> Vec<Line> {
    text.lines()
        .enumerate()
        .filter_map(|(n, raw)| {
            let t = raw.trim();
            if t.is_empty()
                || t.starts_with('#')
                || t.starts_with("@include")
                || t.starts_with("Defaults")
            {
                return None;
            }
            let (who, _) = t.split_once(char::is_whitespace)?;
            Some(Line {
                line: n,
                section: String::new(),
                key: who.to_string(),
                value: t.to_string(),
            })
        })
        .collect()
}

/// Docker `daemon.json`: each string of the `hosts` array, with its line.
pub fn docker_hosts(text: &str) -> Vec<Line> {
    let Ok(Some(doc)) = crate::parse::json::parse(text) else {
        return Vec::new();
    };
    let starts: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
    // The line of a byte offset: how many newlines come before it.
    let line = |at: usize| starts.partition_point(|&nl| nl < at);
    let mut out: Vec<Line> = doc
        .root
        .get("hosts")
        .map(crate::parse::Node::items)
        .unwrap_or(&[])
        .iter()
        .filter_map(|h| {
            Some(Line {
                line: line(h.span.start),
                section: String::new(),
                key: "hosts".into(),
                value: h.as_str()?.to_string(),
            })
        })
        .collect();
    if let Some(t) = doc.root.get("tlsverify") {
        out.push(Line {
            line: line(t.span.start),
            section: String::new(),
            key: "tlsverify".into(),
            value: t.as_str().unwrap_or("").to_string(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn systemd_sections_continuations_and_comments() {
        let u = "[Unit]\nDescription=x\n# c\n[Service]\nExecStart=/usr/bin/dockerd \\\n  -H tcp://0.0.0.0:2375\n[Socket]\nListenStream = 2375\n";
        let l = systemd(u);
        assert_eq!(l.len(), 3);
        assert_eq!(l[1].section, "Service");
        assert_eq!(l[1].value, "/usr/bin/dockerd -H tcp://0.0.0.0:2375");
        assert_eq!(l[1].line, 4);
        assert_eq!(
            (l[2].key.as_str(), l[2].value.as_str()),
            ("ListenStream", "2375")
        );
    }

    #[test]
    fn sshd_forms() {
        let l = sshd("PasswordAuthentication yes # why\npermitrootlogin=no\nMatch User bob\n  PermitRootLogin yes\n");
        assert_eq!(l[0].key, "passwordauthentication");
        assert_eq!(l[0].value, "yes");
        assert_eq!(l[1].value, "no");
        assert_eq!(l[2].section, "Match User bob");
    }

    #[test]
    fn key_values_forms() {
        let l = key_values(
            "GROUP=stable\nSERVER=\"disabled\"\n[updates]\nenabled = false\n-kernel.x = 1\n",
        );
        assert_eq!(l[1].value, "disabled");
        assert_eq!(l[2].section, "updates");
        assert_eq!(l[3].key, "kernel.x");
    }

    #[test]
    fn sudoers_rules() {
        let l = sudoers(
            "# c\nDefaults env_reset\n@includedir /etc/sudoers.d\n%ops ALL=(ALL) NOPASSWD: ALL\n",
        );
        assert_eq!(l.len(), 1);
        assert_eq!((l[0].key.as_str(), l[0].line), ("%ops", 3));
    }

    #[test]
    fn docker_hosts_lines() {
        let l = docker_hosts(
            "{\n \"hosts\": [\n  \"unix:///var/run/docker.sock\",\n  \"tcp://0.0.0.0:2375\"\n ]\n}",
        );
        assert_eq!(l.len(), 2);
        assert_eq!(l[1].line, 3);
    }
}
