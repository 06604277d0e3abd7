resource "kubernetes_cluster_role_binding_v1" "ops" {
  metadata {
    name = "ops-view"
  }
  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "ClusterRole"
    name      = "view"
  }
  subject {
    kind      = "Group"
    name      = "ops"
    api_group = "rbac.authorization.k8s.io"
  }
}
