resource "aws_launch_template" "nodes" {
  name_prefix = "bottlerocket-"
  user_data = base64encode(<<-EOT
    [settings.kubernetes]
    cluster-name = "${var.cluster_name}"

    [settings.kernel]
    lockdown = "none" # expect: H105
  EOT
  )
}
