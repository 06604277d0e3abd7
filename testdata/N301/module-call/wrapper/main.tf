variable "cidrs" {
  type = list(string)
}

module "inner" {
  source  = "../sg"
  name    = "wrapped"
  allowed = var.cidrs
}
