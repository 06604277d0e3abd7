# 443 on the nodes' group is not the API; the masters' 443 from an office range is restricted.
resource "aws_security_group_rule" "from-0-0-0-0--0-ingress-tcp-443to443-nodes-minimal-example-com" {
  cidr_blocks       = ["0.0.0.0/0"]
  from_port         = 443
  protocol          = "tcp"
  security_group_id = aws_security_group.nodes-minimal-example-com.id
  to_port           = 443
  type              = "ingress"
}

resource "aws_security_group_rule" "from-203-0-113-0--24-ingress-tcp-443to443-masters-minimal-example-com" {
  cidr_blocks       = ["203.0.113.0/24"]
  from_port         = 443
  protocol          = "tcp"
  security_group_id = aws_security_group.masters-minimal-example-com.id
  to_port           = 443
  type              = "ingress"
}
