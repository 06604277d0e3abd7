resource "aws_eks_cluster" "eks_restricted" {
  name     = "eks_restricted"
  role_arn = aws_iam_role.cluster.arn
  version  = "1.36"

  enabled_cluster_log_types = ["api", "audit", "authenticator"]

  vpc_config {
    subnet_ids             = var.subnet_ids
    public_access_cidrs    = ["203.0.113.0/28"]
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

resource "google_container_cluster" "gke_restricted" {
  name               = "gke_restricted"
  min_master_version = "1.36"
  datapath_provider  = "ADVANCED_DATAPATH"

  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = false
  }

  database_encryption {
    state    = "ENCRYPTED"
    key_name = google_kms_crypto_key.etcd.id
  }

  workload_identity_config {
    workload_pool = "proj.svc.id.goog"
  }

  master_authorized_networks_config {
    cidr_blocks {
      cidr_block = "203.0.113.0/28"
    }
  }

  node_config {
    service_account = google_service_account.nodes.email
    shielded_instance_config {
      enable_secure_boot = true
    }
    image_type = "COS_CONTAINERD"
  }
}

resource "azurerm_kubernetes_cluster" "aks_restricted" {
  name                = "aks_restricted"
  location            = "westeurope"
  resource_group_name = "rg"
  kubernetes_version  = "1.36"
  automatic_upgrade_channel = "patch"
  local_account_disabled = true

  api_server_access_profile {
    authorized_ip_ranges = ["203.0.113.0/28"]
  }

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

resource "aws_eks_cluster" "eks_unknown" {
  name     = "eks_unknown"
  role_arn = aws_iam_role.cluster.arn
  version  = "1.36"

  enabled_cluster_log_types = ["api", "audit", "authenticator"]

  vpc_config {
    subnet_ids             = var.subnet_ids
    endpoint_public_access = var.public
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
