resource "kubernetes_service_v1" "office" {
  metadata {
    name = "office"
  }
  spec {
    type                        = "LoadBalancer"
    load_balancer_source_ranges = ["203.0.113.0/24"]
    port {
      port = 443
    }
  }
}

resource "kubernetes_service_v1" "internal" {
  metadata {
    name = "internal"
    annotations = {
      "service.beta.kubernetes.io/aws-load-balancer-internal" = "true"
    }
  }
  spec {
    type = "LoadBalancer"
    port {
      port = 443
    }
  }
}

# Ranges only apply knows: never a finding.
resource "kubernetes_service_v1" "vpn" {
  metadata {
    name = "vpn"
  }
  spec {
    type                        = "LoadBalancer"
    load_balancer_source_ranges = data.aws_ip_ranges.office.cidr_blocks
    port {
      port = 1194
    }
  }
}

# Annotations only apply knows (they may make the balancer internal).
resource "kubernetes_service_v1" "maybe_internal" {
  metadata {
    name        = "maybe-internal"
    annotations = var.lb_annotations
  }
  spec {
    type = "LoadBalancer"
    port {
      port = 443
    }
  }
}

resource "kubernetes_service_v1" "cluster_ip" {
  metadata {
    name = "cluster-ip"
  }
  spec {
    port {
      port = 80
    }
  }
}
