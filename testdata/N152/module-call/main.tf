module "eks" { # expect: N152
  source = "./eks"

  name                   = "demo"
  endpoint_public_access = true
}

module "eks_restricted" {
  source = "./eks"

  name                   = "restricted"
  endpoint_public_access = true
  public_access_cidrs    = ["203.0.113.0/28"]
}

module "eks_world" {
  source = "./eks"

  name                   = "world"
  endpoint_public_access = true
  public_access_cidrs    = ["0.0.0.0/0"] # expect: N152
}

module "eks_private" {
  source = "./eks"
  name   = "private"
}
