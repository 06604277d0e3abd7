# An installed registry module (terraform init): read from .terraform/modules, never fetched.
module "sg" {
  source  = "example/k8s-sg/aws"
  version = "1.0.0"

  allowed = ["0.0.0.0/0"] # expect: N301
}

module "not_installed" {
  source  = "example/other/aws"
  allowed = ["0.0.0.0/0"]
}
