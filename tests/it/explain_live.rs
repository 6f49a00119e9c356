//! `explain` against a live `datumctl serve`: the schema comes from the server's OpenAPI v3
//! (requests visible at -v 6, cached by hash), falls back to the embedded schema with a note
//! when the server cannot be reached, and `--offline` never asks the server.

use crate::common;

use std::process::Output;

fn explain(home: &std::path::Path, server: &str, extra: &[&str]) -> Output {
    common::datumctl(home)
        .env("DATUMCTL_SERVER", server)
        .args(["explain", "btp.spec.retry", "--project", "live", "-v", "6"])
        .args(extra)
        .output()
        .expect("run explain")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn reads_the_servers_openapi_and_matches_the_offline_page() {
    let server = common::TestServer::start();
    let home = tempfile::tempdir().expect("home");
    let live = explain(home.path(), &server.url, &[]);
    assert_eq!(live.status.code(), Some(0), "{}", text(&live.stderr));
    let log = text(&live.stderr);
    assert!(
        log.contains("/projects/live/control-plane/openapi/v3"),
        "{log}"
    );
    assert!(
        log.contains("/openapi/v3/apis/gateway.envoyproxy.io/v1alpha1"),
        "{log}"
    );
    let offline = explain(home.path(), &server.url, &["--offline"]);
    assert_eq!(offline.status.code(), Some(0));
    assert!(
        !text(&offline.stderr).contains("openapi"),
        "--offline must not ask the server"
    );
    assert_eq!(text(&live.stdout), text(&offline.stdout));
    assert!(text(&live.stdout).contains("  numRetries\t<integer>"));

    // The group-version document is cached by its hash: a second run fetches only the index.
    let again = explain(home.path(), &server.url, &[]);
    let log = text(&again.stderr);
    assert!(log.contains("/openapi/v3"), "{log}");
    assert!(
        !log.contains("/openapi/v3/apis/"),
        "cached document fetched again: {log}"
    );
    assert_eq!(text(&again.stdout), text(&offline.stdout));

    // A cache entry that no longer reads as a schema is fetched again and rewritten.
    let cache = home.path().join(".cache/datumctl/openapi");
    let entries: Vec<_> = std::fs::read_dir(&cache)
        .expect("cache dir")
        .map(|e| e.expect("entry").path())
        .collect();
    assert_eq!(entries.len(), 1, "{entries:?}");
    std::fs::write(&entries[0], "{not json").expect("spoil the cache");
    let spoiled = explain(home.path(), &server.url, &[]);
    assert!(text(&spoiled.stderr).contains("/openapi/v3/apis/"));
    assert_eq!(text(&spoiled.stdout), text(&offline.stdout));
    let rewritten = std::fs::read(&entries[0]).expect("cache rewritten");
    assert!(serde_json::from_slice::<serde_json::Value>(&rewritten).is_ok());
}

#[test]
fn falls_back_to_the_embedded_schema_when_the_server_is_unreachable() {
    let home = tempfile::tempdir().expect("home");
    // Nothing listens on port 9 (discard) of loopback here.
    let out = explain(home.path(), "http://127.0.0.1:9", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let notes: Vec<String> = text(&out.stderr)
        .lines()
        .filter(|l| l.starts_with("note: "))
        .map(str::to_string)
        .collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(notes[0].contains("using the embedded schema"), "{notes:?}");
    assert!(text(&out.stdout).contains("  numRetries\t<integer>"));
}

#[test]
fn one_field_and_a_recursive_subtree_from_the_server() {
    let env = common::Env::new("live");
    let field = env.run(&["explain", "btp.spec.retry"]);
    common::snapshot::assert_transcript("explain_live__spec_retry", &field, &[]);
    let subtree = env.run(&["explain", "btp.spec.retry", "--recursive"]);
    common::snapshot::assert_transcript("explain_live__spec_retry_recursive", &subtree, &[]);
}
