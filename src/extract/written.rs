//! Text that a host config writes onto the node (file contents, appended fragments, unit
//! bodies and drop-ins): decoding (`data:` URLs, percent-encoded or base64, and gzip) into an
//! [`Embedded`] mapped back to its place in the scanned file, and lowering it by what it is:
//! config-file lines (sshd, sysctl, update.conf …) and Kubernetes component settings.

use crate::extract::embedded::{host_facts, Embedded};
use crate::extract::hostconf;
use crate::extract::inflate;
use crate::facts::Located;
use crate::facts::{
    is_templated, Component, ComponentConfig, DocFormat, EmbeddedDoc, FileFacts, HostConfigKind,
    Origin, Setting, Want,
};
use crate::parse::Node;
use crate::source::Span;
use base64::Engine;

/// Decoded contents of a resource, when the config itself holds them: `inline` text mapped
/// line by line where it can be, a `data:` URL as a whole.
pub(super) fn contents(node: &Node, text: &str) -> Option<Embedded> {
    if let Some(inline) = node.get("inline") {
        return Embedded::scalar(inline, text);
    }
    let source = node.get("source")?;
    let url = source.as_str()?;
    if !url.starts_with("data:") {
        return None;
    }
    // Every decoded byte counts against the file's budget (`inflate::MAX_DECODED_PER_FILE`),
    // aliases to one URL included; past it the contents are unknown and the file is marked.
    if url.len() > inflate::decode_left() {
        inflate::decoding_refused();
        return None;
    }
    let bytes = decode_data_url_bytes(url)?;
    if !inflate::spend_decoded(bytes.len()) {
        return None;
    }
    let decoded = match node.get_str("compression").unwrap_or("") {
        "" => String::from_utf8(bytes).ok()?,
        "gzip" => {
            let limit = crate::limits::MAX_DECOMPRESSED_BYTES.min(inflate::decode_left());
            match inflate::gunzip_checked(&bytes, limit) {
                Ok(out) if inflate::spend_decoded(out.len()) => String::from_utf8(out).ok()?,
                Ok(_) => return None,
                Err(inflate::GzError::TooLarge) => {
                    inflate::decoding_refused();
                    return None;
                }
                Err(inflate::GzError::Malformed) => return None,
            }
        }
        // Unknown compression: the contents are unknown.
        _ => return None,
    };
    Some(Embedded::whole(decoded, source.span))
}

/// `data:[<media type>][;base64],<data>` → text; `None` for other schemes or bad data.
pub fn decode_data_url(url: &str) -> Option<String> {
    String::from_utf8(decode_data_url_bytes(url)?).ok()
}

/// `data:` URL → its bytes.
pub fn decode_data_url_bytes(url: &str) -> Option<Vec<u8>> {
    let rest = url.strip_prefix("data:")?;
    let (meta, data) = rest.split_once(',')?;
    let bytes = if meta.ends_with(";base64") {
        let compact: String = data.chars().filter(|c| !c.is_whitespace()).collect();
        let unescaped = percent_encoding::percent_decode_str(&compact).collect::<Vec<u8>>();
        base64::engine::general_purpose::STANDARD
            .decode(&unescaped)
            .or_else(|_| base64::engine::general_purpose::STANDARD_NO_PAD.decode(&unescaped))
            .ok()?
    } else {
        percent_encoding::percent_decode_str(data).collect()
    };
    Some(bytes)
}

/// Parses the contents of a configuration file the host config writes, by its path.
pub(super) fn parse_written_file(path: &str, c: &Embedded, facts: &mut FileFacts) {
    use HostConfigKind::*;
    if let Some(unit) = systemd_unit_of(path) {
        let source = unit.as_str();
        return facts.append(host_facts(c, SystemdUnit, source));
    }
    let kind = match path {
        "/etc/ssh/sshd_config" => Sshd,
        "/etc/sysctl.conf" => Sysctl,
        "/etc/flatcar/update.conf" | "/etc/coreos/update.conf" => FlatcarUpdate,
        "/etc/selinux/config" => Selinux,
        "/etc/sudoers" => Sudoers,
        "/etc/docker/daemon.json" => DockerDaemon,
        "/etc/containerd/config.toml" => Containerd,
        _ if path.starts_with("/etc/ssh/sshd_config.d/") => Sshd,
        _ if path.starts_with("/etc/sysctl.d/") && path.ends_with(".conf") => Sysctl,
        _ if path.starts_with("/etc/zincati/config.d/") => Zincati,
        _ if path.starts_with("/etc/sudoers.d/") => Sudoers,
        _ => return,
    };
    facts.append(host_facts(c, kind, path));
}

/// Kubernetes component configuration written as a file (a KubeletConfiguration, a static
/// pod, a kubeadm config, an etcd environment file) becomes component facts, with spans mapped
/// from the written text back into the host config.
pub(super) fn embedded_components(
    path: &str,
    path_span: Span,
    c: &Embedded,
    facts: &mut FileFacts,
) {
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".yaml") || lower.ends_with(".yml") || lower.ends_with(".json") {
        // Templated text may not parse; what does parse is used, the rest is unknown.
        let format = if lower.ends_with(".json") {
            DocFormat::Json
        } else {
            DocFormat::Yaml
        };
        // Only the component settings: the rest of such a file is not the host config's.
        facts.embedded_docs.push(EmbeddedDoc {
            text: c.clone(),
            format,
            want: Want::ComponentFiles,
        });
    } else if lower.contains("etcd") && (lower.ends_with(".env") || lower.ends_with(".conf")) {
        let settings: Vec<Setting> = hostconf::key_values(&c.text)
            .into_iter()
            .filter_map(|l| {
                let name = l
                    .key
                    .strip_prefix("ETCD_")?
                    .to_ascii_lowercase()
                    .replace('_', "-");
                let span = c.line_span(l.line);
                Some(Setting {
                    name,
                    written: format!("{}={}", l.key, l.value),
                    at: Located::written(Some(l.value), span, span),
                })
            })
            .collect();
        if !settings.is_empty() {
            facts.components.push(ComponentConfig {
                component: Component::Etcd,
                origin: Origin::HostConfig,
                anchor: path_span,
                settings,
            });
        }
    }
}

/// Kubernetes components run by a systemd unit: the flags after the binary in `ExecStart`
/// (`/usr/bin/kubelet --anonymous-auth=false`, `etcd --client-cert-auth`), and for etcd units
/// the `ETCD_*` variables of `Environment=`. Each flag keeps the span of its own line.
pub(super) fn unit_components(unit: &str, c: &Embedded, facts: &mut FileFacts) {
    let raw: Vec<&str> = c.text.lines().collect();
    let mut etcd_env = Vec::new();
    for l in hostconf::systemd(&c.text) {
        if l.key == "ExecStart" {
            if let Some(comp) = exec_component(&raw, l.line, c) {
                facts.components.push(comp);
            }
        } else if l.key == "Environment" && unit.contains("etcd") {
            let span = c.line_span(l.line);
            for word in shell_words(&l.value) {
                let Some((k, v)) = word.split_once('=') else {
                    continue;
                };
                let Some(name) = k.strip_prefix("ETCD_") else {
                    continue;
                };
                if is_templated(v) {
                    continue;
                }
                etcd_env.push(Setting {
                    name: name.to_ascii_lowercase().replace('_', "-"),
                    written: word.clone(),
                    at: Located::written(Some(v.to_string()), span, span),
                });
            }
        }
    }
    if let Some(first) = etcd_env.first() {
        facts.components.push(ComponentConfig {
            component: Component::Etcd,
            origin: Origin::HostConfig,
            anchor: first.span,
            settings: etcd_env,
        });
    }
}

/// Whitespace-separated words with systemd's quoting removed (`"A=1" "B=2"` → `A=1`, `B=2`).
fn shell_words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote = None;
    for ch in s.chars() {
        match (quote, ch) {
            (None, '"' | '\'') => quote = Some(ch),
            (Some(q), _) if ch == q => quote = None,
            (None, c) if c.is_whitespace() => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            _ => cur.push(ch),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The component an `ExecStart` starting at text line `first` runs, with its flags. Tokens are
/// read line by line across `\` continuations so each keeps its own span.
fn exec_component(raw: &[&str], first: usize, c: &Embedded) -> Option<ComponentConfig> {
    // (token without quotes, span) for every word after `ExecStart=`.
    let mut tokens: Vec<(String, Span)> = Vec::new();
    for (k, line) in raw.iter().enumerate().skip(first) {
        let body = if k == first {
            line.split_once('=').map_or("", |(_, v)| v)
        } else {
            line
        };
        let base = line.len() - body.len();
        let mut pos = 0;
        for word in body.split_whitespace() {
            let at = pos + body[pos..].find(word).unwrap_or(0);
            pos = at + word.len();
            if word == "\\" {
                continue;
            }
            let span = c.map_in_line(k, base + at..base + at + word.len());
            tokens.push((word.trim_end_matches('\\').replace(['"', '\''], ""), span));
        }
        if !line.trim_end().ends_with('\\') {
            break;
        }
    }
    // The binary is the command itself (after systemd's `-@+!:` prefixes), or CoreOS's
    // `etcd-wrapper`/`kubelet-wrapper`, which pass their flags through.
    let (cmd, anchor) = tokens.first()?;
    let cmd = cmd.trim_start_matches(['-', '@', '+', '!', ':']);
    let component = Component::from_binary(cmd.strip_suffix("-wrapper").unwrap_or(cmd))?;
    let mut settings = Vec::new();
    let rest = &tokens[1..];
    let mut i = 0;
    while i < rest.len() {
        let (tok, span) = &rest[i];
        i += 1;
        let Some(flag) = super::flags::parse_token(tok) else {
            continue;
        };
        let mut setting = Setting {
            name: flag.name.to_string(),
            written: tok.clone(),
            at: Located::written(flag.value.map(str::to_string), *span, *span),
        };
        if flag.value.is_none() {
            if let Some((v, vspan)) = rest.get(i).filter(|(v, _)| !v.starts_with('-')) {
                setting.value = Some(v.clone());
                setting.value_span = *vspan;
                setting.written = format!("{tok} {v}");
                i += 1;
            }
        }
        // An interpolated value is unknown: leave the setting out.
        if setting.value.as_deref().is_some_and(is_templated) {
            continue;
        }
        settings.push(setting);
    }
    Some(ComponentConfig {
        component,
        origin: Origin::HostConfig,
        anchor: *anchor,
        settings,
    })
}

/// The unit a file under a systemd directory configures: `/etc/systemd/system/x.service` or a
/// drop-in `/etc/systemd/system/x.service.d/y.conf`.
fn systemd_unit_of(path: &str) -> Option<String> {
    let rest = [
        "/etc/systemd/system/",
        "/usr/lib/systemd/system/",
        "/lib/systemd/system/",
    ]
    .iter()
    .find_map(|d| path.strip_prefix(d))?;
    let unit = match rest.split_once(".d/") {
        Some((unit, _)) => unit,
        None => rest,
    };
    let is_unit = [".service", ".socket", ".timer", ".path", ".mount"]
        .iter()
        .any(|s| unit.ends_with(s));
    is_unit.then(|| unit.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_urls() {
        assert_eq!(decode_data_url("data:,a%20b%0A").as_deref(), Some("a b\n"));
        assert_eq!(
            decode_data_url("data:text/plain;charset=utf-8;base64,aGVsbG8=").as_deref(),
            Some("hello")
        );
        assert_eq!(decode_data_url("https://x"), None);
    }

    #[test]
    fn units_from_paths() {
        assert_eq!(
            systemd_unit_of("/etc/systemd/system/docker.service.d/10-tcp.conf").as_deref(),
            Some("docker.service")
        );
        assert_eq!(
            systemd_unit_of("/etc/systemd/system/a.socket").as_deref(),
            Some("a.socket")
        );
        assert_eq!(systemd_unit_of("/etc/hosts"), None);
    }
}

#[cfg(test)]
mod component_tests {
    use crate::facts::{Component, FileFacts, Origin};

    #[test]
    fn systemd_quotes_are_removed() {
        assert_eq!(
            super::shell_words(r#""ETCD_A=1" ETCD_B='x y'  C"#),
            ["ETCD_A=1", "ETCD_B=x y", "C"]
        );
    }

    #[test]
    fn etcd_unit_environment_and_flags() {
        let text = "variant: flatcar\nversion: 1.0.0\nsystemd:\n  units:\n    - name: etcd-member.service\n      dropins:\n        - name: 20.conf\n          contents: |\n            [Service]\n            Environment=\"ETCD_CLIENT_CERT_AUTH=false\" \"ETCD_NAME=${name}\"\n            ExecStart=/usr/lib/coreos/etcd-wrapper $ETCD_OPTS \\\n              --listen-client-urls=http://0.0.0.0:2379\n";
        let (docs, _) = crate::parse::yaml::parse(text);
        let mut facts = FileFacts::default();
        crate::extract::document(&docs[0], text, &mut facts);
        let etcd: Vec<_> = facts
            .components
            .iter()
            .filter(|c| c.component == Component::Etcd)
            .collect();
        assert_eq!(etcd.len(), 2);
        assert!(etcd.iter().all(|c| c.origin == Origin::HostConfig));
        let urls = etcd
            .iter()
            .find_map(|c| c.get("listen-client-urls"))
            .unwrap();
        assert_eq!(
            &text[urls.span.start..urls.span.end],
            "--listen-client-urls=http://0.0.0.0:2379"
        );
        let env = etcd.iter().find_map(|c| c.get("client-cert-auth")).unwrap();
        assert_eq!(env.value.as_deref(), Some("false"));
        assert!(etcd.iter().all(|c| c.get("name").is_none()));
    }

    #[test]
    fn etcd_env_file_becomes_etcd_settings() {
        let text = "variant: flatcar\nversion: 1.0.0\nstorage:\n  files:\n    - path: /etc/etcd/etcd.env\n      contents:\n        inline: |\n          ETCD_NAME=${etcd_name}\n          ETCD_CLIENT_CERT_AUTH=true\n";
        let (docs, _) = crate::parse::yaml::parse(text);
        let mut facts = FileFacts::default();
        crate::extract::document(&docs[0], text, &mut facts);
        let etcd = &facts.components[0];
        assert_eq!(
            (etcd.component, etcd.origin),
            (Component::Etcd, Origin::HostConfig)
        );
        let s = etcd.get("client-cert-auth").unwrap();
        assert_eq!(
            &text[s.span.start..s.span.end],
            "ETCD_CLIENT_CERT_AUTH=true"
        );
    }
}
