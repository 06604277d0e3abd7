resource "kubernetes_default_service_account_v1" "payments" { # expect: C245
  metadata {
    namespace = "payments"
  }
}

resource "kubernetes_default_service_account" "shop" {
  metadata {
    namespace = "shop"
  }
  automount_service_account_token = true # expect: C245
}
