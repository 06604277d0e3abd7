resource "aws_launch_template" "nodes" {
  user_data = base64encode(<<-EOT
    [settings.kubernetes]
    cluster-name = "${var.name}"
    %{ if var.debug ~}
    [settings.host-containers.admin]
    enabled = true # expect: H201
    %{ endif ~}
  EOT
  )
}
