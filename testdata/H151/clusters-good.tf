resource "aws_eks_cluster" "eks_good" {
  name     = "eks_good"
  role_arn = aws_iam_role.cluster.arn
  version  = "1.36"

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

resource "google_container_cluster" "gke_good" {
  name               = "gke_good"
  min_master_version = "1.36"
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

resource "azurerm_kubernetes_cluster" "aks_good" {
  name                = "aks_good"
  location            = "westeurope"
  resource_group_name = "rg"
  kubernetes_version  = "1.36"
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
