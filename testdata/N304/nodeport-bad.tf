resource "aws_security_group_rule" "nodeports" {
  type              = "ingress"
  from_port         = 30000
  to_port           = 32767
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"] # expect: N304
  security_group_id = aws_security_group.nodes.id
}

resource "google_compute_firewall" "nodeport" {
  name    = "nodeport"
  network = "default"

  allow {
    protocol = "tcp"
    ports    = ["30080"]
  }

  source_ranges = ["::/0"] # expect: N304
}
