resource "kubernetes_default_service_account_v1" "payments" {
  metadata {
    namespace = "payments"
  }
  automount_service_account_token = false
}

# A workload's own account; an unknown value is not judged.
resource "kubernetes_service_account_v1" "api" {
  metadata {
    name      = "api"
    namespace = "payments"
  }
}

variable "automount" {
  type = bool
}

resource "kubernetes_default_service_account_v1" "tenant" {
  metadata {
    namespace = "tenant"
  }
  automount_service_account_token = var.automount
}
