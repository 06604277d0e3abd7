//! `terraform-aws-modules/eks/aws`, majors 18 to 21, as the `aws_eks_cluster` it creates.
//!
//! Defaults from the module's `variables.tf` at v18.0.0, v18.31.2, v19.0.0, v19.21.0,
//! v20.0.0, v20.37.2, v21.0.0 and v21.19.0 (github.com/terraform-aws-modules/terraform-aws-eks):
//!
//! | input (v18-v20 / v21) | v18 | v19, v20 | v21 |
//! |---|---|---|---|
//! | `cluster_endpoint_public_access` / `endpoint_public_access` | true | false | false |
//! | `cluster_endpoint_private_access` / `endpoint_private_access` | false | true | true |
//! | `cluster_endpoint_public_access_cidrs` / `endpoint_public_access_cidrs` | 0.0.0.0/0 | 0.0.0.0/0 | 0.0.0.0/0 |
//! | `cluster_enabled_log_types` / `enabled_log_types` | audit, api, authenticator | same | same |
//! | `cluster_encryption_config` / `encryption_config` | `[]` (off) | `{resources = ["secrets"]}` (on) | `{}` (on; `null` is off) |
//! | `authentication_mode` | (no access_config) | v20: API_AND_CONFIG_MAP | API_AND_CONFIG_MAP |
//! | `cluster_version` / `kubernetes_version` | null (EKS picks) | null | null |
//!
//! `cluster_addons` / `addons` (v21): one `aws_eks_addon` per entry, named by its `name` or its
//! key, `configuration_values = try(each.value.configuration_values, null)`; a `vpc-cni` entry
//! is read for N404 like the resource (`terraform::addons`).
//!
//! `main.tf`: encryption is on when `length(var.cluster_encryption_config) > 0` (v19, v20),
//! `var.encryption_config != null` (v21), a non-empty list (v18). `create = false` makes no
//! cluster.

use super::Call;
use crate::extract::cni::vpc;
use crate::extract::terraform::addons::{configuration, from_value};
use crate::extract::terraform::syntax::span_of;
use crate::extract::terraform::value::{Val, V};
use crate::facts::{FileFacts, Located, ManagedCluster, Provider};
use hcl_edit::expr::{Expression, ObjectKey};

pub fn lower(call: &mut Call, facts: &mut FileFacts) {
    if !(18..=21).contains(&call.major) {
        return;
    }
    match call.input("create") {
        None => {}
        Some((v, _)) if v.as_bool() == Some(true) => {}
        _ => return,
    }
    let v21 = call.major >= 21;
    let pick = |old: &'static str, new: &'static str| if v21 { new } else { old };
    let label = call.label;
    let mut fields = Vec::new();

    if let Some((v, span)) = call.input(pick("cluster_version", "kubernetes_version")) {
        fields.push(call.field("version", &v, span));
    }

    let public_in = pick("cluster_endpoint_public_access", "endpoint_public_access");
    let public = call.input(public_in);
    let public_default = if call.major == 18 { "true" } else { "false" };
    fields.push(match &public {
        Some((v, span)) => call.field("vpc_config.endpoint_public_access", v, *span),
        None => call.default_field(
            "vpc_config.endpoint_public_access",
            public_in,
            public_default,
            None,
            label,
        ),
    });

    let private_in = pick("cluster_endpoint_private_access", "endpoint_private_access");
    let private_default = if call.major == 18 { "false" } else { "true" };
    fields.push(match call.input(private_in) {
        Some((v, span)) => call.field("vpc_config.endpoint_private_access", &v, span),
        None => call.default_field(
            "vpc_config.endpoint_private_access",
            private_in,
            private_default,
            None,
            label,
        ),
    });

    // A world default is reported where the endpoint was made public.
    let cidrs_in = pick(
        "cluster_endpoint_public_access_cidrs",
        "endpoint_public_access_cidrs",
    );
    fields.push(match call.input(cidrs_in) {
        Some((v, span)) => call.field("vpc_config.public_access_cidrs", &v, span),
        None => call.default_field(
            "vpc_config.public_access_cidrs",
            cidrs_in,
            "",
            Some(&["0.0.0.0/0"]),
            public.as_ref().map_or(label, |(_, s)| *s),
        ),
    });

    let logs_in = pick("cluster_enabled_log_types", "enabled_log_types");
    fields.push(match call.input(logs_in) {
        Some((v, span)) => call.field("enabled_cluster_log_types", &v, span),
        None => call.default_field(
            "enabled_cluster_log_types",
            logs_in,
            "",
            Some(&["audit", "api", "authenticator"]),
            label,
        ),
    });

    let enc_in = pick("cluster_encryption_config", "encryption_config");
    let enc_raw = call.block.body.get_attribute(enc_in).is_some();
    match call.input(enc_in) {
        Some((v, span)) if !v.is_known() => {
            fields.push(call.unknown_field("encryption_config", span))
        }
        Some((v, span)) => {
            let empty = match &v.v {
                crate::extract::terraform::value::V::List(items) => items.is_empty(),
                crate::extract::terraform::value::V::Map(entries) => entries.is_empty(),
                _ => false,
            };
            // v21 turns `{}` into the default configuration; earlier majors read it as off.
            if !empty || v21 {
                fields.push(call.field("encryption_config", &v, span));
                fields.last_mut().expect("pushed").value = Some("present".into());
            }
        }
        // Set to null: off in v21; `length(null)` fails in v19/v20 (unknown).
        None if enc_raw && !v21 => fields.push(call.unknown_field("encryption_config", label)),
        None if enc_raw => {}
        None if call.major >= 19 => {
            fields.push(call.default_field("encryption_config", enc_in, "present", None, label))
        }
        None => {}
    }

    if call.major >= 20 {
        fields.push(match call.input("authentication_mode") {
            Some((v, span)) => call.field("access_config.authentication_mode", &v, span),
            None => call.default_field(
                "access_config.authentication_mode",
                "authentication_mode",
                "API_AND_CONFIG_MAP",
                None,
                label,
            ),
        });
        let up_in = pick("cluster_upgrade_policy", "upgrade_policy");
        if let Some((v, span)) = call.input(up_in) {
            match v.get("support_type") {
                Some(t) => fields.push(call.field("upgrade_policy.support_type", t, span)),
                None if !v.is_whole() => {
                    fields.push(call.unknown_field("upgrade_policy.support_type", span))
                }
                None => {}
            }
        }
    }

    addons(call, pick("cluster_addons", "addons"), facts);

    facts.managed_clusters.push(ManagedCluster {
        dialect: crate::facts::Dialect::Terraform,
        provider: Provider::Eks,
        kind: "aws_eks_cluster".into(),
        resource: call.address.clone(),
        span: label,
        fields,
    });
}

/// The `vpc-cni` entry of the add-ons map. Written as a literal object, the entry is read as
/// written (`jsonencode({...})` keeps its key's place); otherwise from the evaluated map, at
/// the input.
pub(super) fn addons(call: &mut Call, input: &str, facts: &mut FileFacts) {
    let Some(attr) = call.block.body.get_attribute(input) else {
        return;
    };
    let whole = span_of(&attr.value);
    let Expression::Object(object) = &attr.value else {
        let v = call.eval(&attr.value);
        let V::Map(entries) = &v.v else { return };
        for (key, entry) in entries {
            if entry_name(entry, key).as_deref() != Some(vpc::ADDON) {
                continue;
            }
            let config = entry.get("configuration_values");
            let setting = config.map_or(vpc::Setting::Absent, |c| from_value(c, whole));
            let who = format!("{} ({input}[\"{key}\"])", call.address);
            let name = Located::at(vpc::ADDON.to_string(), whole);
            let field = "configuration_values";
            vpc::addon(facts, who, name, field, setting, config.map(|_| whole));
        }
        return;
    };
    for (k, v) in object.iter() {
        let key = match k {
            ObjectKey::Ident(i) => Some(i.as_str().to_string()),
            ObjectKey::Expression(x) => call.eval(x).as_str().map(str::to_string),
        };
        let Some(key) = key else { continue };
        let Expression::Object(entry) = v.expr() else {
            continue;
        };
        let attr = |name: &str| {
            entry.iter().find_map(|(k, v)| {
                let ident = match k {
                    ObjectKey::Ident(i) => i.as_str() == name,
                    ObjectKey::Expression(Expression::String(s)) => s.as_str() == name,
                    ObjectKey::Expression(_) => false,
                };
                ident.then(|| v.expr())
            })
        };
        // `name` overrides the key (`try(each.value.name, each.key)`).
        let (name, at) = match attr("name") {
            Some(e) => (call.eval(e).as_str().map(str::to_string), span_of(e)),
            None => (Some(key.clone()), span_of(k)),
        };
        if name.as_deref() != Some(vpc::ADDON) {
            continue;
        }
        let (setting, config) =
            configuration(&mut |e| Some(call.eval(e)), attr("configuration_values"));
        vpc::addon(
            facts,
            format!("{} ({input}[\"{key}\"])", call.address),
            Located::at(vpc::ADDON.to_string(), at),
            "configuration_values",
            setting,
            config,
        );
    }
}

/// An evaluated entry's add-on name: its `name`, else its key; `None` when not known.
fn entry_name(entry: &Val, key: &str) -> Option<String> {
    match entry.get("name") {
        Some(n) => n.as_str().map(str::to_string),
        None if entry.is_known() => Some(key.to_string()),
        None => None,
    }
}
