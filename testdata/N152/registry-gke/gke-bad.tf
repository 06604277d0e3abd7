# terraform-google-modules/kubernetes-engine/google (root module: a public cluster).
module "gke" { # expect: N152, N150, N250
  source  = "terraform-google-modules/kubernetes-engine/google"
  version = "~> 33.0"

  project_id        = "my-project"
  name              = "prod"
  region            = "europe-west1"
  network           = "vpc"
  subnetwork        = "gke"
  ip_range_pods     = "pods"
  ip_range_services = "services"
}

module "listed" { # expect: N150
  source  = "terraform-google-modules/kubernetes-engine/google"
  version = "44.2.0"

  project_id = "my-project"
  name       = "listed"
  master_authorized_networks = [
    { cidr_block = "0.0.0.0/0", display_name = "anyone" }, # expect: N152
  ]
  network_policy = true
}

# Node pools that make their own nodes private: whether nodes are public is not decided here.
module "private_pools" { # expect: N152, N250
  source  = "terraform-google-modules/kubernetes-engine/google"
  version = "~> 44.0"

  project_id = "my-project"
  name       = "private-pools"
  node_pools = [
    { name = "default", enable_private_nodes = true },
  ]
}
