//! Terraform variable files: which ones Terraform loads by itself, and `*.tfvars.json` files
//! read as variables (each value remembering its place in the file, for related locations).

use super::value::{Val, V};
use crate::facts::Place as At;
use crate::parse::{Kind, Node, Style};
use crate::source::Source;
use std::sync::Arc;

/// The variables of a `*.tfvars.json` file: its top-level object's members, each value
/// remembering its place in that file.
pub(super) fn json_vars(root: &Node, source: &Source, fname: &str) -> Vec<(String, Val)> {
    root.entries()
        .iter()
        .filter_map(|(k, v)| {
            let name = k.as_str()?.to_string();
            let note: Option<Arc<str>> = Some(Arc::from(
                format!("value of \"{name}\" in {fname}").as_str(),
            ));
            let val = json_val(v, source, &note, 0);
            Some((name, val))
        })
        .collect()
}

fn json_val(n: &Node, source: &Source, note: &Option<Arc<str>>, depth: usize) -> Val {
    let at = Some(At {
        file: Some(source.clone()),
        span: n.span,
        note: note.clone(),
    });
    let v = match &n.resolved().kind {
        _ if depth > 64 => V::Unknown,
        Kind::Map(entries) => V::Map(
            entries
                .iter()
                .filter_map(|(k, v)| {
                    Some((
                        k.as_str()?.to_string(),
                        json_val(v, source, note, depth + 1),
                    ))
                })
                .collect(),
        ),
        Kind::Seq(items) => V::List(
            items
                .iter()
                .map(|i| json_val(i, source, note, depth + 1))
                .collect(),
        ),
        Kind::Scalar(s) if s.style == Style::Quoted => V::Str(s.text.clone()),
        Kind::Scalar(s) => match s.text.as_str() {
            "true" => V::Bool(true),
            "false" => V::Bool(false),
            "null" => V::Null,
            t => t.parse().map(V::Num).unwrap_or(V::Unknown),
        },
        Kind::Alias(_) => V::Unknown,
    };
    Val { v, at }.bounded()
}

/// The variable files Terraform loads by itself (its `-var-file`s are passed separately).
pub(super) fn is_tfvars(name: &str) -> bool {
    matches!(name, "terraform.tfvars" | "terraform.tfvars.json")
        || name.ends_with(".auto.tfvars")
        || name.ends_with(".auto.tfvars.json")
}
