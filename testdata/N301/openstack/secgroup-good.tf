resource "openstack_networking_secgroup_rule_v2" "office" {
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 6443
  port_range_max    = 6443
  remote_ip_prefix  = "203.0.113.0/24"
  security_group_id = openstack_networking_secgroup_v2.k8s.id
}

# Members of another group only.
resource "openstack_networking_secgroup_rule_v2" "cluster" {
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 10250
  port_range_max    = 10250
  remote_group_id   = openstack_networking_secgroup_v2.k8s.id
  security_group_id = openstack_networking_secgroup_v2.k8s.id
}

# Sources only apply knows.
resource "openstack_networking_secgroup_rule_v2" "vpn" {
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 6443
  port_range_max    = 6443
  remote_ip_prefix  = data.openstack_networking_subnet_v2.vpn.cidr
  security_group_id = openstack_networking_secgroup_v2.k8s.id
}
