//! Watches through the fault-injecting proxy in support_faults, against a real `datumctl
//! serve`: a stream cut mid-event, a server crash and restart, and a watch that fell out of the
//! server's history (410), with and without changes in the gap.

use crate::common;
use crate::serve_support;
use crate::support_faults;

use common::{TestServer, datumctl};
use serve_support::{Api, policy};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use support_faults::{Fault, FaultProxy};

fn quiet() -> TestServer {
    TestServer::start_with(&["--no-status-writer"])
}

/// `datumctl get btp -w OUTPUT…` through `server`.
fn spawn_watch(home: &Path, server: &str, output: &[&str]) -> std::process::Child {
    datumctl(home)
        .args(["get", "btp", "-w"])
        .args(output)
        .args(["--server", server, "--project", "p"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn watch")
}

/// Watch output as rows `EVENT NAME RV` (with events, custom columns read the event).
const EVENT_ROWS: [&str; 4] = [
    "--output-watch-events",
    "-o",
    "custom-columns=EVENT:.type,NAME:.object.metadata.name,RV:.object.metadata.resourceVersion",
    "--no-headers",
];

/// Rows `EVENT NAME RV` printed by a running `get -w`, collected by a thread.
fn collect_lines(child: &mut std::process::Child) -> Arc<Mutex<Vec<String>>> {
    let lines = Arc::new(Mutex::new(Vec::new()));
    let stdout = child.stdout.take().expect("stdout");
    let sink = Arc::clone(&lines);
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { return };
            sink.lock().expect("lines").push(line);
        }
    });
    lines
}

/// Waits until a watch has printed `n` lines, failing at `deadline`.
fn wait_for_lines(lines: &Mutex<Vec<String>>, n: usize, deadline: Instant) {
    while lines.lock().expect("lines").len() < n {
        assert!(
            Instant::now() < deadline,
            "{:?}",
            lines.lock().expect("lines")
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_watch_cut_mid_event_resumes_without_losing_or_repeating_events() {
    let server = quiet();
    let api = Api::new(&server, "p");
    assert_eq!(api.create(&policy("a")).code, 201);
    assert_eq!(api.create(&policy("b")).code, 201);
    let proxy = FaultProxy::start(&server.url);
    // The first watch stream is cut after two events, in the middle of the third.
    proxy.inject(1, Fault::CutAfterLines(2), |s| {
        s.target.contains("watch=true")
    });
    let home = tempfile::tempdir().expect("home");
    let mut child = spawn_watch(home.path(), &proxy.url, &EVENT_ROWS);
    let lines = collect_lines(&mut child);
    let deadline = Instant::now() + Duration::from_secs(20);
    while !proxy.seen().iter().any(|s| s.target.contains("watch=true")) {
        assert!(Instant::now() < deadline, "the watch never started");
        std::thread::sleep(Duration::from_millis(20));
    }
    // Six changes; each one's (event, name, resourceVersion) must print exactly once, in order.
    let mut expected: Vec<String> = Vec::new();
    let mut record = |event: &str, reply: serde_json::Value| {
        let name = reply["metadata"]["name"]
            .as_str()
            .expect("name")
            .to_string();
        let rv = reply["metadata"]["resourceVersion"]
            .as_str()
            .expect("rv")
            .to_string();
        expected.push(format!("{event} {name} {rv}"));
    };
    let mut a = api.get(&Api::item("default", "a")).body;
    a["spec"]["retry"]["numRetries"] = 7.into();
    record(
        "MODIFIED",
        api.json("PUT", &Api::item("default", "a"), &a).body,
    );
    record("ADDED", api.create(&policy("c")).body);
    let deleted = api.send("DELETE", &Api::item("default", "b"), &[], None);
    assert_eq!(deleted.code, 200);
    record("DELETED", deleted.body);
    record("ADDED", api.create(&policy("d")).body);
    let mut c = api.get(&Api::item("default", "c")).body;
    c["spec"]["retry"]["numRetries"] = 1.into();
    record(
        "MODIFIED",
        api.json("PUT", &Api::item("default", "c"), &c).body,
    );
    record("ADDED", api.create(&policy("e")).body);
    let normalized = |lines: &[String]| -> Vec<String> {
        lines
            .iter()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    };
    let wanted = 2 + expected.len();
    while lines.lock().expect("lines").len() < wanted && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    // A little longer, so a repeated event would have time to show.
    std::thread::sleep(Duration::from_millis(600));
    let _ = child.kill();
    let _ = child.wait();
    let got = normalized(&lines.lock().expect("lines"));
    assert_eq!(got.len(), wanted, "{got:#?}\nexpected {expected:#?}");
    // The list's two objects come first, as ADDED.
    assert!(got[0].starts_with("ADDED a "), "{got:?}");
    assert!(got[1].starts_with("ADDED b "), "{got:?}");
    assert_eq!(got[2..], expected[..]);
    // It really was cut and resumed from a resourceVersion.
    let watches: Vec<_> = proxy
        .seen()
        .into_iter()
        .filter(|s| s.target.contains("watch=true"))
        .collect();
    assert!(watches.len() >= 2, "{watches:?}");
    assert_eq!(watches[0].fault, "cut after 2 lines");
    assert!(
        watches[1].target.contains("resourceVersion="),
        "{}",
        watches[1].target
    );
}

#[test]
fn a_watch_outlives_a_server_crash_and_restart_without_losing_events() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut first = TestServer::start_in(dir.path(), &["--no-status-writer"]);
    let api = Api::new(&first, "p");
    assert_eq!(api.create(&policy("a")).code, 201);
    let proxy = FaultProxy::start(&first.url);
    let home = tempfile::tempdir().expect("home");
    let mut child = spawn_watch(home.path(), &proxy.url, &EVENT_ROWS);
    let lines = collect_lines(&mut child);
    let deadline = Instant::now() + Duration::from_secs(30);
    let wait_for = |n: usize| wait_for_lines(&lines, n, deadline);
    let row = |event: &str, reply: &serde_json::Value| {
        format!(
            "{event} {} {}",
            reply["metadata"]["name"].as_str().expect("name"),
            reply["metadata"]["resourceVersion"].as_str().expect("rv")
        )
    };
    wait_for(1);
    while !proxy.seen().iter().any(|s| s.target.contains("watch=true")) {
        assert!(Instant::now() < deadline, "the watch never started");
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut expected = Vec::new();
    let mut a = api.get(&Api::item("default", "a")).body;
    a["spec"]["retry"]["numRetries"] = 8.into();
    expected.push(row(
        "MODIFIED",
        &api.json("PUT", &Api::item("default", "a"), &a).body,
    ));
    expected.push(row("ADDED", &api.create(&policy("b")).body));
    wait_for(1 + expected.len());
    // A crash, and a new server on the same data dir (on another port, behind the same proxy).
    first.kill();
    let second = TestServer::start_in(dir.path(), &["--no-status-writer"]);
    proxy.set_upstream(&second.url);
    let api = Api::new(&second, "p");
    expected.push(row("ADDED", &api.create(&policy("c")).body));
    let deleted = api.send("DELETE", &Api::item("default", "a"), &[], None);
    assert_eq!(deleted.code, 200, "{}", deleted.text);
    expected.push(row("DELETED", &deleted.body));
    let mut b = api.get(&Api::item("default", "b")).body;
    b["spec"]["retry"]["numRetries"] = 1.into();
    expected.push(row(
        "MODIFIED",
        &api.json("PUT", &Api::item("default", "b"), &b).body,
    ));
    wait_for(1 + expected.len());
    std::thread::sleep(Duration::from_millis(600));
    let _ = child.kill();
    let _ = child.wait();
    let got: Vec<String> = lines
        .lock()
        .expect("lines")
        .iter()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert!(got[0].starts_with("ADDED a "), "{got:?}");
    assert_eq!(got[1..], expected[..], "{got:#?}");
}

#[test]
fn a_watch_too_old_for_the_server_says_so_and_goes_on_from_the_current_state() {
    let server = quiet();
    let api = Api::new(&server, "p");
    assert_eq!(api.create(&policy("a")).code, 201);
    let proxy = FaultProxy::start(&server.url);
    proxy.inject(1, Fault::status(410, "Expired", None), |s| {
        s.target.contains("watch=true")
    });
    let home = tempfile::tempdir().expect("home");
    let mut child = spawn_watch(home.path(), &proxy.url, &["-o", "name"]);
    let lines = collect_lines(&mut child);
    let deadline = Instant::now() + Duration::from_secs(20);
    // The refused watch, then the list again, then a watch that is answered.
    while proxy
        .seen()
        .iter()
        .filter(|s| s.target.contains("watch=true"))
        .count()
        < 2
    {
        assert!(Instant::now() < deadline, "{:?}", proxy.seen());
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(api.create(&policy("later")).code, 201);
    wait_for_lines(&lines, 2, deadline);
    let _ = child.kill();
    let o = child.wait_with_output().expect("wait");
    let got = lines.lock().expect("lines").clone();
    assert_eq!(
        got,
        [
            "backendtrafficpolicy.gateway.envoyproxy.io/a",
            "backendtrafficpolicy.gateway.envoyproxy.io/later"
        ]
    );
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(
        e.contains("Warning: the watch fell behind the server's history (410 Gone)"),
        "{e}"
    );
}

#[test]
fn a_watch_that_lost_its_place_shows_what_changed_in_the_gap() {
    let server = quiet();
    let api = Api::new(&server, "p");
    assert_eq!(api.create(&policy("a")).code, 201);
    assert_eq!(api.create(&policy("c")).code, 201);
    let proxy = FaultProxy::start(&server.url);
    // When the first watch arrives, the store changes behind it and the watch is refused.
    let gap_api = Api::new(&server, "p");
    let changed = std::sync::atomic::AtomicBool::new(false);
    proxy.inject(1, Fault::status(410, "Expired", None), move |s| {
        let watch = s.target.contains("watch=true");
        if watch && !changed.swap(true, std::sync::atomic::Ordering::SeqCst) {
            assert_eq!(gap_api.create(&policy("b")).code, 201);
            let c = Api::item("default", "c");
            let labelled = gap_api.patch(
                &c,
                "application/merge-patch+json",
                r#"{"metadata":{"labels":{"changed":"yes"}}}"#,
            );
            assert_eq!(labelled.code, 200);
            let a = gap_api.send("DELETE", &Api::item("default", "a"), &[], None);
            assert_eq!(a.code, 200);
        }
        watch
    });
    let home = tempfile::tempdir().expect("home");
    let mut child = spawn_watch(
        home.path(),
        &proxy.url,
        &[
            "--output-watch-events",
            "-o",
            "jsonpath={.type} {.object.metadata.name}{\"\\n\"}",
        ],
    );
    let lines = collect_lines(&mut child);
    let deadline = Instant::now() + Duration::from_secs(20);
    wait_for_lines(&lines, 5, deadline);
    let _ = child.kill();
    let o = child.wait_with_output().expect("wait");
    let got = lines.lock().expect("lines").clone();
    assert_eq!(
        got,
        ["ADDED a", "ADDED c", "ADDED b", "MODIFIED c", "DELETED a"]
    );
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.contains("without the states in between"), "{e}");
}
