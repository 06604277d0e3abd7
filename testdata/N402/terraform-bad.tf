resource "kubernetes_network_policy_v1" "open" {
  metadata {
    name      = "allow-world"
    namespace = "shop"
  }
  spec {
    pod_selector {}
    policy_types = ["Ingress"]
    ingress {
      from {
        ip_block {
          cidr = "0.0.0.0/0" # expect: N402
        }
      }
    }
  }
}
