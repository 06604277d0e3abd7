data "ct_config" "worker" {
  strict  = true
  content = <<EOT
variant: flatcar
version: 1.0.0
systemd:
  units:
    - name: update-engine.service
      mask: true # expect: H102
EOT
}
