resource "aws_instance" "worker" {
  ami                         = "ami-123"
  associate_public_ip_address = false
}

resource "aws_launch_template" "workers" {
  network_interfaces {
    associate_public_ip_address = var.unknown_public
  }
}

resource "google_compute_instance" "node" {
  network_interface {
    network = "default"
  }
}

resource "aws_instance" "bastion" {
  ami                         = "ami-123"
  associate_public_ip_address = true
}
