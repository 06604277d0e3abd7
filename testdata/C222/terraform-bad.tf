resource "kubernetes_cluster_role_v1" "ops" {
  metadata {
    name = "ops-everything"
  }
  rule {
    api_groups = [""]
    resources  = ["*"] # expect: C222
    verbs      = ["get", "list"]
  }
}
