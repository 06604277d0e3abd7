//! `kube-harden server`: a Language Server over stdio. On open and on every change it lints the
//! editor's text with the same pipeline as `check -` (standard input, named after the file, with
//! the `.kube-harden.toml` above it), and publishes the findings as diagnostics with the rule id,
//! a link to the rule's page and related locations.
//!
//! What it does not see: the rest of the workspace. Rules that need the whole scan (N401) and
//! Terraform variables from sibling files are left to `check` on the directory.

use kube_harden::config::{Config, Overrides};
use kube_harden::findings::{Level, Severity};
use kube_harden::report::sarif;
use lsp_server::{Connection, Message, Notification, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, Notification as _,
    PublishDiagnostics,
};
use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Position, PublishDiagnosticsParams, Range, ServerCapabilities,
    TextDocumentSyncCapability, TextDocumentSyncKind, Uri,
};
use std::path::{Path, PathBuf};
use std::str::FromStr;

pub fn run() -> Result<(), String> {
    let (conn, io) = Connection::stdio();
    let caps = ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        ..Default::default()
    };
    conn.initialize(serde_json::to_value(caps).map_err(|e| e.to_string())?)
        .map_err(|e| e.to_string())?;
    for msg in &conn.receiver {
        match msg {
            Message::Request(req) => {
                if conn.handle_shutdown(&req).map_err(|e| e.to_string())? {
                    break;
                }
                let resp = Response::new_err(
                    req.id,
                    lsp_server::ErrorCode::MethodNotFound as i32,
                    format!("kube-harden does not answer {}", req.method),
                );
                send(&conn, resp.into());
            }
            Message::Notification(n) => notification(&conn, n),
            Message::Response(_) => {}
        }
    }
    // The writer thread ends when the connection (its sender) is gone.
    drop(conn);
    io.join().map_err(|e| e.to_string())
}

fn send(conn: &Connection, msg: Message) {
    // The client went away: nothing left to tell it.
    let _ = conn.sender.send(msg);
}

fn notification(conn: &Connection, n: Notification) {
    let (uri, text) = match n.method.as_str() {
        DidOpenTextDocument::METHOD => {
            match serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(n.params) {
                Ok(p) => (p.text_document.uri, Some(p.text_document.text)),
                Err(_) => return,
            }
        }
        DidChangeTextDocument::METHOD => {
            match serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(n.params) {
                // Full sync: the last change holds the whole text.
                Ok(mut p) => (p.text_document.uri, p.content_changes.pop().map(|c| c.text)),
                Err(_) => return,
            }
        }
        DidCloseTextDocument::METHOD => {
            match serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(n.params) {
                Ok(p) => (p.text_document.uri, None),
                Err(_) => return,
            }
        }
        _ => return,
    };
    let diagnostics = text.map(|t| lint(&uri, t)).unwrap_or_default();
    let params = PublishDiagnosticsParams {
        uri,
        diagnostics,
        version: None,
    };
    send(
        conn,
        Notification::new(PublishDiagnostics::METHOD.to_string(), params).into(),
    );
}

/// The file path of a `file://` URI (percent-decoded); other schemes have none.
fn file_path(uri: &Uri) -> Option<PathBuf> {
    let s = uri.as_str().strip_prefix("file://")?;
    let decoded = percent_encoding::percent_decode_str(s).decode_utf8().ok()?;
    Some(PathBuf::from(decoded.into_owned()))
}

fn file_uri(path: &Path) -> Option<Uri> {
    let encoded =
        percent_encoding::utf8_percent_encode(&path.to_string_lossy(), sarif::URI_PATH).to_string();
    Uri::from_str(&format!("file://{encoded}")).ok()
}

/// Findings and tool diagnostics of one document's text.
fn lint(uri: &Uri, text: String) -> Vec<Diagnostic> {
    let path = file_path(uri).unwrap_or_else(|| PathBuf::from("untitled.yaml"));
    let dir = path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let name = path.to_string_lossy().into_owned();
    let config = match Config::load(&dir, &Overrides::default()) {
        Ok(c) => c,
        Err(e) => {
            return vec![diagnostic(
                Range::default(),
                DiagnosticSeverity::ERROR,
                "config",
                format!("kube-harden: {e}"),
            )]
        }
    };
    let input = kube_harden::Input {
        paths: Vec::new(),
        stdin: Some((name.clone(), text)),
        threads: Some(1),
        drop_texts: false,
    };
    let outcome = kube_harden::scan(&input, &config);
    let mut out: Vec<Diagnostic> = outcome
        .active()
        .map(|f| {
            let (s, e) = (f.start(), f.end());
            let doc = &kube_harden::rules::find(f.rule_id)
                .expect("registered rule")
                .doc;
            let related = f
                .related
                .iter()
                .filter_map(|r| {
                    let target = if r.file.path == name {
                        uri.clone()
                    } else {
                        file_uri(&dir.join(&r.file.path))?
                    };
                    let (s, e) = (r.start, r.end);
                    Some(DiagnosticRelatedInformation {
                        location: Location {
                            uri: target,
                            range: range(s, e),
                        },
                        message: r.message.clone(),
                    })
                })
                .collect::<Vec<_>>();
            let mut d = diagnostic(
                range(s, e),
                severity(f.severity),
                f.rule_id,
                format!("{} ({})", f.message, f.rule_name),
            );
            d.code_description = Uri::from_str(&doc.help_uri())
                .ok()
                .map(|href| CodeDescription { href });
            d.related_information = (!related.is_empty()).then_some(related);
            d
        })
        .collect();
    for d in &outcome.diagnostics {
        let r = d.region.map_or(Range::default(), |(s, e)| range(s, e));
        let sev = match d.level {
            Level::Error => DiagnosticSeverity::ERROR,
            Level::Warning => DiagnosticSeverity::WARNING,
            Level::Note => DiagnosticSeverity::INFORMATION,
        };
        out.push(diagnostic(r, sev, d.code, d.message.clone()));
    }
    out
}

fn diagnostic(range: Range, sev: DiagnosticSeverity, code: &str, message: String) -> Diagnostic {
    Diagnostic {
        range,
        severity: Some(sev),
        code: Some(NumberOrString::String(code.to_string())),
        source: Some("kube-harden".into()),
        message,
        ..Default::default()
    }
}

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Critical | Severity::High => DiagnosticSeverity::ERROR,
        Severity::Medium => DiagnosticSeverity::WARNING,
        Severity::Low => DiagnosticSeverity::INFORMATION,
    }
}

/// Our positions are 1-based with UTF-16 columns; LSP's are 0-based, UTF-16 by default.
fn range(s: kube_harden::source::Position, e: kube_harden::source::Position) -> Range {
    let p = |p: kube_harden::source::Position| Position {
        line: p.line.saturating_sub(1) as u32,
        character: p.column.saturating_sub(1) as u32,
    };
    Range {
        start: p(s),
        end: p(e),
    }
}
