resource "aws_security_group" "nodes" {
  egress {
    from_port        = 0
    to_port          = 0
    protocol         = "-1"
    cidr_blocks      = ["0.0.0.0/0"] # expect: N306
    ipv6_cidr_blocks = ["::/0"] # expect: N306
  }
}

resource "google_compute_firewall" "egress" { # expect: N306
  name      = "egress"
  network   = "default"
  direction = "EGRESS"

  allow {
    protocol = "all"
  }
}
