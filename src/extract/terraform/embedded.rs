//! Host configs embedded in Terraform heredocs: Bottlerocket TOML in `user_data = <<-EOT`,
//! Butane or Ignition in a `data "ct_config"` `content`, also inside function calls such as
//! `base64encode(<<-EOT … EOT)`. The heredoc body is an [`Embedded`] text copied verbatim from
//! the `.tf` file, so every span of its facts maps back by offset.

use crate::classify::DocKind;
use crate::facts::FileFacts;
use crate::facts::{DocFormat, EmbeddedDoc, Want};
use crate::parse::embedded::Embedded;
use hcl_edit::expr::Expression;
use hcl_edit::structure::Body;

/// Host configs linted per file at most: each costs a copy and a parse of its body, so a hostile
/// file with thousands of heredocs must not cost thousands of them.
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
    let mut inner = Embedded::verbatim(body.to_string(), body_start);
    if body.contains("%{") {
        inner.mask_template_directives();
    }
    let (format, want) = match kind {
        DocKind::Ignition => (DocFormat::Json, Want::Ignition),
        DocKind::Bottlerocket => (DocFormat::Toml, Want::Bottlerocket),
        _ => (DocFormat::Yaml, Want::Butane),
    };
    facts.embedded_docs.push(EmbeddedDoc {
        text: inner,
        format,
        want,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bottlerocket_in_user_data_heredoc() {
        let text = "resource \"aws_launch_template\" \"n\" {\n  user_data = base64encode(<<-EOT\n    [settings.kernel]\n    lockdown = \"none\"\n  EOT\n  )\n}\n";
        let body = crate::parse::hcl::parse(text).unwrap();
        let mut facts = FileFacts::default();
        // Through the dispatcher, which reads the embedded documents.
        crate::extract::terraform(&body, text, &mut facts);
        let s = facts
            .host_settings_at("settings.kernel.lockdown")
            .next()
            .unwrap();
        assert_eq!(&text[s.value_span.start..s.value_span.end], "\"none\"");
    }

    /// Embedded twice: a KubeletConfiguration written by Butane in a `ct_config` heredoc, with
    /// a template directive; its settings land on the `.tf` file's bytes.
    #[test]
    fn kubelet_config_in_butane_in_ct_config() {
        let text = "data \"ct_config\" \"w\" {\n  content = <<-EOT\n    variant: flatcar\n    version: 1.0.0\n    %{ if x ~}\n    storage:\n      files:\n        - path: /etc/kubernetes/kubelet.yaml\n          contents:\n            inline: |\n              apiVersion: kubelet.config.k8s.io/v1beta1\n              kind: KubeletConfiguration\n              authentication:\n                anonymous:\n                  enabled: true\n    %{ endif ~}\n  EOT\n}\n";
        let body = crate::parse::hcl::parse(text).unwrap();
        let mut facts = FileFacts::default();
        // Through the dispatcher, which reads the embedded documents.
        crate::extract::terraform(&body, text, &mut facts);
        let kubelet = &facts.components[0];
        let s = kubelet.get("anonymous-auth").unwrap();
        assert_eq!(&text[s.value_span.start..s.value_span.end], "true");
        let f = &facts.host.files[0];
        assert_eq!(
            &text[f.path_span.start..f.path_span.end],
            "/etc/kubernetes/kubelet.yaml"
        );
        let c = f.contents.as_ref().unwrap();
        let l = c.line_span(1);
        assert_eq!(&text[l.start..l.end], "kind: KubeletConfiguration");
    }
}
