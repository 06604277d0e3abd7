resource "kubernetes_cluster_role_v1" "lb" {
  metadata {
    name = "lb-announcer"
  }
  rule {
    api_groups = [""]
    resources  = ["services/status"] # expect: C241
    verbs      = ["patch"]
  }
}
