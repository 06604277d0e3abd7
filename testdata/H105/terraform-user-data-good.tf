resource "aws_launch_template" "nodes" {
  name_prefix = "bottlerocket-"
  user_data = base64encode(<<-EOT
    [settings.kernel]
    lockdown = "${var.lockdown}"
  EOT
  )
}
