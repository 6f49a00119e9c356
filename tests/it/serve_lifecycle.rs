//! Start and stop of `datumctl serve`: the URL on the first stdout line, SIGTERM drains and
//! exits 0 even with a watch open, a non-loopback address warns, bad flags are usage errors.

use crate::common;
use crate::serve_support;

use common::TestServer;
use serve_support::{Api, policy};
use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[test]
fn sigterm_ends_open_watches_and_exits_zero() {
    let mut server = TestServer::start();
    let api = Api::new(&server, "life");
    assert_eq!(api.create(&policy("a")).code, 201);
    let (_, mut lines) = api.watch("");
    let mut first = String::new();
    lines.read_line(&mut first).expect("event");
    assert!(first.contains("\"ADDED\""));
    let reader = std::thread::spawn(move || {
        let mut rest = String::new();
        let _ = lines.read_to_string(&mut rest);
    });
    common::signal(server.child.id(), "TERM");
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(s) = server.child.try_wait().expect("wait") {
            break s;
        }
        assert!(Instant::now() < deadline, "serve did not stop on SIGTERM");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0));
    reader.join().expect("the watch stream ended");
    // The store was closed, not abandoned: SQLite folds and removes its WAL on close.
    assert!(server.data_dir.join("datumctl.db").exists());
    assert!(
        !server.data_dir.join("datumctl.db-wal").exists(),
        "the store was not closed"
    );
    // The data dir opens again with the object in it.
    let again = TestServer::start_in(&server.data_dir.clone(), &["--no-status-writer"]);
    assert_eq!(
        Api::new(&again, "life")
            .get(&Api::item("default", "a"))
            .code,
        200
    );
}

#[test]
fn non_loopback_address_warns() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut child = Command::new(common::bin())
        .args(["serve", "--addr", "0.0.0.0:0", "--data-dir"])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut banner = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut banner)
        .expect("banner");
    assert!(banner.contains("http://0.0.0.0:"), "{banner}");
    let mut warning = String::new();
    BufReader::new(child.stderr.take().expect("stderr"))
        .read_line(&mut warning)
        .expect("warning");
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        warning.starts_with("Warning: listening on 0.0.0.0:"),
        "{warning}"
    );
    assert!(warning.contains("not a loopback address"), "{warning}");
}

#[test]
fn bad_serve_flags_are_usage_errors() {
    let dir = tempfile::tempdir().expect("tmp");
    for args in [
        vec!["serve", "--addr", "not-an-address"],
        vec![
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--token-file",
            "/nonexistent/tokens",
        ],
        vec![
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--tls-cert",
            "/nonexistent/c.pem",
            "--tls-key",
            "/nonexistent/k.pem",
        ],
    ] {
        let out = Command::new(common::bin())
            .args(&args)
            .arg("--data-dir")
            .arg(dir.path())
            .stdin(Stdio::null())
            .output()
            .expect("run");
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.stdout.is_empty(), "{args:?} printed a URL");
    }
}

#[test]
fn a_second_serve_on_the_same_data_dir_is_refused_naming_the_holder() {
    let server = TestServer::start();
    let out = Command::new(common::bin())
        .args(["serve", "--addr", "127.0.0.1:0", "--data-dir"])
        .arg(&server.data_dir)
        .stdin(Stdio::null())
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(out.stdout.is_empty(), "the second serve printed a URL");
    assert!(
        stderr.contains(&format!(
            "in use by another `datumctl serve` (pid {})",
            server.child.id()
        )),
        "{stderr}"
    );
    // The first one is unaffected; once it is gone the data dir is free again.
    assert_eq!(
        Api::new(&server, "lock").get(&Api::coll("default")).code,
        200
    );
    let dir = server.data_dir.clone();
    let mut server = server;
    server.kill();
    let again = TestServer::start_in(&dir, &[]);
    assert_eq!(
        Api::new(&again, "lock").get(&Api::coll("default")).code,
        200
    );
}

#[test]
fn a_truncated_store_or_a_damaged_wal_is_warned_about_at_start() {
    for (file, content, needle) in [
        ("datumctl.db", &b""[..], "is empty (0 bytes)"),
        (
            "datumctl.db-wal",
            &b"not a write-ahead log at all, just junk bytes"[..],
            "has no valid header",
        ),
    ] {
        let dir = tempfile::tempdir().expect("tmp");
        std::fs::write(dir.path().join(file), content).expect("write");
        let (mut child, _url, _stdout) = common::spawn_serve(dir.path(), &[], Stdio::piped());
        let mut stderr = BufReader::new(child.stderr.take().expect("stderr"));
        let mut first = String::new();
        stderr.read_line(&mut first).expect("warning");
        let _ = child.kill();
        let _ = child.wait();
        assert!(first.starts_with("Warning: "), "{file}: {first}");
        assert!(first.contains(needle), "{file}: {first}");
    }
    // A clean restart says nothing.
    let server = TestServer::start();
    let dir = server.data_dir.clone();
    drop(server);
    let (mut child, _url, _stdout) = common::spawn_serve(&dir, &[], Stdio::piped());
    std::thread::sleep(Duration::from_millis(300));
    let _ = child.kill();
    let out = child.wait_with_output().expect("wait");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
