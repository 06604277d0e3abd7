# As in kubespray's contrib/terraform/openstack: one rule per allowed CIDR, from a variable
# that defaults to the world.
resource "openstack_networking_secgroup_rule_v2" "k8s_master" {
  count             = length(var.master_allowed_remote_ips)
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = "6443"
  port_range_max    = "6443"
  remote_ip_prefix  = var.master_allowed_remote_ips[count.index] # expect: N301
  security_group_id = openstack_networking_secgroup_v2.k8s_master.id
}

# No remote_ip_prefix and no remote_group_id: every IPv6 address.
resource "openstack_networking_secgroup_rule_v2" "kubelet" { # expect: N301
  direction         = "ingress"
  ethertype         = "IPv6"
  protocol          = "tcp"
  port_range_min    = 10250
  port_range_max    = 10250
  security_group_id = openstack_networking_secgroup_v2.k8s.id
}

resource "openstack_compute_secgroup_v2" "legacy" {
  name        = "legacy"
  description = "legacy"
  rule {
    from_port   = 6443
    to_port     = 6443
    ip_protocol = "tcp"
    cidr        = "0.0.0.0/0" # expect: N301
  }
}

variable "master_allowed_remote_ips" {
  type    = list(string)
  default = ["0.0.0.0/0"]
}
