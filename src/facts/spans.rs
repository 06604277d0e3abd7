//! One visitor over every `Span` a fact holds, and one way to merge facts. Facts extracted from
//! text embedded in another file (a literal block, a heredoc, decoded contents) have spans in
//! that inner text; `FileFacts::map_spans` moves all of them into the outer file.
//!
//! Every struct is destructured without `..`: a new field does not compile until it is listed
//! here, either as holding spans or as not.

use crate::facts::accounts::*;
use crate::facts::admission::*;
use crate::facts::audit::*;
use crate::facts::gateway::*;
use crate::facts::kube::*;
use crate::facts::*;
use crate::source::Span;

/// Facts that hold spans.
pub trait MapSpans {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span);
}

impl MapSpans for Span {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        *self = f(*self);
    }
}

impl<T: MapSpans> MapSpans for Option<T> {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        if let Some(t) = self {
            t.map_spans(f);
        }
    }
}

impl<T: MapSpans> MapSpans for Vec<T> {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        for t in self {
            t.map_spans(f);
        }
    }
}

/// Values without spans, for tuples that pair them with one.
macro_rules! no_spans {
    ($($t:ty),*) => {$(
        impl MapSpans for $t {
            fn map_spans(&mut self, _: &mut dyn FnMut(Span) -> Span) {}
        }
    )*};
}
no_spans!(String, bool, u16);

impl<A: MapSpans, B: MapSpans> MapSpans for (A, B) {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        self.0.map_spans(f);
        self.1.map_spans(f);
    }
}

impl<A: MapSpans, B: MapSpans, C: MapSpans> MapSpans for (A, B, C) {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        self.0.map_spans(f);
        self.1.map_spans(f);
        self.2.map_spans(f);
    }
}

impl<A: MapSpans, B: MapSpans, C: MapSpans, D: MapSpans> MapSpans for (A, B, C, D) {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        self.0.map_spans(f);
        self.1.map_spans(f);
        self.2.map_spans(f);
        self.3.map_spans(f);
    }
}

/// A located value: its spans, and the places it came from (those in this file move).
impl<T> MapSpans for Located<T> {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        let Located {
            value: _,
            span,
            value_span,
            provenance,
        } = self;
        span.map_spans(f);
        value_span.map_spans(f);
        if let Provenance::Via(places) = provenance {
            places.map_spans(f);
        }
    }
}

/// `spans!(Type { fields with spans } without { fields without })`: the visitor for a struct.
macro_rules! spans {
    ($($t:ident { $($f:ident),* } without { $($n:ident),* })*) => {$(
        impl MapSpans for $t {
            fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
                let $t { $($f,)* $($n: _,)* } = self;
                $($f.map_spans(f);)*
            }
        }
    )*};
}

spans! {
    // facts.rs
    Setting { at } without { name, written }
    ComponentConfig { anchor, settings } without { component, origin }
    FirewallRule { peers, span } without { direction, protocol, ports, resource, api_port }
    RemoteResource { span } without { what, url, verified }
    HostSetting { at } without { path }
    ObjectScope { span, ignore } without {}
    NodeSetting { at } without { resource, name }
    ClusterField { peers, at } without { path, list }
    ManagedCluster { span, fields } without { provider, kind, resource, dialect }
    AuthenticationConfig { anchor, anonymous_enabled, anonymous_paths, jwt_issuers } without {}
    AuditPolicy { anchor, omit_stages, rules } without { what, opaque }
    AuditRule { span, level } without {
        users, user_groups, verbs, namespaces, non_resource_urls, resources, omit_stages, unknown
    }
    KubeadmFacts {
        api_version, anchor, bootstrap_tokens, certificate_validity_period,
        ca_certificate_validity_period, certificate_key, discovery, external_etcd, span,
        apiserver_mounts
    } without { kind }
    BootstrapToken { span, token, ttl } without {}
    Discovery {
        anchor, bootstrap_token, token, unsafe_skip_ca_verification, ca_cert_hashes,
        tls_bootstrap_token
    } without {}
    ExternalEtcd { anchor, endpoints, ca_file, cert_file, key_file } without {}
    KubernetesVersion { span } without { what, version }
    EncryptionConfig { anchor, resources } without {}
    EncryptionRule { span, resources, providers } without {}
    EncryptionProvider { span, keys } without { kind, kms_api_version }
    EncryptionKey { secret } without { name, decoded_len }
    HostText { span, line_spans } without { text }
    HostFile { path_span, mode_span, contents, appended } without { path, mode }
    HostUnit { name_span, enabled, masked } without { name, has_contents }
    Named { at } without { name }
    HttpHeader { at } without { resource, name }
    HostEntry { span } without { kind, source, section, key, value }
    HostUser { name_span, password_hash, ssh_keys, groups } without { name }
    KernelArg { span } without { arg }
    HostFacts {
        files, units, entries, users, kernel_args, proxies, reboot_manager, http_headers
    } without {}
    // facts/kube.rs
    Meta { span, kind_span, name_span, namespace_span }
        without { api_version, kind, name, namespace, labels, annotations }
    LabelSelector { span } without { match_labels, expressions, unknown }
    RbacRule { api_groups, resources, verbs, resource_names, non_resource_urls, span } without {}
    Role { meta, rules, aggregation } without { cluster }
    Subject { span } without { kind, name, namespace }
    Binding { meta, role_span, subjects } without { cluster, role_kind, role_name }
    Service { meta, service_type, source_ranges, external_ips, node_ports } without { ports }
    Ingress { meta, anchor } without { has_tls, hosts }
    Container { privileged, host_process, host_ports } without { name, image, env, control_plane }
    HostPathVolume { span } without { volume, path, read_only }
    Workload { meta, host_network, host_pid, host_ipc, containers, host_paths, host_process }
        without { pod_labels, control_plane }
    NpRule { span, peers } without { ports, has_ports }
    NetPolicy { meta, pod_selector, ingress, egress } without { ingress_type, egress_type }
    CalicoEnd { nets } without { not_nets, selector, namespace_selector, ports, other }
    CalicoRule { source, destination, span } without { action, protocol, other }
    CalicoPolicy { meta, selector, ingress, egress }
        without { global, namespace_selector, ingress_type, egress_type, host_only }
    CiliumRule { span, entities, cidrs, cidrs_with_except } without { ports, other_peers }
    CiliumPolicy { meta, endpoint_selector, node_selector, ingress, egress } without {
        clusterwide, has_ingress, has_egress, default_deny_ingress, default_deny_egress
    }
    HostEndpoint { meta } without {}
    FailsafePort { span } without { protocol, port, net }
    FelixConfig { meta, failsafe_inbound, anchor } without {}
    KubeControllersConfig { meta, auto_create } without {}
    CiliumConfig { meta, host_firewall, enable_policy, policy_audit_mode } without {}
    KubeProxyConfig { meta, metrics_bind_address, node_port_addresses, node_port_anchor }
        without {}
    KubeFacts {
        objects, roles, bindings, services, ingresses, workloads, net_policies,
        calico_policies, cilium_policies, host_endpoints, felix_configs, kube_controllers,
        cilium_configs, kube_proxy, pod_security, service_accounts, gateways
    } without {}
    Gateway { listeners } without { display, istio, class }
    GatewayListener { protocol, span } without { name, port, tls, hosts }
    ServiceAccount { name_span, automount_span } without { name, namespace, automount, field }
    PodSecurityDefaults { anchor, enforce } without { exempt_namespaces, unknown }
    FileFacts {
        components, firewall_rules, remote_resources, host_settings, objects, kubeadm,
        kubernetes_versions, encryption_configs, legacy_token_secrets, authentication_configs,
        audit_policies, kube, host, node_settings, managed_clusters, embedded_docs, installer, distro
    } without {}
    // facts/installer.rs
    InlineSecret { span } without { source, field, what }
    TalosMachine { anchor, api_access_admin } without { control_plane, encryption_secret, sops }
    TalosDefaultAction { span } without { ingress }
    InstallConfig { anchor, publish, credentials_mode } without { name, platform }
    KopsCluster { api_access } without { name, field }
    PodNetwork { value, related } without { distro, key, enforces, why, beside }
    PolicyEngine { span } without { what }
    InstallerFacts {
        secrets, talos, talos_default_actions, install_configs, kops_clusters, pod_networks,
        policy_engines
    } without {}
    DistroConfig { anchor, fields, replaces } without { distro, main, server, sops, elsewhere }
}

/// A document not read yet moves with the text that holds it.
impl MapSpans for EmbeddedDoc {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        let EmbeddedDoc {
            text,
            format: _,
            want: _,
        } = self;
        text.map_outer(f);
    }
}

/// A place moves with the file only when it is in the file (`file: None`).
impl MapSpans for Place {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        let Place {
            file,
            span,
            note: _,
        } = self;
        if file.is_none() {
            span.map_spans(f);
        }
    }
}

impl MapSpans for NpPeer {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        match self {
            NpPeer::IpBlock { cidr, except: _ } => cidr.map_spans(f),
            NpPeer::Selectors {
                pod,
                namespace,
                span,
            } => {
                pod.map_spans(f);
                namespace.map_spans(f);
                span.map_spans(f);
            }
        }
    }
}

impl FileFacts {
    /// Replaces every span of these facts by `f` of it (spans of values written in other
    /// files, `ValueOrigin { file: Some(_) }`, stay).
    pub fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        MapSpans::map_spans(self, f);
    }

    /// Adds `other`'s facts after these, as if they had been extracted into `self` in turn
    /// (the first reboot manager seen is kept).
    pub fn append(&mut self, other: FileFacts) {
        let FileFacts {
            components,
            firewall_rules,
            remote_resources,
            host_settings,
            objects,
            kubeadm,
            kubernetes_versions,
            encryption_configs,
            legacy_token_secrets,
            authentication_configs,
            audit_policies,
            kube,
            host,
            node_settings,
            managed_clusters,
            embedded_docs,
            installer,
            distro,
        } = other;
        self.components.extend(components);
        self.embedded_docs.extend(embedded_docs);
        self.firewall_rules.extend(firewall_rules);
        self.remote_resources.extend(remote_resources);
        self.host_settings.extend(host_settings);
        self.objects.extend(objects);
        self.kubeadm.extend(kubeadm);
        self.kubernetes_versions.extend(kubernetes_versions);
        self.encryption_configs.extend(encryption_configs);
        self.legacy_token_secrets.extend(legacy_token_secrets);
        self.authentication_configs.extend(authentication_configs);
        self.audit_policies.extend(audit_policies);
        self.kube.append(kube);
        self.host.append(host);
        self.node_settings.extend(node_settings);
        self.managed_clusters.extend(managed_clusters);
        self.installer.append(installer);
        self.distro.extend(distro);
    }
}

impl KubeFacts {
    /// Frees the spare capacity of every list: facts kept for the whole scan would
    /// otherwise hold each list's growth slack (a file's one workload in room for four). The
    /// destructuring lists every field, so a new one does not compile until it is named here.
    pub fn shrink_to_fit(&mut self) {
        let KubeFacts {
            objects,
            roles,
            bindings,
            services,
            ingresses,
            workloads,
            net_policies,
            calico_policies,
            cilium_policies,
            host_endpoints,
            felix_configs,
            kube_controllers,
            cilium_configs,
            kube_proxy,
            pod_security,
            service_accounts,
            gateways,
        } = self;
        objects.shrink_to_fit();
        roles.shrink_to_fit();
        bindings.shrink_to_fit();
        services.shrink_to_fit();
        ingresses.shrink_to_fit();
        workloads.shrink_to_fit();
        net_policies.shrink_to_fit();
        calico_policies.shrink_to_fit();
        cilium_policies.shrink_to_fit();
        host_endpoints.shrink_to_fit();
        felix_configs.shrink_to_fit();
        kube_controllers.shrink_to_fit();
        cilium_configs.shrink_to_fit();
        kube_proxy.shrink_to_fit();
        pod_security.shrink_to_fit();
        service_accounts.shrink_to_fit();
        gateways.shrink_to_fit();
    }

    fn append(&mut self, other: KubeFacts) {
        let KubeFacts {
            objects,
            roles,
            bindings,
            services,
            ingresses,
            workloads,
            net_policies,
            calico_policies,
            cilium_policies,
            host_endpoints,
            felix_configs,
            kube_controllers,
            cilium_configs,
            kube_proxy,
            pod_security,
            service_accounts,
            gateways,
        } = other;
        self.objects.extend(objects);
        self.roles.extend(roles);
        self.bindings.extend(bindings);
        self.services.extend(services);
        self.ingresses.extend(ingresses);
        self.workloads.extend(workloads);
        self.net_policies.extend(net_policies);
        self.calico_policies.extend(calico_policies);
        self.cilium_policies.extend(cilium_policies);
        self.host_endpoints.extend(host_endpoints);
        self.felix_configs.extend(felix_configs);
        self.kube_controllers.extend(kube_controllers);
        self.cilium_configs.extend(cilium_configs);
        self.kube_proxy.extend(kube_proxy);
        self.pod_security.extend(pod_security);
        self.service_accounts.extend(service_accounts);
        self.gateways.extend(gateways);
    }
}

impl HostFacts {
    fn append(&mut self, other: HostFacts) {
        let HostFacts {
            files,
            units,
            entries,
            users,
            kernel_args,
            proxies,
            reboot_manager,
            http_headers,
        } = other;
        self.files.extend(files);
        self.units.extend(units);
        self.entries.extend(entries);
        self.users.extend(users);
        self.kernel_args.extend(kernel_args);
        self.proxies.extend(proxies);
        self.reboot_manager = self.reboot_manager.or(reboot_manager);
        self.http_headers.extend(http_headers);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_span_is_visited_once() {
        let text = "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\napiServer:\n  extraArgs:\n    - name: anonymous-auth\n      value: \"true\"\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostNetwork: true\n  containers:\n    - name: c\n      image: kube-apiserver:v1.30.0\n      command: [kube-apiserver, --profiling]\n";
        let mut facts = crate::extract::yaml_facts(text);
        let mut seen = Vec::new();
        facts.map_spans(&mut |s| {
            seen.push(s);
            Span::new(s.start + 1000, s.end + 1000)
        });
        assert!(seen.len() > 10);
        let mut again = 0;
        facts.map_spans(&mut |s| {
            assert!(s.start >= 1000);
            again += 1;
            s
        });
        assert_eq!(again, seen.len());
        let before = facts.components.len();
        let mut more = FileFacts::default();
        more.host.reboot_manager = Some(Span::new(1, 2));
        facts.append(more);
        assert_eq!(facts.components.len(), before);
        assert_eq!(facts.host.reboot_manager, Some(Span::new(1, 2)));
    }
}
