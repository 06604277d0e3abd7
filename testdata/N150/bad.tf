resource "aws_instance" "controller" {
  ami                         = data.aws_ami.flatcar.image_id
  instance_type               = "t3.medium"
  associate_public_ip_address = true # expect: N150
}

resource "aws_launch_template" "workers" {
  network_interfaces {
    associate_public_ip_address = var.public_nodes # expect: N150
  }
}

variable "public_nodes" {
  default = true
}

resource "google_compute_instance" "node" {
  name         = "node"
  machine_type = "e2-medium"

  network_interface {
    network = "default"
    access_config { # expect: N150
    }
  }
}

resource "azurerm_network_interface" "node" {
  name = "node"

  ip_configuration {
    name                 = "primary"
    public_ip_address_id = azurerm_public_ip.node.id # expect: N150
  }
}
resource "azurerm_kubernetes_cluster" "aks_pubnodes" {
  name                = "aks_pubnodes"
  location            = "westeurope"
  resource_group_name = "rg"
  kubernetes_version  = "1.36"
  automatic_upgrade_channel = "patch"
  private_cluster_enabled = true
  local_account_disabled  = true

  default_node_pool {
    name    = "default"
    vm_size = "Standard_D4s_v5"
    node_public_ip_enabled = true # expect: N150
  }

  network_profile {
    network_plugin = "azure"
    network_policy = "cilium"
  }

  key_management_service {
    key_vault_key_id = azurerm_key_vault_key.etcd.id
  }
}

resource "google_container_cluster" "gke_pubnodes" {
  name               = "gke_pubnodes"
  min_master_version = "1.36"
  datapath_provider  = "ADVANCED_DATAPATH"

  private_cluster_config {
    enable_private_nodes    = false # expect: N150
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

resource "google_container_cluster" "gke_no_private_config" { # expect: N150
  name               = "gke_no_private_config"
  min_master_version = "1.36"
  datapath_provider  = "ADVANCED_DATAPATH"

  master_authorized_networks_config {
    cidr_blocks {
      cidr_block = "10.0.0.0/8"
    }
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
