resource "kubernetes_role_v1" "aws_auth_editor" {
  metadata {
    name      = "aws-auth-editor"
    namespace = "kube-system"
  }
  rule {
    api_groups     = [""]
    resources      = ["configmaps"]
    resource_names = ["aws-auth"] # expect: C240
    verbs          = ["get", "update"]
  }
}
