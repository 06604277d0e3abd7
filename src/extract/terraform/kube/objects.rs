//! Roles, bindings, Services and Ingresses of the kubernetes provider.

use super::read::{block, scalar, selector, strings, unknown_dynamic};
use crate::extract::terraform::resource::Res;
use crate::facts::kube::{Binding, Ingress, KubeFacts, Meta, RbacRule, Role, Service, Subject};

/// `rule` blocks (`api_groups`, `resources`, `verbs`, `resource_names`, `non_resource_urls`)
/// and `aggregation_rule.cluster_role_selectors`. A rule whose `resource_names` is not known
/// is left out (it may be scoped); other lists keep their known items.
pub fn role(res: &mut Res, meta: Meta, kube: &mut KubeFacts) {
    let body = res.root();
    let mut rules = Vec::new();
    res.blocks(body, "rule", |res, r, _, span| {
        let lists = [
            "api_groups",
            "resources",
            "verbs",
            "resource_names",
            "non_resource_urls",
        ]
        .map(|k| known_items(res, r, k));
        let [api_groups, resources, verbs, Some(resource_names), non_resource_urls] = lists else {
            return;
        };
        rules.push(RbacRule {
            api_groups: api_groups.unwrap_or_default(),
            resources: resources.unwrap_or_default(),
            verbs: verbs.unwrap_or_default(),
            resource_names,
            non_resource_urls: non_resource_urls.unwrap_or_default(),
            span,
        });
    });
    let mut aggregation = Vec::new();
    if let Some((agg, _)) = block(body, "aggregation_rule") {
        res.blocks(agg, "cluster_role_selectors", |res, s, _, span| {
            aggregation.push(selector(res, s, span));
        });
    }
    kube.roles.push(Role {
        cluster: meta.kind == "ClusterRole",
        meta,
        rules,
        aggregation,
    });
}

/// The known items of a list attribute (a partly known list keeps its known items); `None`
/// when the attribute is set to something unknown as a whole.
fn known_items(
    res: &mut Res,
    obj: crate::extract::terraform::resource::Obj,
    name: &str,
) -> Option<Vec<crate::facts::kube::Spanned>> {
    let Some((v, at)) = res.val(obj, name) else {
        return Some(Vec::new());
    };
    match v.items() {
        Some(items) if v.is_whole() || name != "resource_names" => Some(
            items
                .iter()
                .filter_map(|i| super::read::located(i, at))
                .collect(),
        ),
        _ => None,
    }
}

/// `role_ref { kind, name }` and `subject { kind, name, namespace }` blocks. An unknown role
/// name binds nothing we can judge; a subject with an unknown name is left out.
pub fn binding(res: &mut Res, meta: Meta, kube: &mut KubeFacts) {
    let body = res.root();
    let (role_kind, role_name, role_span) = match block(body, "role_ref") {
        Some((r, _)) => {
            let kind = res.text(r, "kind").unwrap_or_default();
            match scalar(res, r, "name") {
                Some(n) => (kind, n.value, n.span),
                None => (kind, String::new(), meta.kind_span),
            }
        }
        None => (String::new(), String::new(), meta.kind_span),
    };
    let mut subjects = Vec::new();
    res.blocks(body, "subject", |res, s, _, _| {
        let Some(name) = scalar(res, s, "name") else {
            return;
        };
        subjects.push(Subject {
            kind: res.text(s, "kind").unwrap_or_default(),
            name: name.value,
            namespace: res.text(s, "namespace"),
            span: name.span,
        });
    });
    kube.bindings.push(Binding {
        cluster: meta.kind == "ClusterRoleBinding",
        role_kind,
        role_name,
        role_span,
        subjects,
        meta,
    });
}

/// `automount_service_account_token` (schema default true, resource_kubernetes_service_account_v1.go;
/// the default service account resource writes it to the object). An unknown value is `Some(None)`.
pub fn service_account(res: &mut Res, meta: Meta, kube: &mut KubeFacts) {
    let written = res.val(res.root(), "automount_service_account_token");
    kube.service_accounts
        .push(crate::facts::accounts::ServiceAccount {
            automount: written.as_ref().map(|(v, _)| v.as_bool()),
            automount_span: written.map(|(_, at)| at),
            field: "automount_service_account_token",
            name: meta.name,
            namespace: meta.namespace,
            name_span: meta.name_span,
        });
}

/// `spec { type, load_balancer_source_ranges, external_ips, port { port, node_port,
/// protocol } }`. The type is left unset (ClusterIP, judged by no rule) when it is unknown, or
/// when it is a LoadBalancer whose source ranges or annotations are not known.
pub fn service(res: &mut Res, meta: Meta, annotations_known: bool, kube: &mut KubeFacts) {
    let Some((spec, _)) = block(res.root(), "spec") else {
        return;
    };
    let mut service_type = scalar(res, spec, "type");
    let source_ranges = strings(res, spec, "load_balancer_source_ranges");
    let external_ips = strings(res, spec, "external_ips").unwrap_or_default();
    if res.val(spec, "type").is_some() && service_type.is_none()
        || service_type
            .as_ref()
            .is_some_and(|t| t.value == "LoadBalancer")
            && (source_ranges.is_none() || !annotations_known)
    {
        service_type = None;
    }
    let mut node_ports = Vec::new();
    let mut ports = Vec::new();
    res.blocks(spec, "port", |res, p, _, _| {
        if let Some((v, at)) = res.val(p, "node_port") {
            if let Some(n) = v.as_num().filter(|n| *n > 0.0 && *n <= 65535.0) {
                node_ports.push(crate::facts::Located::at(n as u16, at));
            }
        }
        if let Some(port) = res.text(p, "port") {
            let proto = res.text(p, "protocol").unwrap_or_else(|| "TCP".into());
            ports.push(format!("{port}/{proto}"));
        }
    });
    kube.services.push(Service {
        meta,
        service_type,
        source_ranges: source_ranges.unwrap_or_default(),
        external_ips,
        node_ports,
        ports,
    });
}

/// `spec { tls { ... } rule { host } }`. A `dynamic "tls"` block counts as TLS (its items are
/// not known); unknown annotations (which may name a certificate) leave the Ingress out.
pub fn ingress(res: &mut Res, meta: Meta, annotations_known: bool, kube: &mut KubeFacts) {
    if !annotations_known {
        return;
    }
    let Some((spec, spec_span)) = block(res.root(), "spec") else {
        return;
    };
    let mut has_tls = unknown_dynamic(res, spec, "tls");
    res.blocks(spec, "tls", |_, _, _, _| has_tls = true);
    let mut anchor = None;
    let mut hosts = Vec::new();
    res.blocks(spec, "rule", |res, r, _, span| {
        anchor.get_or_insert(span);
        if let Some(h) = res.text(r, "host") {
            hosts.push(h);
        }
    });
    kube.ingresses.push(Ingress {
        anchor: anchor.unwrap_or(spec_span),
        has_tls,
        hosts,
        meta,
    });
}
