# A default-deny for both directions in `shop`: N401 must see it.
resource "kubernetes_network_policy_v1" "deny_all" {
  metadata {
    name      = "default-deny"
    namespace = "shop"
  }
  spec {
    pod_selector {}
    policy_types = ["Ingress", "Egress"]
  }
}

# `blog` only denies ingress: egress stays open.
resource "kubernetes_network_policy_v1" "blog_ingress" {
  metadata {
    name      = "deny-ingress"
    namespace = "blog"
  }
  spec {
    pod_selector {}
    policy_types = ["Ingress"]
  }
}
