//! Template values: scalars and lists as written, through `Ref` to a parameter's default, or
//! unknown for every other intrinsic function.

use crate::facts::ValueOrigin;
use crate::parse::{Document, Kind, Node};
use crate::source::Span;

/// A value as the template gives it.
#[derive(Clone, Debug)]
pub enum Cf {
    /// A scalar: its text, where it stands (the property value, or the `Ref`), and the place
    /// that set it when that is elsewhere (a parameter default).
    Known(String, Span, Option<ValueOrigin>),
    /// Only CloudFormation knows it at deploy time.
    Unknown,
}

/// The template being read: its parameters and tags.
pub struct Cx<'a> {
    doc: &'a Document,
    params: Option<&'a Node>,
}

impl<'a> Cx<'a> {
    pub fn new(doc: &'a Document) -> Cx<'a> {
        Cx {
            doc,
            params: doc.root.get("Parameters").filter(|p| p.is_map()),
        }
    }

    /// The tag written on a node (`!Ref`), or the intrinsic of a one-key JSON form
    /// (`{"Ref": ...}`, `{"Fn::Sub": ...}`) with its argument.
    pub fn intrinsic<'n>(&self, n: &'n Node) -> Option<(String, &'n Node)> {
        if let Some(t) = self.doc.tag(n) {
            return Some((t.trim_start_matches('!').to_string(), n));
        }
        let entries = n.entries();
        if let [(k, v)] = entries {
            let k = k.as_str()?;
            if k == "Ref" || k.starts_with("Fn::") || k == "Condition" {
                return Some((k.trim_start_matches("Fn::").to_string(), v));
            }
        }
        None
    }

    /// A parameter's `Default` node and the parameter's type.
    fn default_of(&self, name: &str) -> Option<(&'a Node, &'a str)> {
        let p = self.params?.get(name)?;
        Some((p.get("Default")?, p.get_str("Type").unwrap_or("String")))
    }

    /// A scalar property.
    pub fn scalar(&self, n: &Node) -> Cf {
        let n = n.resolved();
        match self.intrinsic(n) {
            Some((f, arg)) if f == "Ref" => {
                let Some((d, _)) = arg.as_str().and_then(|name| self.default_of(name)) else {
                    return Cf::Unknown;
                };
                match d.as_str() {
                    Some(text) => Cf::Known(
                        text.to_string(),
                        n.span,
                        Some(self.origin(arg.as_str().unwrap_or(""), d.span)),
                    ),
                    None => Cf::Unknown,
                }
            }
            Some(_) => Cf::Unknown,
            None => match n.as_str() {
                Some(t) if matches!(n.kind, Kind::Scalar(_)) => {
                    Cf::Known(t.to_string(), n.span, None)
                }
                _ => Cf::Unknown,
            },
        }
    }

    /// A list property: its items, or `None` when the list as a whole is not known. A `Ref` to
    /// a `CommaDelimitedList`/`List<…>` parameter gives the default's items.
    pub fn list(&self, n: &Node) -> Option<Vec<Cf>> {
        let n = n.resolved();
        match self.intrinsic(n) {
            Some((f, arg)) if f == "Ref" => {
                let name = arg.as_str()?;
                let (d, ty) = self.default_of(name)?;
                if !(ty == "CommaDelimitedList" || ty.starts_with("List<")) {
                    return None;
                }
                let text = d.as_str()?;
                let origin = self.origin(name, d.span);
                Some(
                    text.split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(|s| Cf::Known(s.to_string(), n.span, Some(origin.clone())))
                        .collect(),
                )
            }
            Some(_) => None,
            None if n.is_seq() => Some(n.items().iter().map(|i| self.scalar(i)).collect()),
            None => None,
        }
    }

    fn origin(&self, name: &str, span: Span) -> ValueOrigin {
        ValueOrigin::new(None, span, format!("default of parameter \"{name}\""))
    }
}
