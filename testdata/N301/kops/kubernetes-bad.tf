# kOps-generated Terraform: kOps serves the Kubernetes API on 443.
resource "aws_security_group" "masters-minimal-example-com" {
  name   = "masters.minimal.example.com"
  vpc_id = aws_vpc.minimal-example-com.id
}

resource "aws_security_group_rule" "from-0-0-0-0--0-ingress-tcp-443to443-masters-minimal-example-com" {
  cidr_blocks       = ["0.0.0.0/0"] # expect: N301
  from_port         = 443
  protocol          = "tcp"
  security_group_id = aws_security_group.masters-minimal-example-com.id
  to_port           = 443
  type              = "ingress"
}

resource "aws_security_group_rule" "from-__--0-ingress-tcp-443to443-api-elb-minimal-example-com" {
  from_port         = 443
  ipv6_cidr_blocks  = ["::/0"] # expect: N301
  protocol          = "tcp"
  security_group_id = aws_security_group.api-elb-minimal-example-com.id
  to_port           = 443
  type              = "ingress"
}
