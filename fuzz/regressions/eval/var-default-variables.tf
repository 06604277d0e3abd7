variable "api_cidrs" {
  type    = list(string)
  default = ["0.0.0.0/0"]
}

variable "extra" {
  type    = list(string)
  default = ["::/0"]
}

locals {
  kubelet_sources = concat(["10.0.0.0/16"], var.extra)
}
