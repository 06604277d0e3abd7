resource "aws_launch_template" "system" {
  user_data = base64encode(<<-EOT
    [settings.kernel]
    lockdown = "none" # expect: H105
  EOT
  )
}

resource "aws_launch_template" "apps" {
  user_data = base64encode(<<-EOT
    [settings.kernel]
    lockdown = "none" # expect: H105
  EOT
  )
}
