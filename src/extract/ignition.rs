//! Ignition JSON (2.x and 3.x) and Butane YAML (fcos, flatcar, …) describe the same host
//! resources with different key spellings (`passwordHash` / `password_hash`); both lower to the
//! same facts: remote resources, files with decoded contents, units, users, kernel arguments,
//! and (through `written`) the settings parsed out of the files and units they write.

use super::embedded::{host_facts, into_host_text, Embedded};
use super::written::{contents, embedded_components, parse_written_file, unit_components};
use crate::facts::{
    is_templated, FileFacts, HostConfigKind, HostFile, HostUnit, HostUser, KernelArg,
    RemoteResource,
};
use crate::facts::{HttpHeader, Located, Named};
use crate::parse::Node;
use crate::source::Span;

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
                facts.host.proxies.push(Named {
                    name: format!("ignition.proxy.{key}"),
                    at: Located::at(url.to_string(), v.span),
                });
            }
        }
    }
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
                facts.host.http_headers.push(HttpHeader {
                    resource: what.to_string(),
                    name: name.to_string(),
                    at: Located::at(v.to_string(), value.span),
                });
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
        let appended: Vec<Embedded> = file
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
            contents: written.map(into_host_text),
            appended: appended.into_iter().map(into_host_text).collect(),
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
        let contents = unit.get("contents").and_then(|c| Embedded::scalar(c, text));
        let dropins: Vec<Embedded> = unit
            .get("dropins")
            .map(Node::items)
            .unwrap_or(&[])
            .iter()
            .filter_map(|d| d.get("contents").and_then(|c| Embedded::scalar(c, text)))
            .collect();
        for c in contents.iter().chain(&dropins) {
            unit_components(name, c, facts);
        }
        let unit_kind = HostConfigKind::SystemdUnit;
        if let Some(c) = &contents {
            facts.append(host_facts(c, unit_kind, name));
            note_reboot_manager(&c.text, c.span, facts);
        }
        for c in &dropins {
            facts.append(host_facts(c, unit_kind, name));
        }
        facts.host.units.push(HostUnit {
            name: name.to_string(),
            name_span: name_node.span,
            // Ignition 2.0 spelled it `enable`.
            enabled: unit
                .get("enabled")
                .or_else(|| unit.get("enable"))
                .and_then(|e| Some(Located::at(e.as_bool()?, e.span))),
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
        let strings = |key: &str| -> Vec<Located<String>> {
            user.get(key)
                .map(Node::items)
                .unwrap_or(&[])
                .iter()
                .filter_map(|n| Some(Located::at(n.as_str()?.to_string(), n.span)))
                .filter(|s| !is_templated(&s.value))
                .collect()
        };
        facts.host.users.push(HostUser {
            name: name_node.as_str().unwrap_or("?").to_string(),
            name_span: name_node.span,
            password_hash: user
                .get(hash_key)
                .and_then(|h| Some(Located::at(h.as_str()?.to_string(), h.span)))
                .filter(|h| !is_templated(&h.value)),
            ssh_keys: strings(keys_key),
            groups: strings("groups"),
        });
    }
}
