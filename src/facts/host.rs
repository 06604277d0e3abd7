//! Host facts: what Ignition, Butane and Bottlerocket configs put on a node (files, units,
//! users, kernel arguments, settings) and what the node fetches at boot.

use super::located::Located;
use super::FileFacts;
use crate::source::Span;
/// A file or config fetched by a host at boot (Ignition/Butane).
#[derive(Clone, Debug)]
pub struct RemoteResource {
    /// What is fetched: `storage.files["/etc/foo"].contents`, `ignition.config.merge[0]`.
    pub what: String,
    pub url: String,
    pub span: Span,
    /// Whether `verification.hash` is present.
    pub verified: bool,
}

/// A host setting by its dotted path (Bottlerocket `settings.host-containers.admin.enabled`).
#[derive(Clone, Debug)]
pub struct HostSetting {
    pub path: String,
    /// The scalar value as text (booleans `true`/`false`), at its key (`span`) and value.
    pub at: super::located::Located<String>,
}

super::located::located_fact!(HostSetting => String);

/// Text a host config writes (a file's decoded contents, a unit body or drop-in), with the
/// span of each of its lines when they can be mapped back into the scanned file.
#[derive(Clone, Debug)]
pub struct HostText {
    pub text: String,
    /// The value that holds the text (`inline`, `contents`, a `source` data URL).
    pub span: Span,
    /// One span per line of `text`; empty when lines cannot be mapped (data URLs, folded text).
    pub line_spans: Vec<Span>,
}

impl HostText {
    /// Where line `i` (0-based) of the text is, or the whole value when lines are not mapped.
    pub fn line_span(&self, i: usize) -> Span {
        self.line_spans.get(i).copied().unwrap_or(self.span)
    }
}

/// A file written on the host by Ignition/Butane (`storage.files[]`).
#[derive(Clone, Debug)]
pub struct HostFile {
    pub path: String,
    pub path_span: Span,
    /// Permission bits; `None` when unset (Ignition then uses 0644) or templated.
    pub mode: Option<u32>,
    /// The `mode` value as written, even when it is not a number (`${mode}`: unknown).
    pub mode_span: Option<Span>,
    /// Decoded contents when written in the config (`inline`, `data:` URL), else `None`.
    pub contents: Option<HostText>,
    /// Decoded fragments appended to the file (`append[]`), those written in the config.
    pub appended: Vec<HostText>,
}

/// A systemd unit declared by Ignition/Butane (`systemd.units[]`).
#[derive(Clone, Debug)]
pub struct HostUnit {
    pub name: String,
    pub name_span: Span,
    /// `enabled:` as written, at its value.
    pub enabled: Option<Located<bool>>,
    /// The span of `mask: true`.
    pub masked: Option<Span>,
    pub has_contents: bool,
}

/// What kind of host configuration a [`HostEntry`] was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostConfigKind {
    /// A systemd unit or drop-in (`[Section]` `Key=value`).
    SystemdUnit,
    /// `sshd_config` or a file under `sshd_config.d/` (keyword lower-cased).
    Sshd,
    /// A sysctl (`/etc/sysctl.d/*.conf`, Bottlerocket `settings.kernel.sysctl`).
    Sysctl,
    /// Flatcar `/etc/flatcar/update.conf` (or the older `/etc/coreos/update.conf`).
    FlatcarUpdate,
    /// Zincati `/etc/zincati/config.d/*.toml` (`section` is the TOML table).
    Zincati,
    /// Docker's `/etc/docker/daemon.json` (`hosts` entries, one per value).
    DockerDaemon,
    /// `/etc/selinux/config` (`SELINUX=`).
    Selinux,
    /// containerd's `/etc/containerd/config.toml` (`section` is the TOML table).
    Containerd,
    /// `/etc/sudoers` or `/etc/sudoers.d/*`: `key` is the user or group, `value` the whole rule.
    Sudoers,
}

/// One `key = value` line of a host configuration file or unit, parsed from written contents.
#[derive(Clone, Debug)]
pub struct HostEntry {
    pub kind: HostConfigKind,
    /// The unit name or file path it came from.
    pub source: String,
    /// The section (`Service`, `updates`), empty when the format has none.
    pub section: String,
    pub key: String,
    pub value: String,
    pub span: Span,
}

/// A local user declared by Ignition/Butane (`passwd.users[]`).
#[derive(Clone, Debug)]
pub struct HostUser {
    pub name: String,
    pub name_span: Span,
    pub password_hash: Option<Located<String>>,
    pub ssh_keys: Vec<Located<String>>,
    pub groups: Vec<Located<String>>,
}

/// A kernel command-line argument the config adds (`kernelArguments.shouldExist`,
/// Bottlerocket `settings.boot.kernel-parameters`), as `name` or `name=value`.
#[derive(Clone, Debug)]
pub struct KernelArg {
    pub arg: String,
    pub span: Span,
}

/// Host-side facts of one file (Ignition, Butane, Bottlerocket).
#[derive(Default, Debug)]
pub struct HostFacts {
    pub files: Vec<HostFile>,
    pub units: Vec<HostUnit>,
    pub entries: Vec<HostEntry>,
    pub users: Vec<HostUser>,
    pub kernel_args: Vec<KernelArg>,
    /// `ignition.proxy` settings, by their key as written (`ignition.proxy.httpsProxy`).
    pub proxies: Vec<Named>,
    /// Where a Kubernetes reboot manager (FLUO, kured) shows up in the file, if it does.
    pub reboot_manager: Option<Span>,
    /// HTTP headers sent when fetching remote resources.
    pub http_headers: Vec<HttpHeader>,
}

/// A value under a name (a proxy setting by its key).
#[derive(Clone, Debug)]
pub struct Named {
    pub name: String,
    pub at: Located<String>,
}

/// An HTTP header a host sends when fetching `resource`, with its value.
#[derive(Clone, Debug)]
pub struct HttpHeader {
    pub resource: String,
    pub name: String,
    pub at: Located<String>,
}

super::located::located_fact!(Named => String, HttpHeader => String);

/// Whether a value is (partly) a template interpolation, hence unknown: `${var}`, `%{ if }`.
pub fn is_templated(s: &str) -> bool {
    s.contains("${") || s.contains("%{")
}

impl HostFacts {
    /// The parsed lines of one kind of host configuration.
    pub fn entries_of(&self, kind: HostConfigKind) -> impl Iterator<Item = &HostEntry> {
        self.entries.iter().filter(move |e| e.kind == kind)
    }
}

impl FileFacts {
    /// Every Bottlerocket setting at this dotted path (a Terraform file or an eksctl config
    /// may hold several user-data documents).
    pub fn host_settings_at<'a>(
        &'a self,
        path: &'a str,
    ) -> impl Iterator<Item = &'a HostSetting> + 'a {
        self.host_settings.iter().filter(move |s| s.path == path)
    }

    /// Bottlerocket settings of named sub-tables: for `settings.host-containers`, yields
    /// (`admin`, `enabled`, setting) for `settings.host-containers.admin.enabled`.
    pub fn host_settings_by_name<'a>(
        &'a self,
        table: &'a str,
    ) -> impl Iterator<Item = (&'a str, &'a str, &'a HostSetting)> + 'a {
        self.host_settings.iter().filter_map(move |s| {
            let rest = s.path.strip_prefix(table)?.strip_prefix('.')?;
            let (name, field) = rest.split_once('.')?;
            Some((name, field, s))
        })
    }
}

impl FileFacts {
    /// The named sub-table fields of a Bottlerocket table, indexed by (name, field); the last
    /// occurrence wins. One pass, so rules stay linear on files with thousands of containers.
    pub fn host_settings_index<'a>(
        &'a self,
        table: &'a str,
    ) -> std::collections::HashMap<(&'a str, &'a str), &'a HostSetting> {
        self.host_settings_by_name(table)
            .map(|(n, f, s)| ((n, f), s))
            .collect()
    }
}
