resource "aws_security_group" "controllers" {
  ingress {
    description = "etcd from the VPC"
    from_port   = 2379
    to_port     = 2380
    protocol    = "tcp"
    cidr_blocks = [var.vpc_cidr] # expect: C150
  }
}

variable "vpc_cidr" {
  default = "10.0.0.0/16"
}

resource "google_compute_firewall" "etcd" {
  name    = "etcd"
  network = "default"

  allow {
    protocol = "tcp"
    ports    = ["2379-2380"]
  }

  source_ranges = ["203.0.113.0/24"] # expect: C150
}
