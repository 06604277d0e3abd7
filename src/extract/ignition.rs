//! Ignition JSON (2.x and 3.x) and Butane YAML (fcos, flatcar, …) describe the same host
//! resources with different key spellings (`passwordHash` / `password_hash`); both lower to the
//! same facts: remote resources, files with decoded contents, units, users, kernel arguments,
//! and the settings parsed out of the configuration files they write.

use crate::extract::hostconf::{self, Line};
use crate::facts::{
    is_templated, Component, ComponentConfig, FileFacts, HostConfigKind, HostEntry, HostFile,
    HostText, HostUnit, HostUser, KernelArg, Origin, RemoteResource, Setting,
};
use crate::parse::{Node, Style};
use crate::source::Span;
use base64::Engine;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Ignition,
    Butane,
}

impl Dialect {
    /// The key as this dialect spells it: Ignition camelCase, Butane snake_case.
    fn key(self, camel: &'static str, snake: &'static str) -> &'static str {
        match self {
            Dialect::Ignition => camel,
            Dialect::Butane => snake,
        }
    }
}

pub fn extract(root: &Node, dialect: Dialect, text: &str, facts: &mut FileFacts) {
    remote_resources(root, dialect, facts);
    files(root, text, facts);
    units(root, text, facts);
    users(root, dialect, facts);
    let ka = dialect.key("kernelArguments", "kernel_arguments");
    let exist = dialect.key("shouldExist", "should_exist");
    for arg in root.path(&[ka, exist]).map(Node::items).unwrap_or(&[]) {
        if let Some(a) = arg.as_str().filter(|a| !is_templated(a)) {
            facts.host.kernel_args.push(KernelArg {
                arg: a.to_string(),
                span: arg.span,
            });
        }
    }
    for key in [
        dialect.key("httpProxy", "http_proxy"),
        dialect.key("httpsProxy", "https_proxy"),
    ] {
        if let Some(v) = root.path(&["ignition", "proxy", key]) {
            if let Some(url) = v.as_str().filter(|u| !is_templated(u)) {
                facts
                    .host
                    .proxies
                    .push((format!("ignition.proxy.{key}"), url.to_string(), v.span));
            }
        }
    }
}

/// Terraform `templatefile` directives on lines of their own (`%{ if x ~}`, `%{ endfor }`) are
/// replaced by spaces in Butane files, so the YAML around them parses and every byte keeps its
/// position; both branches of a conditional are then read. `None` when there is nothing to mask.
pub fn mask_template_directives(text: &str) -> Option<String> {
    if !text.contains("%{") || !text.contains("variant:") {
        return None;
    }
    Some(blank_directive_lines(text))
}

/// `text` with every line that holds only a `%{ … }` directive turned into spaces.
pub fn blank_directive_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if t.starts_with("%{") && t.ends_with('}') && t.matches("%{").count() == 1 {
            for c in line.chars() {
                match c {
                    '\n' | '\r' => out.push(c),
                    // One space per byte keeps every later offset unchanged.
                    _ => out.extend(std::iter::repeat_n(' ', c.len_utf8())),
                }
            }
        } else {
            out.push_str(line);
        }
    }
    out
}

fn remote_resources(root: &Node, dialect: Dialect, facts: &mut FileFacts) {
    let mut push = |what: String, node: &Node| {
        headers(&what, node, facts);
        if let Some(r) = remote(what, node) {
            facts.remote_resources.push(r);
        }
    };
    if let Some(config) = root.path(&["ignition", "config"]) {
        // `merge` in Ignition 3 and Butane, `append` in Ignition 2.
        for key in ["merge", "append"] {
            for (i, item) in config
                .get(key)
                .map(Node::items)
                .unwrap_or(&[])
                .iter()
                .enumerate()
            {
                push(format!("ignition.config.{key}[{i}]"), item);
            }
        }
        if let Some(replace) = config.get("replace") {
            push("ignition.config.replace".into(), replace);
        }
    }
    let ca_key = dialect.key("certificateAuthorities", "certificate_authorities");
    if let Some(cas) = root.path(&["ignition", "security", "tls", ca_key]) {
        for (i, ca) in cas.items().iter().enumerate() {
            push(format!("ignition.security.tls.{ca_key}[{i}]"), ca);
        }
    }
    for file in root
        .path(&["storage", "files"])
        .map(Node::items)
        .unwrap_or(&[])
    {
        let path = file.get_str("path").unwrap_or("?");
        if let Some(contents) = file.get("contents") {
            push(format!("storage.files[\"{path}\"].contents"), contents);
        }
        for (i, part) in file
            .get("append")
            .map(Node::items)
            .unwrap_or(&[])
            .iter()
            .enumerate()
        {
            push(format!("storage.files[\"{path}\"].append[{i}]"), part);
        }
    }
    let key_file = dialect.key("keyFile", "key_file");
    for luks in root
        .path(&["storage", "luks"])
        .map(Node::items)
        .unwrap_or(&[])
    {
        let name = luks.get_str("name").unwrap_or("?");
        if let Some(k) = luks.get(key_file) {
            push(format!("storage.luks[\"{name}\"].{key_file}"), k);
        }
    }
}

/// Headers sent with a remote fetch (`httpHeaders` / `http_headers`).
fn headers(what: &str, node: &Node, facts: &mut FileFacts) {
    for key in ["httpHeaders", "http_headers"] {
        for h in node.get(key).map(Node::items).unwrap_or(&[]) {
            let (Some(name), Some(value)) = (h.get_str("name"), h.get("value")) else {
                continue;
            };
            if let Some(v) = value.as_str().filter(|v| !is_templated(v)) {
                facts.host.http_headers.push((
                    what.to_string(),
                    name.to_string(),
                    v.to_string(),
                    value.span,
                ));
            }
        }
    }
}

fn remote(what: String, node: &Node) -> Option<RemoteResource> {
    let source = node.get("source")?;
    let url = source.as_str()?.to_string();
    let verified = node
        .path(&["verification", "hash"])
        .and_then(Node::as_str)
        .is_some_and(|h| !h.trim().is_empty());
    Some(RemoteResource {
        what,
        url,
        span: source.span,
        verified,
    })
}

fn files(root: &Node, text: &str, facts: &mut FileFacts) {
    for file in root
        .path(&["storage", "files"])
        .map(Node::items)
        .unwrap_or(&[])
    {
        let Some(path_node) = file.get("path") else {
            continue;
        };
        let Some(path) = path_node.as_str().filter(|p| !is_templated(p)) else {
            continue;
        };
        let mode_node = file.get("mode");
        // Ignition writes modes in decimal (420), Butane in YAML 1.1 octal (0644): both are
        // integers once read, so `as_int` serves both.
        let mode = mode_node
            .and_then(Node::as_int)
            .and_then(|m| u32::try_from(m).ok());
        let written = file.get("contents").and_then(|c| contents(c, text));
        if let Some(c) = &written {
            parse_written_file(path, c, facts);
            embedded_components(path, path_node.span, c, facts);
            note_reboot_manager(&c.text, c.span, facts);
        }
        // Appended fragments (`append[]`) configure the file just like its contents.
        let appended: Vec<HostText> = file
            .get("append")
            .map(Node::items)
            .unwrap_or(&[])
            .iter()
            .filter_map(|a| contents(a, text))
            .collect();
        for c in &appended {
            parse_written_file(path, c, facts);
            note_reboot_manager(&c.text, c.span, facts);
        }
        facts.host.files.push(HostFile {
            path: path.to_string(),
            path_span: path_node.span,
            mode,
            mode_span: mode_node.map(|m| m.span),
            contents: written,
            appended,
        });
    }
}

/// Decoded contents of a resource, when the config itself holds them.
fn contents(node: &Node, text: &str) -> Option<HostText> {
    if let Some(inline) = node.get("inline") {
        return host_text(inline, text);
    }
    let source = node.get("source")?;
    let bytes = decode_data_url_bytes(source.as_str()?)?;
    let decoded = match node.get_str("compression").unwrap_or("") {
        "" => String::from_utf8(bytes).ok()?,
        "gzip" => String::from_utf8(super::inflate::gunzip(
            &bytes,
            crate::MAX_FILE_BYTES as usize,
        )?)
        .ok()?,
        // Unknown compression: the contents are unknown.
        _ => return None,
    };
    Some(HostText {
        text: decoded,
        span: source.span,
        line_spans: Vec::new(),
    })
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

/// A text value with its lines mapped back into the scanned file where that is exact: YAML
/// literal blocks (`|`) line by line, single-line scalars as a whole.
fn host_text(node: &Node, text: &str) -> Option<HostText> {
    let scalar = node.as_scalar()?;
    let value = scalar.text.clone();
    let span = node.span;
    let mut line_spans = Vec::new();
    if !value.contains('\n') {
        line_spans.push(span);
    } else if scalar.style == Style::Block {
        line_spans = literal_lines(&value, text, span.start).unwrap_or_default();
    }
    Some(HostText {
        text: value,
        span,
        line_spans,
    })
}

/// Spans of each line of a block scalar whose span starts at `start` (its `|` header or its
/// first content line); `None` when the source does not line up line for line (folded text),
/// and findings then fall back to the whole value.
fn literal_lines(value: &str, text: &str, start: usize) -> Option<Vec<Span>> {
    let mut pos = if text.get(start..)?.starts_with(['|', '>']) {
        start + text[start..].find('\n')? + 1
    } else {
        text.get(..start)?.rfind('\n').map_or(0, |i| i + 1)
    };
    let mut spans = Vec::new();
    for line in value.lines() {
        let rest = text.get(pos..)?;
        let len = rest.find('\n').unwrap_or(rest.len());
        let src = rest[..len].trim_end_matches('\r');
        if line.is_empty() {
            spans.push(Span::new(pos, pos + src.len()));
        } else if src.ends_with(line) {
            spans.push(Span::new(pos + src.len() - line.len(), pos + src.len()));
        } else {
            return None;
        }
        pos += len + 1;
    }
    Some(spans)
}

/// Parses the contents of a configuration file the host config writes, by its path.
fn parse_written_file(path: &str, c: &HostText, facts: &mut FileFacts) {
    use HostConfigKind::*;
    if let Some(unit) = systemd_unit_of(path) {
        let lines = hostconf::systemd(&c.text);
        return push_lines(SystemdUnit, &unit, lines, c, facts);
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
    let lines = match kind {
        Sshd => hostconf::sshd(&c.text),
        Sudoers => hostconf::sudoers(&c.text),
        DockerDaemon => hostconf::docker_hosts(&c.text),
        _ => hostconf::key_values(&c.text),
    };
    push_lines(kind, path, lines, c, facts);
}

/// Kubernetes component configuration written as a file (a KubeletConfiguration, a static
/// pod, a kubeadm config, an etcd environment file) becomes component facts, with spans mapped
/// from the written text back into the host config.
fn embedded_components(path: &str, path_span: Span, c: &HostText, facts: &mut FileFacts) {
    use crate::classify::{classify, DocKind};
    let lower = path.to_ascii_lowercase();
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(c.text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let map = |s: Span| map_span(s, c, &line_starts);
    if lower.ends_with(".yaml") || lower.ends_with(".yml") || lower.ends_with(".json") {
        // Templated text may not parse; what does parse is used, the rest is unknown.
        let docs = if lower.ends_with(".json") {
            crate::parse::json::parse(&c.text)
                .ok()
                .flatten()
                .into_iter()
                .collect()
        } else {
            crate::parse::yaml::parse(&c.text).0
        };
        for doc in &docs {
            let wanted = match classify(&doc.root) {
                DocKind::Kubeadm { .. } | DocKind::KubeletConfiguration => true,
                DocKind::Object { kind, .. } => kind == "Pod",
                _ => false,
            };
            if !wanted {
                continue;
            }
            let mut sub = FileFacts::default();
            crate::extract::document(doc, &c.text, &mut sub);
            for mut comp in sub.components {
                comp.anchor = map(comp.anchor);
                for s in &mut comp.settings {
                    s.span = map(s.span);
                    s.value_span = map(s.value_span);
                }
                facts.components.push(comp);
            }
        }
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
                    written: format!("{}={}", l.key, l.value),
                    name,
                    value: Some(l.value),
                    span,
                    value_span: span,
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
fn unit_components(unit: &str, c: &HostText, facts: &mut FileFacts) {
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
                    value: Some(v.to_string()),
                    span,
                    value_span: span,
                    written: word.clone(),
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
fn exec_component(raw: &[&str], first: usize, c: &HostText) -> Option<ComponentConfig> {
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
            let span = match c.line_spans.get(k) {
                Some(ls) => {
                    let start = (ls.start + base + at).min(ls.end);
                    Span::new(start, (start + word.len()).min(ls.end))
                }
                None => c.span,
            };
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
            value: flag.value.map(str::to_string),
            span: *span,
            value_span: *span,
            written: tok.clone(),
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

/// Maps a span inside written text to the scanned file: exact when the text's lines are mapped
/// (a literal block: each line keeps its columns), else the whole value.
fn map_span(s: Span, c: &HostText, line_starts: &[usize]) -> Span {
    if c.line_spans.is_empty() {
        return c.span;
    }
    let point = |o: usize| -> usize {
        // `line_starts[0] == 0`, so the line is the last start at or before `o`.
        let line = line_starts.partition_point(|&st| st <= o).saturating_sub(1);
        let col = o - line_starts.get(line).copied().unwrap_or(0);
        let l = c.line_span(line);
        (l.start + col).min(l.end)
    };
    Span::new(point(s.start), point(s.end))
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

fn push_lines(
    kind: HostConfigKind,
    source: &str,
    lines: Vec<Line>,
    c: &HostText,
    facts: &mut FileFacts,
) {
    for l in lines {
        // An interpolated value is unknown: never a finding.
        if is_templated(&l.value) || is_templated(&l.key) {
            continue;
        }
        facts.host.entries.push(HostEntry {
            kind,
            source: source.to_string(),
            section: l.section,
            key: l.key,
            value: l.value,
            span: c.line_span(l.line),
        });
    }
}

/// FLUO (flatcar-linux-update-operator) and kured reboot nodes after updates in place of
/// locksmithd; their mention anywhere in the config means reboots are handled.
fn note_reboot_manager(s: &str, span: Span, facts: &mut FileFacts) {
    let l = s.to_ascii_lowercase();
    if facts.host.reboot_manager.is_none()
        && (l.contains("kured") || l.contains("flatcar-linux-update"))
    {
        facts.host.reboot_manager = Some(span);
    }
}

fn units(root: &Node, text: &str, facts: &mut FileFacts) {
    for unit in root
        .path(&["systemd", "units"])
        .map(Node::items)
        .unwrap_or(&[])
    {
        let Some(name_node) = unit.get("name") else {
            continue;
        };
        let Some(name) = name_node.as_str().filter(|n| !is_templated(n)) else {
            continue;
        };
        note_reboot_manager(name, name_node.span, facts);
        let contents = unit.get("contents").and_then(|c| host_text(c, text));
        let dropins: Vec<HostText> = unit
            .get("dropins")
            .map(Node::items)
            .unwrap_or(&[])
            .iter()
            .filter_map(|d| d.get("contents").and_then(|c| host_text(c, text)))
            .collect();
        for c in contents.iter().chain(&dropins) {
            unit_components(name, c, facts);
        }
        if let Some(c) = &contents {
            push_lines(
                HostConfigKind::SystemdUnit,
                name,
                hostconf::systemd(&c.text),
                c,
                facts,
            );
            note_reboot_manager(&c.text, c.span, facts);
        }
        for c in &dropins {
            let lines = hostconf::systemd(&c.text);
            push_lines(HostConfigKind::SystemdUnit, name, lines, c, facts);
        }
        facts.host.units.push(HostUnit {
            name: name.to_string(),
            name_span: name_node.span,
            // Ignition 2.0 spelled it `enable`.
            enabled: unit
                .get("enabled")
                .or_else(|| unit.get("enable"))
                .and_then(|e| Some((e.as_bool()?, e.span))),
            masked: unit
                .get("mask")
                .filter(|m| m.as_bool() == Some(true))
                .map(|m| m.span),
            has_contents: contents.is_some(),
        });
    }
}

fn users(root: &Node, dialect: Dialect, facts: &mut FileFacts) {
    let hash_key = dialect.key("passwordHash", "password_hash");
    let keys_key = dialect.key("sshAuthorizedKeys", "ssh_authorized_keys");
    for user in root
        .path(&["passwd", "users"])
        .map(Node::items)
        .unwrap_or(&[])
    {
        let Some(name_node) = user.get("name") else {
            continue;
        };
        let strings = |key: &str| -> Vec<(String, Span)> {
            user.get(key)
                .map(Node::items)
                .unwrap_or(&[])
                .iter()
                .filter_map(|n| Some((n.as_str()?.to_string(), n.span)))
                .filter(|(s, _)| !is_templated(s))
                .collect()
        };
        facts.host.users.push(HostUser {
            name: name_node.as_str().unwrap_or("?").to_string(),
            name_span: name_node.span,
            password_hash: user
                .get(hash_key)
                .and_then(|h| Some((h.as_str()?.to_string(), h.span)))
                .filter(|(h, _)| !is_templated(h)),
            ssh_keys: strings(keys_key),
            groups: strings("groups"),
        });
    }
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

    #[test]
    fn literal_block_lines_map() {
        let text = "x: |\n  [Unit]\n\n  A=b\n";
        let (docs, _) = crate::parse::yaml::parse(text);
        let n = docs[0].root.get("x").unwrap();
        let t = host_text(n, text).unwrap();
        assert_eq!(&text[t.line_span(2).start..t.line_span(2).end], "A=b");
    }
}

#[cfg(test)]
mod component_tests {
    use crate::facts::{Component, FileFacts, Origin};

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

#[cfg(test)]
mod template_tests {
    #[test]
    fn directives_are_blanked_in_place() {
        let text = "variant: fcos\n%{ if é ~}\nversion: 1.5.0\n";
        let m = super::mask_template_directives(text).unwrap();
        assert_eq!(m.len(), text.len());
        assert_eq!(m.find("version"), text.find("version"));
        assert!(!m.contains("%{"));
        assert!(super::mask_template_directives("a: 1\n").is_none());
    }
}
