//! Terraform. Values are read where they are literal; anything else (variables, functions,
//! references) is unknown, and an unknown value never produces a fact that could raise a finding.

pub mod aws;
pub mod embedded;

use crate::facts::FileFacts;
use crate::source::Span;
use hcl_edit::expr::Expression;
use hcl_edit::structure::{Block, Body};

pub fn extract(body: &Body, text: &str, facts: &mut FileFacts) {
    embedded::extract(body, text, facts);
    for block in body.blocks() {
        if block.ident.as_str() != "resource" {
            continue;
        }
        let (Some(rtype), Some(rname)) = (label(block, 0), label(block, 1)) else {
            continue;
        };
        aws::resource(rtype, rname, block, facts);
    }
}

pub fn label(block: &Block, i: usize) -> Option<&str> {
    block.labels.get(i).map(|l| l.as_str())
}

pub fn span_of(x: &impl hcl_edit::Span) -> Span {
    x.span().map(Span::from).unwrap_or_default()
}

/// A literal value: known, or not.
pub enum Lit<'a> {
    Str(&'a str, Span),
    Num(f64, Span),
    List(Vec<Lit<'a>>, Span),
    Unknown,
}

pub fn literal(expr: &Expression) -> Lit<'_> {
    let span = span_of(expr);
    match expr {
        Expression::String(s) => Lit::Str(s.as_str(), span),
        Expression::Number(n) => n
            .as_f64()
            .map(|f| Lit::Num(f, span))
            .unwrap_or(Lit::Unknown),
        Expression::Array(a) => Lit::List(a.iter().map(literal).collect(), span),
        Expression::Parenthesis(p) => literal(p.inner()),
        _ => Lit::Unknown,
    }
}

/// The attribute's literal value, if the attribute exists.
pub fn attr<'a>(body: &'a Body, name: &str) -> Option<Lit<'a>> {
    body.get_attribute(name).map(|a| literal(&a.value))
}

/// A literal as text (strings and numbers), else `None`.
pub fn lit_text(l: &Lit) -> Option<String> {
    match l {
        Lit::Str(s, _) => Some(s.to_string()),
        Lit::Num(n, _) => Some(if n.fract() == 0.0 {
            format!("{}", *n as i64)
        } else {
            n.to_string()
        }),
        _ => None,
    }
}
