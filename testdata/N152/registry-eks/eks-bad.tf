# terraform-aws-modules/eks/aws without `terraform init`: the module's inputs and defaults.
module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.0"

  cluster_name                   = "prod"
  cluster_version                = "1.35"
  cluster_endpoint_public_access = true # expect: N152
}

# v18 made the endpoint public by default and encrypted nothing.
module "legacy" { # expect: N152, C450
  source  = "terraform-aws-modules/eks/aws"
  version = "18.31.2"

  cluster_name    = "legacy"
  cluster_version = "1.35"

  # A repeated key: Terraform keeps the last one, and the file is still read.
  tags = {
    team = "a"
    team = "b"
  }
}

# v21 renamed the inputs.
module "v21" {
  source  = "terraform-aws-modules/eks/aws"
  version = ">= 21.0, < 22.0"

  name                         = "v21"
  kubernetes_version           = "1.35"
  endpoint_public_access       = true
  endpoint_public_access_cidrs = var.api_cidrs # expect: N152
  enabled_log_types            = ["api"] # expect: C251
}

variable "api_cidrs" {
  type    = list(string)
  default = ["0.0.0.0/0"]
}
