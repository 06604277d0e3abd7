resource "kubernetes_service_v1" "debug" {
  metadata {
    name = "debug"
  }
  spec {
    type = var.service_type
    port {
      port = 80
    }
  }
}
