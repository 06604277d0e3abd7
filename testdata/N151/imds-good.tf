resource "aws_launch_template" "nodes" {
  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }
}

resource "aws_instance" "off" {
  metadata_options {
    http_endpoint = "disabled"
    http_tokens   = "optional"
  }
}

resource "aws_instance" "unset" {
  ami = "ami-123"
}
