# The argument is the caller's variable, whose default (in variables.tf) is the world: the
# finding goes to the argument, where this call hands the value to the module.
module "api_sg" {
  source  = "../module-call/sg"
  name    = "api"
  allowed = var.api_sources # expect: N301
}
