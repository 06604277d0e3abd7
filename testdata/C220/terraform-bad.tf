# Terraform kubernetes provider: the same bindings as YAML, in HCL.
resource "kubernetes_cluster_role_binding_v1" "ci" {
  metadata {
    name = "ci-admin"
  }
  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "ClusterRole"
    name      = var.admin_role # expect: C220
  }
  subject {
    kind      = "ServiceAccount"
    name      = "ci-deployer"
    namespace = "ci"
  }
}

variable "admin_role" {
  default = "cluster-admin"
}

resource "kubernetes_role_binding" "team" {
  for_each = toset(["payments", "orders"])
  metadata {
    name      = "team-admin"
    namespace = each.key
  }
  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "ClusterRole"
    name      = "cluster-admin" # expect: C220
  }
  subject {
    kind      = "Group"
    name      = "${each.key}-team"
    api_group = "rbac.authorization.k8s.io"
  }
}
