resource "kubernetes_service_v1" "debug" {
  metadata {
    name = "debug"
  }
  spec {
    type = "NodePort" # expect: N102
    port {
      port      = 80
      node_port = 30080
    }
  }
}
