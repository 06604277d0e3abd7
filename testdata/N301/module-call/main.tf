module "api_sg" {
  source = "./sg"

  name        = "api"
  allowed     = ["10.0.0.0/16", "0.0.0.0/0"] # expect: N301
  ingress_csv = "0.0.0.0/0,192.0.2.0/24" # expect: N301
}

module "internal_sg" {
  source  = "./sg"
  name    = "internal"
  allowed = ["10.0.0.0/16"]
}

module "disabled" {
  source  = "./sg"
  count   = 0
  name    = "off"
  allowed = ["0.0.0.0/0"]
}

module "wrapped" {
  source = "./wrapper"
  cidrs  = ["::/0"] # expect: N301
}
