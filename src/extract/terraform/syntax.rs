//! hcl-edit helpers shared by the Terraform extractors.

use crate::source::Span;
use hcl_edit::structure::Block;

pub fn label(block: &Block, i: usize) -> Option<&str> {
    block.labels.get(i).map(|l| l.as_str())
}

pub fn span_of(x: &impl hcl_edit::Span) -> Span {
    x.span().map(Span::from).unwrap_or_default()
}
