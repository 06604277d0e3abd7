resource "kubernetes_role_v1" "aws_auth_reader" {
  metadata {
    name      = "aws-auth-reader"
    namespace = "kube-system"
  }
  rule {
    api_groups     = [""]
    resources      = ["configmaps"]
    resource_names = ["aws-auth"]
    verbs          = ["get"]
  }
}
