resource "kubernetes_cluster_role_binding_v1" "view" {
  metadata {
    name = "ci-view"
  }
  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "ClusterRole"
    name      = "view"
  }
  subject {
    kind      = "ServiceAccount"
    name      = "ci-deployer"
    namespace = "ci"
  }
}

# The role comes from a data source: unknown until apply, never a finding.
resource "kubernetes_cluster_role_binding_v1" "from_data" {
  metadata {
    name = "dynamic"
  }
  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "ClusterRole"
    name      = data.kubernetes_resource.role.object.metadata.name
  }
  subject {
    kind = "User"
    name = "alice"
  }
}

# Subjects from a collection only apply knows.
resource "kubernetes_cluster_role_binding_v1" "admins" {
  metadata {
    name = "admins"
  }
  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "ClusterRole"
    name      = "cluster-admin"
  }
  dynamic "subject" {
    for_each = data.aws_iam_roles.admins.names
    content {
      kind = "User"
      name = subject.value
    }
  }
}
