//! Format front ends. YAML, JSON and TOML all become the same span tree ([`Node`]); HCL keeps
//! `hcl-edit`'s body model, which already carries byte spans.

pub mod embedded;
pub mod hcl;
pub mod json;
pub mod merge;
pub mod template;
pub mod toml;
pub mod yaml;

use crate::source::Span;
use std::rc::Rc;

/// Nesting deeper than this is refused by every front end (hostile input, never real config).
pub const MAX_DEPTH: usize = 256;

/// A parse failure: where and why.
#[derive(Debug, Clone)]
pub struct ParseError {
    pub message: String,
    pub span: Option<Span>,
}

impl ParseError {
    pub fn new(message: impl Into<String>, span: Option<Span>) -> ParseError {
        ParseError {
            message: message.into(),
            span,
        }
    }
}

/// How a scalar was written. Kubernetes reads YAML 1.1 (sigs.k8s.io/yaml): a plain `yes` is a
/// boolean and a plain `0644` is octal, a quoted one is a string. So we keep the raw text and the
/// style and let each field resolve its own meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Plain,
    Quoted,
    Block,
}

#[derive(Clone, Debug)]
pub struct Scalar {
    pub text: String,
    pub style: Style,
}

#[derive(Clone, Debug)]
pub enum Kind {
    /// Entries in source order; duplicate keys are kept (a linter wants to see both).
    Map(Vec<(Node, Node)>),
    Seq(Vec<Node>),
    Scalar(Scalar),
    /// A YAML alias: the anchored node, shared rather than copied, so alias bombs cost nothing.
    Alias(Rc<Node>),
}

#[derive(Clone, Debug)]
pub struct Node {
    pub span: Span,
    pub kind: Kind,
}

/// One document of a (possibly multi-document) file.
#[derive(Debug)]
pub struct Document {
    pub root: Node,
    /// Local YAML tags (`!Ref`, `!Sub`, `!GetAtt`: CloudFormation's intrinsic functions) by
    /// the start of the value they tag. Core-schema tags (`!!str`) are not
    /// recorded; JSON and TOML have none.
    pub tags: std::collections::HashMap<usize, String>,
    /// YAML merge keys resolved in this document (empty for JSON and TOML).
    pub merges: Vec<Merge>,
}

/// One value brought into a mapping by a YAML merge key (`merge.rs`): where the merged key and
/// value are written (inside the anchored mapping) and the merge site (`*defaults` after `<<`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Merge {
    pub entry: Span,
    pub site: Span,
}

impl Document {
    pub fn new(root: Node) -> Document {
        Document {
            root,
            tags: Default::default(),
            merges: Vec::new(),
        }
    }

    /// The local tag written on `node` (`"!Ref"`), if any.
    pub fn tag(&self, node: &Node) -> Option<&str> {
        self.tags.get(&node.span.start).map(String::as_str)
    }
}

impl Node {
    pub fn scalar(text: impl Into<String>, style: Style, span: Span) -> Node {
        Node {
            span,
            kind: Kind::Scalar(Scalar {
                text: text.into(),
                style,
            }),
        }
    }

    /// Follows aliases to the node they stand for.
    pub fn resolved(&self) -> &Node {
        let mut n = self;
        // An alias always points at a finished node, so chains are finite; the bound is a guard.
        for _ in 0..64 {
            match &n.kind {
                Kind::Alias(target) => n = target,
                _ => return n,
            }
        }
        n
    }

    pub fn entries(&self) -> &[(Node, Node)] {
        match &self.resolved().kind {
            Kind::Map(e) => e,
            _ => &[],
        }
    }

    pub fn items(&self) -> &[Node] {
        match &self.resolved().kind {
            Kind::Seq(items) => items,
            _ => &[],
        }
    }

    pub fn is_map(&self) -> bool {
        matches!(self.resolved().kind, Kind::Map(_))
    }

    pub fn is_seq(&self) -> bool {
        matches!(self.resolved().kind, Kind::Seq(_))
    }

    pub fn as_scalar(&self) -> Option<&Scalar> {
        match &self.resolved().kind {
            Kind::Scalar(s) => Some(s),
            _ => None,
        }
    }

    /// The scalar's text, whatever its style (null scalars included, as their raw text).
    pub fn as_str(&self) -> Option<&str> {
        self.as_scalar().map(|s| s.text.as_str())
    }

    /// A null: `~`, `null`, or nothing at all after the key.
    pub fn is_null(&self) -> bool {
        matches!(self.as_scalar(), Some(s) if s.style == Style::Plain
            && matches!(s.text.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    /// The last entry with this key (what Kubernetes' decoders keep for duplicates).
    pub fn get_entry(&self, key: &str) -> Option<&(Node, Node)> {
        self.entries()
            .iter()
            .rev()
            .find(|(k, _)| k.as_str() == Some(key))
    }

    pub fn get(&self, key: &str) -> Option<&Node> {
        self.get_entry(key).map(|(_, v)| v).filter(|v| !v.is_null())
    }

    /// Walks a key path: `node.path(&["spec", "template", "spec"])`.
    pub fn path(&self, keys: &[&str]) -> Option<&Node> {
        keys.iter().try_fold(self, |n, k| n.get(k))
    }

    pub fn get_str(&self, key: &str) -> Option<&str> {
        self.get(key).and_then(Node::as_str)
    }

    /// A boolean as Kubernetes' YAML 1.1 decoder reads it. Quoted text is a string, not a bool.
    pub fn as_bool(&self) -> Option<bool> {
        let s = self.as_scalar()?;
        if s.style != Style::Plain {
            return None;
        }
        yaml11_bool(&s.text)
    }

    /// An integer as YAML 1.1 reads it (`0644` is octal, `0x1F` hex, `0o644` too).
    pub fn as_int(&self) -> Option<i64> {
        let s = self.as_scalar()?;
        if s.style != Style::Plain {
            return None;
        }
        yaml11_int(&s.text)
    }
}

pub fn yaml11_bool(text: &str) -> Option<bool> {
    match text {
        "y" | "Y" | "yes" | "Yes" | "YES" | "on" | "On" | "ON" | "true" | "True" | "TRUE" => {
            Some(true)
        }
        "n" | "N" | "no" | "No" | "NO" | "off" | "Off" | "OFF" | "false" | "False" | "FALSE" => {
            Some(false)
        }
        _ => None,
    }
}

pub fn yaml11_int(text: &str) -> Option<i64> {
    let t = text.replace('_', "");
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r.to_string()),
        None => (false, t.strip_prefix('+').unwrap_or(&t).to_string()),
    };
    let v = if let Some(h) = t.strip_prefix("0x") {
        i64::from_str_radix(h, 16).ok()?
    } else if let Some(o) = t.strip_prefix("0o") {
        i64::from_str_radix(o, 8).ok()?
    } else if t.len() > 1 && t.starts_with('0') {
        i64::from_str_radix(&t[1..], 8).ok()?
    } else {
        t.parse().ok()?
    };
    Some(if neg { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml11_scalars() {
        assert_eq!(yaml11_bool("yes"), Some(true));
        assert_eq!(yaml11_bool("Off"), Some(false));
        assert_eq!(yaml11_bool("maybe"), None);
        assert_eq!(yaml11_int("0644"), Some(420));
        assert_eq!(yaml11_int("0o644"), Some(420));
        assert_eq!(yaml11_int("420"), Some(420));
        assert_eq!(yaml11_int("0x1F"), Some(31));
        assert_eq!(yaml11_int("-3"), Some(-3));
        assert_eq!(yaml11_int("0"), Some(0));
        assert_eq!(yaml11_int("08"), None);
    }
}
