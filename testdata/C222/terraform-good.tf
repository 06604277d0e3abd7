resource "kubernetes_cluster_role_v1" "ops" {
  metadata {
    name = "ops-pods"
  }
  rule {
    api_groups = [""]
    resources  = ["pods", var.extra_resource]
    verbs      = ["get", "list"]
  }
}
