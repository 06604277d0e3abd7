//! The Amazon VPC CNI EKS add-on (`vpc-cni`) and its network policy agent.
//!
//! The add-on takes its configuration as a JSON or YAML document (Terraform
//! `configuration_values`, eksctl `configurationValues`, CloudFormation `ConfigurationValues`)
//! checked against the add-on's schema, which is the aws-vpc-cni chart's values:
//! `enableNetworkPolicy: "false"` is the default (aws/amazon-vpc-cni-k8s
//! `charts/aws-vpc-cni/values.yaml` @10e9f18, v1.15.1, where the agent arrived), and the EKS user
//! guide ("Restrict Pod network traffic with Kubernetes network policies") turns the agent on
//! with `{"enableNetworkPolicy": "true"}`. Without it the `aws-network-policy-agent` container
//! runs with `--enable-network-policy=false` and NetworkPolicy objects are not enforced.

use super::{engine, network};
use crate::extract::distro::common::templated;
use crate::facts::{FileFacts, Located};
use crate::parse::Node;
use crate::source::Span;

pub const ADDON: &str = "vpc-cni";
pub const KEY: &str = "enableNetworkPolicy";

/// What a configuration says about `enableNetworkPolicy`.
#[derive(Debug)]
pub enum Setting {
    /// Not written (no configuration, or one without the key): the default, "false".
    Absent,
    /// Written: the value as written at its place, and whether it turns the agent on.
    Set(Located<String>, bool),
    /// A template, a reference only known at deploy time, text that does not parse, a key
    /// spelled another way (EKS rejects the configuration): never a finding.
    Unknown,
}

/// The schema's string values (`"true"`, `"false"`; a JSON boolean reads the same).
pub fn switch(text: &str) -> Option<bool> {
    match text.to_ascii_lowercase().as_str() {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

/// A configuration document as text (JSON is YAML too); spans are inside `text`.
pub fn read_text(text: &str) -> Setting {
    if text.trim().is_empty() {
        return Setting::Absent;
    }
    if templated(text) {
        return Setting::Unknown;
    }
    let (docs, error) = crate::parse::yaml::parse(text);
    match (docs.as_slice(), error) {
        ([doc], None) => read_node(&doc.root),
        _ => Setting::Unknown,
    }
}

/// A configuration written as a YAML or JSON string scalar of the file (`outer` is its text):
/// the key's value is placed inside the scalar where lines map exactly (a literal block, a
/// one-line string), else on the whole scalar.
pub fn read_scalar(node: &Node, outer: &str) -> Setting {
    let Some(inner) = crate::parse::embedded::Embedded::scalar(node, outer) else {
        return Setting::Unknown;
    };
    match read_text(&inner.text) {
        Setting::Set(mut v, on) => {
            // A literal block maps line by line; a one-line string only when written plain
            // (quotes and escapes shift columns).
            let block = node
                .as_scalar()
                .is_some_and(|s| s.style == crate::parse::Style::Block);
            let exact = if block {
                !inner.line_spans().is_empty()
            } else {
                outer.get(node.span.start..node.span.end) == Some(inner.text.as_str())
            };
            v.span = if exact { inner.map(v.span) } else { node.span };
            v.value_span = v.span;
            Setting::Set(v, on)
        }
        other => other,
    }
}

/// A configuration already parsed as a mapping (a YAML or JSON node).
pub fn read_node(root: &Node) -> Setting {
    if root.is_null() {
        return Setting::Absent;
    }
    if !root.is_map() {
        return Setting::Unknown;
    }
    let misspelt = root.entries().iter().any(|(k, _)| {
        k.as_str()
            .is_some_and(|k| k != KEY && k.eq_ignore_ascii_case(KEY))
    });
    if misspelt {
        return Setting::Unknown;
    }
    let Some((_, v)) = root.get_entry(KEY) else {
        return Setting::Absent;
    };
    match v.as_str().filter(|t| !templated(t)) {
        Some(t) => match switch(t) {
            Some(on) => Setting::Set(Located::at(t.to_string(), v.span), on),
            None => Setting::Unknown,
        },
        None => Setting::Unknown,
    }
}

/// Records one `vpc-cni` add-on. `who` names it for messages, `name` is the add-on name as
/// written, `field` the user's configuration field; `config` is the configuration value's place
/// when one is written (findings about an absent key point there, else at the name).
pub fn addon(
    facts: &mut FileFacts,
    who: String,
    name: Located<String>,
    field: &str,
    setting: Setting,
    config: Option<Span>,
) {
    match setting {
        Setting::Unknown => {}
        Setting::Set(v, true) => engine(
            facts,
            format!("{who} turns on the VPC CNI network policy agent"),
            v.span,
        ),
        Setting::Set(v, false) => {
            let why = format!(
                "installs the Amazon VPC CNI add-on with `{KEY}: \"{}\"` in its {field}, which keeps its network policy agent off",
                v.value
            );
            network(facts, who, KEY, v, why);
        }
        Setting::Absent => {
            let at = match config {
                Some(span) => Located::at(field.to_string(), span),
                None => name,
            };
            let why = format!(
                "installs the Amazon VPC CNI add-on (`{ADDON}`) without `{KEY}` in its {field}, so its network policy agent stays off (the add-on's default is \"false\")"
            );
            network(facts, who, field, at, why);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(text: &str) -> Option<Option<bool>> {
        match read_text(text) {
            Setting::Absent => Some(None),
            Setting::Set(_, on) => Some(Some(on)),
            Setting::Unknown => None,
        }
    }

    #[test]
    fn configurations() {
        assert_eq!(on(""), Some(None));
        assert_eq!(on("{}"), Some(None));
        assert_eq!(
            on("{\"env\": {\"ENABLE_PREFIX_DELEGATION\": \"true\"}}"),
            Some(None)
        );
        assert_eq!(on("{\"enableNetworkPolicy\": \"true\"}"), Some(Some(true)));
        assert_eq!(on("enableNetworkPolicy: \"false\"\n"), Some(Some(false)));
        assert_eq!(on("{\"enableNetworkPolicy\": true}"), Some(Some(true)));
        // Not JSON, a template, a misspelt key, a value the schema refuses: unknown.
        assert_eq!(on("{\"enableNetworkPolicy\": "), None);
        assert_eq!(on("{\"enableNetworkPolicy\": \"${var.np}\"}"), None);
        assert_eq!(on("{\"enableNetworkpolicy\": \"false\"}"), None);
        assert_eq!(on("{\"enableNetworkPolicy\": \"yes\"}"), None);
        assert_eq!(on("[1, 2]"), None);
    }
}
