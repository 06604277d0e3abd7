resource "kubernetes_ingress_v1" "shop" {
  metadata {
    name = "shop"
  }
  spec {
    rule { # expect: N104
      host = "shop.example.com"
      http {
        path {
          path = "/"
          backend {
            service {
              name = "shop"
              port {
                number = 80
              }
            }
          }
        }
      }
    }
  }
}
