resource "aws_eks_cluster" "eks_old" {
  name     = "eks_old"
  role_arn = aws_iam_role.cluster.arn
  version  = var.eks_version # expect: C550

  enabled_cluster_log_types = ["api", "audit", "authenticator"]

  vpc_config {
    subnet_ids             = var.subnet_ids
    endpoint_public_access = false
    endpoint_private_access = true
  }

  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = aws_kms_key.eks.arn
    }
  }

  access_config {
    authentication_mode = "API"
  }
}

variable "eks_version" {
  default = "1.29"
}

resource "google_container_cluster" "gke_old" {
  name               = "gke_old"
  min_master_version = "1.30.5-gke.100" # expect: C550
  datapath_provider  = "ADVANCED_DATAPATH"

  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = true
  }

  database_encryption {
    state    = "ENCRYPTED"
    key_name = google_kms_crypto_key.etcd.id
  }

  workload_identity_config {
    workload_pool = "proj.svc.id.goog"
  }

  node_config {
    service_account = google_service_account.nodes.email
    shielded_instance_config {
      enable_secure_boot = true
    }
    image_type = "COS_CONTAINERD"
  }
}

resource "azurerm_kubernetes_cluster" "aks_old" {
  name                = "aks_old"
  location            = "westeurope"
  resource_group_name = "rg"
  kubernetes_version  = "1.34" # expect: C550
  automatic_upgrade_channel = "patch"
  private_cluster_enabled = true
  local_account_disabled  = true

  default_node_pool {
    name    = "default"
    vm_size = "Standard_D4s_v5"
    node_public_ip_enabled = false
  }

  network_profile {
    network_plugin = "azure"
    network_policy = "cilium"
  }

  key_management_service {
    key_vault_key_id = azurerm_key_vault_key.etcd.id
  }
}

resource "aws_eks_node_group" "old" {
  cluster_name = aws_eks_cluster.eks_old.name
  version      = "1.28" # expect: C550
  ami_type     = "BOTTLEROCKET_x86_64"
}
