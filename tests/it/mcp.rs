//! `datumctl mcp` driven by the official MCP Python SDK (tests/mcp/host.py) as an agent's host
//! drives it, against a real `datumctl serve`: offline tools, the dry-run/confirm write cycle,
//! a server that is down, and malformed requests. The host reports each check by name.

use crate::common;

use common::TestServer;
use std::net::TcpListener;
use std::path::Path;
use std::process::Command;

/// Checks the host must report as passed: a host that skipped some would not pass.
const EXPECTED: [&str; 12] = [
    "initialize",
    "list tools",
    "validate a bad manifest: errors with lines",
    "validate a good manifest",
    "explain a path offline",
    "apply without confirm: a dry run that changes nothing",
    "apply with confirm: the object exists",
    "describe: the ancestor status table",
    "delete without confirm: nothing deleted",
    "delete with confirm: gone",
    "a server that is down: tool error with a hint",
    "a malformed request: a JSON-RPC error",
];

/// Whether the MCP Python SDK is importable. Outside CI a missing SDK skips the test; in CI
/// (`CI=true`) it fails it, as a missing kubectl does.
fn python_sdk() -> bool {
    let found = Command::new("python3")
        .args(["-c", "import mcp"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            !std::env::var("CI").is_ok_and(|v| v == "true"),
            "the MCP Python SDK is missing in CI: run scripts/test.sh (pip install mcp)"
        );
        eprintln!("the MCP Python SDK (pip package `mcp`) is not installed; skipping");
    }
    found
}

/// A loopback URL nothing listens on.
fn dead_url() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    drop(listener);
    format!("http://127.0.0.1:{port}")
}

#[test]
fn an_mcp_host_drives_every_tool() {
    if !python_sdk() {
        return;
    }
    let server = TestServer::start();
    let home = tempfile::tempdir().expect("tempdir");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/mcp/host.py");
    let output = Command::new("python3")
        .arg(&script)
        .args(["--bin", &common::bin().to_string_lossy()])
        .args(["--server", &server.url, "--project", "mcp-test"])
        .args(["--down", &dead_url()])
        .args(["--home", &home.path().to_string_lossy()])
        .output()
        .expect("python3 runs");
    let stdout = common::out(&output);
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "host.py printed no report ({e}):\n{stdout}\nstderr:\n{}",
            common::err(&output)
        )
    });
    let checks = report["checks"].as_object().cloned().unwrap_or_default();
    let failed: Vec<String> = checks
        .iter()
        .filter(|(_, v)| *v != "ok")
        .map(|(k, v)| format!("{k}: {v}"))
        .collect();
    assert!(
        failed.is_empty(),
        "failed checks:\n{}\nstderr:\n{}",
        failed.join("\n"),
        common::err(&output)
    );
    for name in EXPECTED {
        assert_eq!(
            checks.get(name),
            Some(&"ok".into()),
            "check {name:?} did not run"
        );
    }
    assert!(
        output.status.success(),
        "host.py exited {:?}",
        output.status
    );

    // The CLI sees what the tools left: the policy was deleted.
    let listed = common::datumctl(home.path())
        .args(["--server", &server.url, "--project", "mcp-test"])
        .args(["get", "btp", "-o", "name"])
        .output()
        .expect("get runs");
    assert_eq!(common::out(&listed), "", "{}", common::err(&listed));
}

#[test]
fn an_output_format_is_refused_by_name() {
    let home = tempfile::tempdir().expect("tempdir");
    let out = common::datumctl(home.path())
        .args(["-o", "json", "mcp"])
        .output()
        .expect("runs");
    assert_eq!(common::code(&out), 2);
    assert!(
        common::err(&out).contains("datumctl mcp takes no -o (given \"json\")"),
        "{}",
        common::err(&out)
    );
    assert_eq!(common::out(&out), "", "nothing but protocol on stdout");
}
