//! C252: GKE nodes run as the Compute Engine default service account.
//!
//! Provider defaults (terraform-provider-google `google/services/container/node_config.go`):
//! `node_config.service_account` is optional and computed: left out (or empty), GKE uses the
//! project's Compute Engine default service account ("default"), which projects grant the
//! Editor role unless an organisation policy stops it. `oauth_scopes` left out become the
//! `gke-default` set (`defaultOauthScopes`), which does not include `cloud-platform`.

use crate::facts::{ClusterSetting, FileFacts, ManagedCluster};
use crate::rules::managed::{gke_node_configs, report_field};
use crate::rules::{Cx, Rule};

pub struct GkeNodeDefaultServiceAccount;
pub static RULE: GkeNodeDefaultServiceAccount = GkeNodeDefaultServiceAccount;

/// The Compute Engine default service account, by alias or by its email.
fn is_default_account(v: &str) -> bool {
    v == "default" || v.ends_with("-compute@developer.gserviceaccount.com")
}

/// What the node's scopes add to the message.
fn scope_note(c: &ManagedCluster, scopes: &str) -> &'static str {
    let full = c
        .field(scopes)
        .and_then(|f| f.list.as_ref())
        .is_some_and(|l| {
            l.iter().any(|s| {
                s == "cloud-platform" || s == "https://www.googleapis.com/auth/cloud-platform"
            })
        });
    if full {
        "; with the cloud-platform scope, any pod that reaches the metadata server acts with all the account's roles (project Editor unless the organisation disabled that automatic grant)"
    } else {
        "; only the OAuth scopes narrow its roles (project Editor unless the organisation disabled that automatic grant), and any pod that reaches the metadata server gets its token"
    }
}

impl Rule for GkeNodeDefaultServiceAccount {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        vm_service_accounts(facts, cx);
        for c in &facts.managed_clusters {
            for n in gke_node_configs(c) {
                let sa = n.path("service_account");
                let note = scope_note(c, &n.path("oauth_scopes"));
                match c.setting(&sa) {
                    ClusterSetting::Set(v, f) if v.is_empty() || is_default_account(v) => {
                        let shown = if v.is_empty() {
                            "\"\" (empty means the default)".to_string()
                        } else {
                            format!("\"{v}\"")
                        };
                        report_field(
                            cx,
                            f,
                            format!(
                                "{}{} sets {}.service_account = {shown}: the nodes run as the Compute Engine default service account{note}",
                                c.resource, n.what, n.field
                            ),
                        );
                    }
                    ClusterSetting::Absent => {
                        cx.report(
                            n.anchor,
                            format!(
                                "{}{} sets no {}.service_account, so the nodes run as the Compute Engine default service account{note}",
                                c.resource, n.what, n.field
                            ),
                        );
                    }
                    _ => {}
                }
            }
            // Node auto-provisioning and Autopilot: explicit values only.
            if let ClusterSetting::Set(v, f) =
                c.setting("cluster_autoscaling.auto_provisioning_defaults.service_account")
            {
                if is_default_account(v) {
                    report_field(
                        cx,
                        f,
                        format!(
                            "{} sets auto_provisioning_defaults.service_account = \"{v}\": auto-provisioned nodes run as the Compute Engine default service account (project Editor unless the organisation disabled that automatic grant)",
                            c.resource
                        ),
                    );
                }
            }
        }
    }
}

/// Self-managed nodes: GCE instances and instance templates (`gcp.rs` records only service
/// accounts on the default account).
fn vm_service_accounts(facts: &FileFacts, cx: &mut Cx) {
    for s in facts
        .node_settings
        .iter()
        .filter(|s| s.name == "service_account.email")
    {
        let (email, full) = match s.value.strip_suffix(" cloud-platform") {
            Some(e) => (e, true),
            None => (s.value.as_str(), false),
        };
        let what = match email {
            "absent" => "sets no service_account.email, so the VMs run as".to_string(),
            "" => "sets service_account.email = \"\" (empty means the default): the VMs run as"
                .to_string(),
            e => format!("sets service_account.email = \"{e}\": the VMs run as"),
        };
        let note = if full {
            "; with the cloud-platform scope, any process or pod that reaches the metadata server acts with all the account's roles (project Editor unless the organisation disabled that automatic grant)"
        } else {
            "; only the OAuth scopes narrow its roles (project Editor unless the organisation disabled that automatic grant)"
        };
        let related = s.origin().iter().map(|o| o.related(&s.value)).collect();
        cx.report_related(
            s.span,
            format!(
                "{} {what} the Compute Engine default service account{note}",
                s.resource
            ),
            related,
        );
    }
}
