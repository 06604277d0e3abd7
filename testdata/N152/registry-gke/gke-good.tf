# An unmodelled major and a private-cluster submodule stay silent.
module "old" {
  source  = "terraform-google-modules/kubernetes-engine/google"
  version = "~> 20.0"

  project_id = "my-project"
  name       = "old"
}

module "private" {
  source  = "terraform-google-modules/kubernetes-engine/google//modules/private-cluster"
  version = "~> 33.0"

  project_id = "my-project"
  name       = "private"
}

