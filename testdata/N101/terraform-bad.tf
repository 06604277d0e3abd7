resource "kubernetes_service_v1" "web" {
  metadata {
    name      = "web"
    namespace = "shop"
  }
  spec {
    type = "LoadBalancer" # expect: N101
    selector = {
      app = "web"
    }
    port {
      port        = 443
      target_port = 8443
    }
  }
}

resource "kubernetes_service" "admin" {
  metadata {
    name = "admin"
  }
  spec {
    type                        = "LoadBalancer"
    load_balancer_source_ranges = var.admin_sources # expect: N101
    port {
      port = 8080
    }
  }
}

variable "admin_sources" {
  type    = list(string)
  default = ["10.0.0.0/8", "0.0.0.0/0"]
}
