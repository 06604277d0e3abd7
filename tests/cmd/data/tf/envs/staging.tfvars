admin_cidrs = ["192.168.0.0/16"]
