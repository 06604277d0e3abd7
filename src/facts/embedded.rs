//! Documents found inside a value of the file being extracted (Ignition in a Terraform heredoc,
//! a KubeletConfiguration that a Butane file writes). Extractors only record them; the
//! dispatcher in `extract/` reads each one as its own document after the outer one, and moves
//! the facts it finds into the outer file. So no extractor calls back into the dispatcher.

use crate::parse::embedded::Embedded;

/// A document embedded in the file being extracted, waiting to be read.
#[derive(Clone, Debug)]
pub struct EmbeddedDoc {
    pub text: Embedded,
    pub format: DocFormat,
    pub want: Want,
}

/// How the embedded text is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocFormat {
    Yaml,
    Json,
    Toml,
}

/// Which documents of the embedded text count, and what they contribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Want {
    /// An Ignition config (user data in a heredoc): all its facts.
    Ignition,
    /// A Butane config: all its facts.
    Butane,
    /// Bottlerocket settings: all their facts.
    Bottlerocket,
    /// kubeadm configs (kind's `kubeadmConfigPatches`): all their facts.
    Kubeadm,
    /// A file a host config writes onto the node: only the component settings of kubeadm
    /// configs, KubeletConfigurations and static pods in it (the rest of such a file is not
    /// the host config's).
    ComponentFiles,
    /// A file a distribution writes onto control-plane nodes (kOps `fileAssets`): only its
    /// audit policies.
    AuditPolicy,
}
