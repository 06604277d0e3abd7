//! Registry modules that `terraform init` has not installed (no `.terraform/modules`): the
//! inputs of the most used Kubernetes modules, mapped to the resource attributes they drive,
//! with the module's own defaults, per major version. The major comes from the call's
//! `version` constraint; a call without one, with a constraint that spans majors, or of a
//! major not modelled here, yields nothing. An input that is not known makes its setting
//! unknown. When the module is installed, `calls.rs` follows the real code instead.

mod aks;
mod blueprints_addons;
mod eks;
mod gke;
mod security_group;

use crate::extract::terraform::eval::Scope;
use crate::extract::terraform::module::Module;
use crate::extract::terraform::peers::{origin_of, peers};
use crate::extract::terraform::resource::instances;
use crate::extract::terraform::syntax::span_of;
use crate::extract::terraform::value::{Val, V};
use crate::facts::{ClusterField, FileFacts, Located, Peer, ValueOrigin};
use crate::source::Span;
use hcl_edit::structure::Block;

/// One instance of a module call, ready to read inputs from.
pub struct Call<'a> {
    block: &'a Block,
    scope: Scope<'a>,
    /// `module.eks`, `module.eks["a"]`.
    pub address: String,
    /// The module label: where findings about defaults point.
    pub label: Span,
    /// `terraform-aws-modules/eks/aws 20.x`, for notes.
    pub module: String,
    pub major: u32,
}

impl Call<'_> {
    /// An input's value and the span of its expression; `None` when it is not set or set to
    /// `null` (the module default applies).
    pub fn input(&mut self, name: &str) -> Option<(Val, Span)> {
        let a = self.block.body.get_attribute(name)?;
        let v = self.scope.eval(&a.value);
        (!matches!(v.v, V::Null)).then(|| (v, span_of(&a.value)))
    }

    /// Evaluates an expression of the call in its scope (a part of an input written inline).
    pub fn eval(&mut self, e: &hcl_edit::expr::Expression) -> Val {
        self.scope.eval(e)
    }

    /// The first of `names` that is set (inputs renamed between majors).
    pub fn any_input(&mut self, names: &[&str]) -> Option<(Val, Span)> {
        names.iter().find_map(|n| self.input(n))
    }

    /// A field for the value of an input, as the resource adapter records attributes.
    pub fn field(&self, path: &str, v: &Val, span: Span) -> ClusterField {
        let list = v
            .items()
            .and_then(|items| items.iter().map(|i| i.text()).collect::<Option<Vec<_>>>());
        let value = if v.is_whole() {
            v.text().or_else(|| v.items().map(|_| "list".to_string()))
        } else {
            None
        };
        ClusterField {
            path: path.to_string(),
            list,
            peers: peers(v, span),
            at: Located::at(value, span).with_origin(origin_of(v, span)),
        }
    }

    /// A field the module sets by default when the call leaves `input` out: a scalar, or a
    /// list when `list` is given. Placed at `at`, with the default as related place.
    pub fn default_field(
        &self,
        path: &str,
        input: &str,
        scalar: &str,
        list: Option<&[&str]>,
        at: Span,
    ) -> ClusterField {
        let origin = ValueOrigin::new(
            None,
            self.label,
            format!(
                "default of input \"{input}\" of {} (the call does not set it)",
                self.module
            ),
        );
        let list: Option<Vec<String>> = list.map(|l| l.iter().map(|s| s.to_string()).collect());
        let value = Some(if list.is_some() { "list" } else { scalar }.to_string());
        ClusterField {
            path: path.to_string(),
            peers: list
                .iter()
                .flatten()
                .map(|c| Peer::at(c.clone(), at).with_origin(Some(origin.clone())))
                .collect(),
            list,
            at: Located::at(value, at).with_origin(Some(origin)),
        }
    }

    /// A field whose value is not known.
    pub fn unknown_field(&self, path: &str, span: Span) -> ClusterField {
        ClusterField {
            path: path.to_string(),
            list: None,
            peers: Vec::new(),
            at: Located::at(None, span),
        }
    }
}

/// A registry module's source without host and submodule: `terraform-aws-modules/eks/aws`.
fn registry_name(source: &str) -> Option<&str> {
    let s = source
        .strip_prefix("registry.terraform.io/")
        .unwrap_or(source);
    (s.split('/').count() == 3 && !s.contains("//") && !s.contains(':')).then_some(s)
}

/// The one major version a constraint allows: `20.8.4`, `= 20.8.4`, `~> 20.0`, `~> 20.8.1`,
/// `>= 20.0, < 21.0`. Anything wider or stranger is `None`.
pub fn major_of(constraint: &str) -> Option<u32> {
    let parts: Vec<&str> = constraint.split(',').map(str::trim).collect();
    let num = |s: &str| -> Option<Vec<u32>> {
        s.trim()
            .trim_start_matches('v')
            .split('.')
            .map(|p| p.parse().ok())
            .collect()
    };
    match parts.as_slice() {
        [one] => {
            let (op, rest) = match one.find(|c: char| c.is_ascii_digit() || c == 'v') {
                Some(i) => (one[..i].trim(), &one[i..]),
                None => return None,
            };
            let v = num(rest)?;
            match op {
                "" | "=" if !v.is_empty() => Some(v[0]),
                "~>" if v.len() >= 2 => Some(v[0]),
                _ => None,
            }
        }
        [lo, hi] => {
            let lo = num(lo.strip_prefix(">=")?)?;
            let hi = num(hi.strip_prefix('<')?)?;
            let (l, h) = (*lo.first()?, *hi.first()?);
            (h == l + 1 && hi.iter().skip(1).all(|x| *x == 0)).then_some(l)
        }
        _ => None,
    }
}

/// A call of a registry module that is not installed: the modelled ones lower into facts.
pub fn call(block: &Block, module: &Module, source: &str, label: Span, facts: &mut FileFacts) {
    let Some(name) = registry_name(source) else {
        return;
    };
    let model: fn(&mut Call, &mut FileFacts) = match name {
        "terraform-aws-modules/eks/aws" => eks::lower,
        "aws-ia/eks-blueprints-addons/aws" => blueprints_addons::lower,
        "terraform-aws-modules/security-group/aws" => security_group::lower,
        "terraform-google-modules/kubernetes-engine/google" => gke::lower,
        "Azure/aks/azurerm" => aks::lower,
        _ => return,
    };
    let Some(major) = block
        .body
        .get_attribute("version")
        .and_then(|a| a.value.as_str().map(str::to_string))
        .and_then(|v| major_of(&v))
    else {
        return;
    };
    let Some(call_name) = block.labels.first().map(|l| l.as_str().to_string()) else {
        return;
    };
    for (suffix, bindings) in instances(block, module) {
        let mut scope = Scope::new(module, None, None);
        for (k, v) in bindings {
            scope.bind(&k, v);
        }
        let mut call = Call {
            block,
            scope,
            address: format!("module.{call_name}{suffix}"),
            label,
            module: format!("{name} {major}.x"),
            major,
        };
        model(&mut call, facts);
    }
}

#[cfg(test)]
mod tests {
    use super::major_of;

    #[test]
    fn majors() {
        assert_eq!(major_of("20.8.4"), Some(20));
        assert_eq!(major_of("~> 20.0"), Some(20));
        assert_eq!(major_of("~>19.21.0"), Some(19));
        assert_eq!(major_of("= 18.31.2"), Some(18));
        assert_eq!(major_of(">= 20.0, < 21.0"), Some(20));
        assert_eq!(major_of(">= 20.0"), None);
        assert_eq!(major_of("~> 20"), None);
        assert_eq!(major_of(">= 19.0, < 21.0"), None);
    }
}
