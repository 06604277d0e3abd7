# terraform-aws-modules/security-group/aws without `terraform init`.
module "api_sg" {
  source  = "terraform-aws-modules/security-group/aws"
  version = "~> 5.1"

  name                = "api"
  ingress_cidr_blocks = ["0.0.0.0/0"] # expect: N301
  ingress_rules       = ["kubernetes-api-tcp", "https-443-tcp"]
}

module "kubelet_sg" {
  source  = "terraform-aws-modules/security-group/aws"
  version = "4.17.2"

  name = "kubelet"
  ingress_with_cidr_blocks = [
    {
      from_port   = 10250
      to_port     = 10250
      protocol    = "tcp"
      cidr_blocks = "10.0.0.0/8,0.0.0.0/0" # expect: N301, N305
    },
  ]
}
