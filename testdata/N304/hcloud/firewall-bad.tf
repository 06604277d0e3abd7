# As in kubespray's contrib/terraform/hetzner.
resource "hcloud_firewall" "worker" {
  name = "worker-firewall"

  rule {
    direction  = "in"
    protocol   = "tcp"
    port       = "443"
    source_ips = var.ingress_whitelist
  }

  rule {
    direction  = "in"
    protocol   = "tcp"
    port       = "30000-32767"
    source_ips = var.nodeport_whitelist # expect: N304
  }
}

variable "ingress_whitelist" {
  type    = list(string)
  default = ["0.0.0.0/0"]
}

variable "nodeport_whitelist" {
  type    = list(string)
  default = ["0.0.0.0/0", "::/0"]
}
