resource "kubernetes_cluster_role_v1" "ops" {
  metadata {
    name = "ops-everything"
  }
  rule {
    api_groups = ["*"] # expect: C222
    resources  = ["*"]
    verbs      = ["*"] # expect: C225
  }
}
