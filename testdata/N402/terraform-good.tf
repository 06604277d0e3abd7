resource "kubernetes_network_policy_v1" "office" {
  metadata {
    name      = "allow-office"
    namespace = "shop"
  }
  spec {
    pod_selector {}
    policy_types = ["Ingress"]
    ingress {
      from {
        ip_block {
          cidr = var.office_cidr
        }
      }
    }
    ingress {
      dynamic "from" {
        for_each = var.peers
        content {
          ip_block {
            cidr = from.value
          }
        }
      }
    }
  }
}
