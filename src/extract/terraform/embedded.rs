//! Host configs embedded in Terraform heredocs: Bottlerocket TOML in `user_data = <<-EOT`,
//! Butane or Ignition in a `data "ct_config"` `content`, also inside function calls such as
//! `base64encode(<<-EOT … EOT)`. The heredoc body is parsed in place (everything else blanked
//! to spaces), so every span is already a position in the `.tf` file.

use crate::classify::{classify, classify_toml, DocKind};
use crate::facts::FileFacts;
use hcl_edit::expr::Expression;
use hcl_edit::structure::Body;

/// Host configs linted per file at most: each costs a copy of the text before it, so a hostile
/// file with thousands of heredocs must not cost thousands of copies.
const MAX_EMBEDDED: usize = 32;

pub fn extract(body: &Body, text: &str, facts: &mut FileFacts) {
    let mut budget = MAX_EMBEDDED;
    extract_body(body, text, facts, &mut budget);
}

fn extract_body(body: &Body, text: &str, facts: &mut FileFacts, budget: &mut usize) {
    for attr in body.attributes() {
        walk(&attr.value, text, facts, 0, budget);
    }
    for block in body.blocks() {
        extract_body(&block.body, text, facts, budget);
    }
}

fn walk(expr: &Expression, text: &str, facts: &mut FileFacts, depth: usize, budget: &mut usize) {
    if depth > 32 || *budget == 0 {
        return;
    }
    match expr {
        Expression::HeredocTemplate(h) => {
            if let Some(r) = hcl_edit::Span::span(h.as_ref()) {
                heredoc(text, r.start, r.end, facts, budget);
            }
        }
        Expression::FuncCall(f) => {
            for a in f.args.iter() {
                walk(a, text, facts, depth + 1, budget);
            }
        }
        Expression::Parenthesis(p) => walk(p.inner(), text, facts, depth + 1, budget),
        Expression::Array(a) => {
            for e in a.iter() {
                walk(e, text, facts, depth + 1, budget);
            }
        }
        Expression::Object(o) => {
            for (_, v) in o.iter() {
                walk(v.expr(), text, facts, depth + 1, budget);
            }
        }
        _ => {}
    }
}

/// Lints the body of the heredoc spanning `start..end` (from `<<EOT` to the closing marker).
fn heredoc(text: &str, start: usize, end: usize, facts: &mut FileFacts, budget: &mut usize) {
    let Some(raw) = text.get(start..end) else {
        return;
    };
    let Some(nl) = raw.find('\n') else { return };
    let body_start = start + nl + 1;
    // The closing marker is on the last line.
    let body_end = text[..end]
        .rfind('\n')
        .map_or(end, |i| i + 1)
        .max(body_start);
    let body = &text[body_start..body_end];
    // Sniff first: only host configs are worth the copy below.
    let kind = if body.trim_start().starts_with('{') && body.contains("\"ignition\"") {
        DocKind::Ignition
    } else if body
        .lines()
        .any(|l| l.trim_start().starts_with("[settings"))
    {
        DocKind::Bottlerocket
    } else if body.contains("variant:") {
        DocKind::Butane
    } else {
        return;
    };
    *budget -= 1;
    let mut padded = blank_outside(&text[..body_end], body_start, body_end);
    if body.contains("%{") {
        padded = crate::extract::template::blank_directive_lines(&padded);
    }
    match kind {
        DocKind::Ignition => {
            if let Ok(Some(doc)) = crate::parse::json::parse(&padded) {
                if classify(&doc.root) == DocKind::Ignition {
                    crate::extract::document(&doc, &padded, facts);
                }
            }
        }
        DocKind::Bottlerocket => {
            if let Ok(doc) = crate::parse::toml::parse(&padded) {
                if classify_toml(&doc.root) == DocKind::Bottlerocket {
                    crate::extract::toml_document(&doc, facts);
                }
            }
        }
        _ => {
            let (docs, _) = crate::parse::yaml::parse(&padded);
            for doc in docs.iter().filter(|d| classify(&d.root) == DocKind::Butane) {
                crate::extract::document(doc, &padded, facts);
            }
        }
    }
}

/// The file with every byte outside `start..end` (except newlines) replaced by a space; a
/// multi-byte character outside becomes as many spaces as it has bytes.
fn blank_outside(text: &str, start: usize, end: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if (start..end).contains(&i) || c == '\n' {
            out.push(c);
        } else {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bottlerocket_in_user_data_heredoc() {
        let text = "resource \"aws_launch_template\" \"n\" {\n  user_data = base64encode(<<-EOT\n    [settings.kernel]\n    lockdown = \"none\"\n  EOT\n  )\n}\n";
        let body = crate::parse::hcl::parse(text).unwrap();
        let mut facts = FileFacts::default();
        extract(&body, text, &mut facts);
        let s = facts
            .host_settings_at("settings.kernel.lockdown")
            .next()
            .unwrap();
        assert_eq!(&text[s.value_span.start..s.value_span.end], "\"none\"");
    }
}
