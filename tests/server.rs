//! The language server driven over stdio as an editor would: initialize, open a bad kubeadm
//! file, receive its diagnostics at the right range, fix it, receive none, shut down.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{ChildStdout, Command, Stdio};

fn send(w: &mut impl Write, msg: Value) {
    let body = msg.to_string();
    write!(w, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
    w.flush().unwrap();
}

fn receive(r: &mut BufReader<ChildStdout>) -> Value {
    let mut len = 0;
    loop {
        let mut line = String::new();
        assert!(r.read_line(&mut line).unwrap() > 0, "server closed stdout");
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            len = n.parse().unwrap();
        }
    }
    let mut body = vec![0; len];
    r.read_exact(&mut body).unwrap();
    serde_json::from_slice(&body).unwrap()
}

/// The next `publishDiagnostics` notification.
fn diagnostics(r: &mut BufReader<ChildStdout>) -> Value {
    loop {
        let m = receive(r);
        if m["method"] == "textDocument/publishDiagnostics" {
            return m["params"].clone();
        }
    }
}

const BAD: &str = "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nkubernetesVersion: v1.35.0\napiServer:\n  extraArgs:\n    - name: anonymous-auth\n      value: \"true\"\n";

#[test]
fn diagnostics_on_open_and_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kubeadm.yaml");
    let uri = format!("file://{}", path.display());
    let mut child = Command::new(env!("CARGO_BIN_EXE_kube-harden"))
        .arg("server")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut w = child.stdin.take().unwrap();
    let mut r = BufReader::new(child.stdout.take().unwrap());

    send(
        &mut w,
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}),
    );
    let init = receive(&mut r);
    assert_eq!(init["id"], 1);
    assert_eq!(init["result"]["capabilities"]["textDocumentSync"], 1);
    send(
        &mut w,
        json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
    );

    send(
        &mut w,
        json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
        "textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": BAD}}}),
    );
    let p = diagnostics(&mut r);
    assert_eq!(p["uri"], uri.as_str());
    let ds = p["diagnostics"].as_array().unwrap();
    let anon = ds.iter().find(|d| d["code"] == "C201").expect("C201");
    // From `anonymous-auth` (line 6, column 13; 0-based 5 and 12) to the end of `"true"`.
    assert_eq!(anon["range"]["start"], json!({"line": 5, "character": 12}));
    assert_eq!(anon["range"]["end"], json!({"line": 6, "character": 19}));
    assert_eq!(anon["source"], "kube-harden");
    assert!(anon["codeDescription"]["href"]
        .as_str()
        .unwrap()
        .ends_with("/rules/C201.md"));

    let fixed = BAD.replace("\"true\"", "\"false\"");
    send(
        &mut w,
        json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"text": fixed}]}}),
    );
    let p = diagnostics(&mut r);
    let codes: Vec<&Value> = p["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| &d["code"])
        .collect();
    assert!(!codes.contains(&&json!("C201")), "{codes:?}");

    send(
        &mut w,
        json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}),
    );
    assert_eq!(receive(&mut r)["id"], 2);
    send(&mut w, json!({"jsonrpc": "2.0", "method": "exit"}));
    assert!(child.wait().unwrap().success());
}
