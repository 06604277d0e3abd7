//! TOML front end (Bottlerocket user data): `toml`'s span-carrying `DeTable`, converted into the
//! shared span tree. A table opened by a `[header]` gets the header's span.

use super::{Document, Kind, Node, ParseError, Style};
use crate::source::Span;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

pub fn parse(text: &str) -> Result<Document, ParseError> {
    // Same guard as for HCL: refuse hostile nesting before a recursive parser sees it.
    if let Some(at) = super::hcl::too_deep(text) {
        return Err(ParseError::new(
            format!(
                "TOML nested deeper than {} levels; refusing to read further",
                super::MAX_DEPTH
            ),
            Some(Span::new(at, at)),
        ));
    }
    let table = DeTable::parse(text).map_err(|e| {
        ParseError::new(
            format!("invalid TOML: {}", e.message()),
            e.span().map(Span::from),
        )
    })?;
    let span = Span::from(table.span());
    Ok(Document::new(table_node(table.get_ref(), span)))
}

fn table_node(t: &DeTable, span: Span) -> Node {
    Node {
        span,
        kind: Kind::Map(
            t.iter()
                .map(|(k, v)| {
                    let key = Node::scalar(k.get_ref().to_string(), Style::Plain, k.span().into());
                    (key, value_node(v))
                })
                .collect(),
        ),
    }
}

fn value_node(v: &Spanned<DeValue>) -> Node {
    let span = Span::from(v.span());
    match v.get_ref() {
        DeValue::String(s) => Node::scalar(s.to_string(), Style::Quoted, span),
        DeValue::Integer(i) => {
            let text = match i.radix() {
                10 => i.as_str().to_string(),
                r => i64::from_str_radix(i.as_str(), r)
                    .map(|n| n.to_string())
                    .unwrap_or_else(|_| i.as_str().to_string()),
            };
            Node::scalar(text, Style::Plain, span)
        }
        DeValue::Float(f) => Node::scalar(f.as_str().to_string(), Style::Plain, span),
        DeValue::Boolean(b) => Node::scalar(b.to_string(), Style::Plain, span),
        DeValue::Datetime(d) => Node::scalar(d.to_string(), Style::Quoted, span),
        DeValue::Array(items) => Node {
            span,
            kind: Kind::Seq(items.iter().map(value_node).collect()),
        },
        DeValue::Table(t) => table_node(t, span),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotted_and_header_tables() {
        let text = "[settings.host-containers.admin]\nenabled = true\n[settings.kernel]\nlockdown = \"none\"\n";
        let doc = parse(text).unwrap();
        let en = doc
            .root
            .path(&["settings", "host-containers", "admin", "enabled"])
            .unwrap();
        assert_eq!(en.as_bool(), Some(true));
        assert_eq!(&text[en.span.start..en.span.end], "true");
        assert!(parse("a = [").is_err());
    }
}
