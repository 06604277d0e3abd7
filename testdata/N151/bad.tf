resource "aws_launch_template" "nodes" {
  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "optional" # expect: N151
  }
}
