resource "kubernetes_ingress_v1" "shop" {
  metadata {
    name = "shop"
  }
  spec {
    tls {
      hosts       = ["shop.example.com"]
      secret_name = "shop-tls"
    }
    rule {
      host = "shop.example.com"
    }
  }
}

resource "kubernetes_ingress_v1" "dynamic_tls" {
  metadata {
    name = "dynamic"
  }
  spec {
    dynamic "tls" {
      for_each = var.tls_hosts
      content {
        hosts = [tls.value]
      }
    }
    rule {
      host = "app.example.com"
    }
  }
}
