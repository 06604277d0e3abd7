//! Pods and objects with pod templates: host namespaces, privileged containers, host ports
//! and hostPath volumes.

use super::fields::string_map;
use crate::facts::kube::{Container, HostPathVolume, KubeFacts, Meta, Workload};
use crate::facts::Component;
use crate::parse::Node;

/// The path from the object to its pod (`metadata` + `spec`), per kind.
pub fn pod_path(kind: &str) -> Option<&'static [&'static str]> {
    Some(match kind {
        "Pod" => &[],
        "Deployment"
        | "DaemonSet"
        | "StatefulSet"
        | "ReplicaSet"
        | "ReplicationController"
        | "Job" => &["spec", "template"],
        "CronJob" => &["spec", "jobTemplate", "spec", "template"],
        _ => return None,
    })
}

pub fn extract(root: &Node, meta: Meta, _text: &str, kube: &mut KubeFacts) {
    let Some(path) = pod_path(&meta.kind) else {
        return;
    };
    let Some(pod) = (if path.is_empty() {
        Some(root)
    } else {
        root.path(path)
    }) else {
        return;
    };
    let Some(spec) = pod.get("spec") else { return };
    let true_value = |key: &str| {
        spec.get(key)
            .filter(|v| v.as_bool() == Some(true))
            .map(|v| v.span)
    };
    let containers: Vec<Container> = ["initContainers", "containers", "ephemeralContainers"]
        .iter()
        .flat_map(|k| spec.get(k).map(Node::items).unwrap_or(&[]))
        .map(container)
        .collect();
    let mounts: Vec<&Node> = ["initContainers", "containers", "ephemeralContainers"]
        .iter()
        .flat_map(|k| spec.get(k).map(Node::items).unwrap_or(&[]))
        .flat_map(|c| c.get("volumeMounts").map(Node::items).unwrap_or(&[]))
        .collect();
    // Read-only when some container mounts the volume and every mount of it says
    // `readOnly: true` (a templated or absent value is writable).
    let read_only = |name: &str| {
        let of: Vec<&&Node> = mounts
            .iter()
            .filter(|m| m.get_str("name") == Some(name))
            .collect();
        !of.is_empty()
            && of
                .iter()
                .all(|m| m.get("readOnly").and_then(Node::as_bool) == Some(true))
    };
    let host_paths = spec
        .get("volumes")
        .map(Node::items)
        .unwrap_or(&[])
        .iter()
        .filter_map(|v| {
            let p = v.path(&["hostPath", "path"])?;
            let volume = v.get_str("name").unwrap_or("");
            Some(HostPathVolume {
                read_only: read_only(volume),
                volume: volume.to_string(),
                path: p.as_str()?.to_string(),
                span: p.span,
            })
        })
        .collect();
    // A Pod running an API server, etcd, controller manager, scheduler or kubelet is a
    // control-plane static pod, whatever namespace its manifest names (kubeadm writes
    // kube-system; other installers differ).
    let control_plane = meta.kind == "Pod" && containers.iter().any(|c| c.control_plane);
    let pod_labels = if path.is_empty() {
        meta.labels.clone()
    } else {
        string_map(pod.path(&["metadata", "labels"]))
    };
    kube.workloads.push(Workload {
        pod_labels,
        host_network: true_value("hostNetwork"),
        host_pid: true_value("hostPID"),
        host_ipc: true_value("hostIPC"),
        containers,
        host_paths,
        host_process: spec
            .path(&["securityContext", "windowsOptions", "hostProcess"])
            .filter(|v| v.as_bool() == Some(true))
            .map(|v| v.span),
        control_plane,
        meta,
    });
}

fn container(c: &Node) -> Container {
    let image = c.get_str("image").map(str::to_string);
    let binary = c
        .get("command")
        .and_then(|cmd| cmd.items().first())
        .and_then(Node::as_str)
        .map(str::to_string)
        .or_else(|| {
            let i = image.as_deref()?;
            let name = i.rsplit('/').next()?;
            Some(name.split(['@', ':']).next()?.to_string())
        });
    let control_plane = binary.as_deref().and_then(Component::from_binary).is_some();
    Container {
        name: c.get_str("name").unwrap_or("").to_string(),
        privileged: c
            .path(&["securityContext", "privileged"])
            .filter(|v| v.as_bool() == Some(true))
            .map(|v| v.span),
        host_process: c
            .path(&["securityContext", "windowsOptions", "hostProcess"])
            .filter(|v| v.as_bool() == Some(true))
            .map(|v| v.span),
        host_ports: c
            .get("ports")
            .map(Node::items)
            .unwrap_or(&[])
            .iter()
            .filter_map(|p| {
                let hp = p.get("hostPort")?;
                let v = u16::try_from(hp.as_int()?).ok().filter(|v| *v != 0)?;
                Some(crate::facts::Located::at(v, hp.span))
            })
            .collect(),
        env: c
            .get("env")
            .map(Node::items)
            .unwrap_or(&[])
            .iter()
            .filter_map(|e| e.get_str("name").map(str::to_string))
            .collect(),
        image,
        control_plane,
    }
}
