locals {
  l = ["a", "b", "c"]
  d = distinct(flatten([for a in local.l : [for b in local.l : "${a}-${b}"]]))
  j = join(",", local.l)
  f = format("%s:%d", "x", 5)
  m = merge({a = 1}, {b = 2})
}
