resource "kubernetes_cluster_role_binding" "tiller" {
  metadata {
    name = "kube-system-default"
  }
  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "ClusterRole"
    name      = "edit"
  }
  subject {
    kind      = "ServiceAccount"
    name      = "default" # expect: C233
    namespace = "kube-system"
  }
}
