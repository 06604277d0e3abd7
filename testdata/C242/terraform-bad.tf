resource "kubernetes_role_v1" "netpol" {
  metadata {
    name      = "team-netpol"
    namespace = "shop"
  }
  rule {
    api_groups = ["networking.k8s.io"]
    resources  = ["networkpolicies"] # expect: C242
    verbs      = ["create", "update"]
  }
}
