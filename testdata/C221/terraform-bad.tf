resource "kubernetes_cluster_role_binding_v1" "masters" {
  metadata {
    name = "masters-view"
  }
  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "ClusterRole"
    name      = "view"
  }
  subject {
    kind      = "Group"
    name      = "system:masters" # expect: C221
    api_group = "rbac.authorization.k8s.io"
  }
}
