//! JSON front end (Ignition, JSON manifests): `jsonc-parser` in strict mode, converted into the
//! shared span tree. Duplicate keys are kept as separate entries.

use super::{Document, Kind, Node, ParseError, Style};
use crate::source::Span;
use jsonc_parser::ast::{ObjectPropName, Value};
use jsonc_parser::{CollectOptions, ParseOptions};

pub fn parse(text: &str) -> Result<Option<Document>, ParseError> {
    let strict = ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    };
    let parsed =
        jsonc_parser::parse_to_ast(text, &CollectOptions::default(), &strict).map_err(|e| {
            let r = e.range();
            ParseError::new(
                format!("invalid JSON: {e}"),
                Some(Span::new(r.start, r.end)),
            )
        })?;
    Ok(parsed.value.map(|v| Document::new(convert(&v))))
}

fn convert(v: &Value) -> Node {
    match v {
        Value::StringLit(s) => Node::scalar(s.value.to_string(), Style::Quoted, span(s.range)),
        Value::NumberLit(n) => Node::scalar(n.value, Style::Plain, span(n.range)),
        Value::BooleanLit(b) => Node::scalar(b.value.to_string(), Style::Plain, span(b.range)),
        Value::NullKeyword(n) => Node::scalar("null", Style::Plain, span(n.range)),
        Value::Array(a) => Node {
            span: span(a.range),
            kind: Kind::Seq(a.elements.iter().map(convert).collect()),
        },
        Value::Object(o) => Node {
            span: span(o.range),
            kind: Kind::Map(
                o.properties
                    .iter()
                    .map(|p| {
                        let key = match &p.name {
                            ObjectPropName::String(s) => {
                                Node::scalar(s.value.to_string(), Style::Quoted, span(s.range))
                            }
                            ObjectPropName::Word(w) => {
                                Node::scalar(w.value, Style::Plain, span(w.range))
                            }
                        };
                        (key, convert(&p.value))
                    })
                    .collect(),
            ),
        },
    }
}

fn span(r: jsonc_parser::common::Range) -> Span {
    Span::new(r.start, r.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_json_with_spans() {
        let text = r#"{"a": {"b": [1, "x"]}, "a": true}"#;
        let doc = parse(text).unwrap().unwrap();
        assert_eq!(doc.root.entries().len(), 2);
        assert_eq!(doc.root.get("a").unwrap().as_bool(), Some(true));
        let first = &doc.root.entries()[0].1;
        let x = &first.get("b").unwrap().items()[1];
        assert_eq!(&text[x.span.start..x.span.end], "\"x\"");
        assert!(parse("{\"a\": 1,}").is_err());
        assert!(parse("{\"a\": 1} // c").is_err());
    }
}
