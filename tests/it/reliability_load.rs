//! `datumctl serve` under load: concurrent writers lose no update, 100 watchers see every event
//! in order, SIGKILL during a burst of creates, updates and deletes keeps every acknowledged
//! write, and SIGTERM lets a request already in flight finish.

use crate::common;
use crate::serve_support;

use common::{TestServer, datumctl};
use serde_json::{Value, json};
use serve_support::{Api, policy};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

fn quiet() -> TestServer {
    TestServer::start_with(&["--no-status-writer"])
}

fn agent() -> ureq::Agent {
    ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(20))
        .build()
}

/// (code, body) of a request; transport errors are code 0.
fn call(
    agent: &ureq::Agent,
    method: &str,
    url: &str,
    ct: &str,
    body: Option<&Value>,
) -> (u16, Value) {
    let req = agent.request(method, url).set("Content-Type", ct);
    let result = match body {
        Some(b) => req.send_string(&b.to_string()),
        None => req.call(),
    };
    match result {
        Ok(r) | Err(ureq::Error::Status(_, r)) => {
            let code = r.status();
            (code, r.into_json().unwrap_or(Value::Null))
        }
        Err(_) => (0, Value::Null),
    }
}

#[test]
fn read_modify_write_with_resource_versions_loses_no_increment() {
    let server = quiet();
    let api = Api::new(&server, "occ");
    let mut first = policy("counter");
    first["metadata"]["annotations"] = json!({"count": "0"});
    assert_eq!(api.create(&first).code, 201);
    let url = format!("{}{}", api.base, Api::item("default", "counter"));
    let conflicts = Arc::new(AtomicUsize::new(0));
    let (writers, rounds) = (8, 25);
    let threads: Vec<_> = (0..writers)
        .map(|_| {
            let (url, conflicts) = (url.clone(), Arc::clone(&conflicts));
            std::thread::spawn(move || {
                let agent = agent();
                for _ in 0..rounds {
                    // Bounded: a writer that conflicts 200 times in a row fails the test.
                    let mut done = false;
                    for _ in 0..200 {
                        let (code, mut obj) = call(&agent, "GET", &url, "application/json", None);
                        assert_eq!(code, 200);
                        let n: u64 = obj["metadata"]["annotations"]["count"]
                            .as_str()
                            .and_then(|c| c.parse().ok())
                            .expect("count");
                        obj["metadata"]["annotations"]["count"] = (n + 1).to_string().into();
                        match call(&agent, "PUT", &url, "application/json", Some(&obj)).0 {
                            200 => {
                                done = true;
                                break;
                            }
                            409 => {
                                conflicts.fetch_add(1, Ordering::SeqCst);
                            }
                            other => panic!("PUT answered {other}"),
                        }
                    }
                    assert!(done, "a writer never got its update in");
                }
            })
        })
        .collect();
    for t in threads {
        t.join().expect("writer");
    }
    let live = api.get(&Api::item("default", "counter"));
    assert_eq!(
        live.body["metadata"]["annotations"]["count"],
        (writers * rounds).to_string(),
        "lost updates ({} conflicts were reported)",
        conflicts.load(Ordering::SeqCst)
    );
    // Annotation-only updates leave the spec generation alone.
    assert_eq!(live.body["metadata"]["generation"], 1);
}

#[test]
fn concurrent_server_side_appliers_keep_every_managers_fields() {
    let server = quiet();
    let home = tempfile::tempdir().expect("home");
    let h = home.path();
    let names = ["shared-a", "shared-b", "shared-c"];
    let managers = 6;
    let children: Vec<_> = (0..managers)
        .map(|m| {
            let doc: String = names
                .iter()
                .map(|n| {
                    common::Policy::new(n)
                        .labels(&format!("owner-{m}: \"yes\""))
                        .target("HTTPRoute", &format!("{n}-route"))
                        .yaml()
                        + "---\n"
                })
                .collect();
            let file = h.join(format!("m{m}.yaml"));
            std::fs::write(&file, doc).expect("write");
            datumctl(h)
                .args(["apply", "--server-side", "--field-manager"])
                .arg(format!("manager-{m}"))
                .arg("-f")
                .arg(&file)
                .args(["--server", &server.url, "--project", "ssa"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("spawn apply")
        })
        .collect();
    for child in children {
        let o = child.wait_with_output().expect("apply");
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    let api = Api::new(&server, "ssa");
    for n in names {
        let obj = api.get(&Api::item("default", n)).body;
        for m in 0..managers {
            assert_eq!(
                obj["metadata"]["labels"][format!("owner-{m}")],
                "yes",
                "{n} lost manager-{m}'s label: {}",
                obj["metadata"]["labels"]
            );
        }
        let owners = obj["metadata"]["managedFields"]
            .as_array()
            .expect("managedFields")
            .len();
        assert_eq!(owners, managers, "{n}");
    }
}

#[test]
fn a_hundred_watchers_receive_every_event_in_order() {
    let server = quiet();
    let api = Api::new(&server, "fan");
    assert_eq!(api.create(&policy("seed")).code, 201);
    let rv = api.get(&Api::coll("default")).body["metadata"]["resourceVersion"]
        .as_str()
        .expect("list rv")
        .to_string();
    let writes = 40;
    let watchers: Vec<_> = (0..100)
        .map(|_| {
            let url = format!(
                "{}{}?watch=true&resourceVersion={rv}",
                api.base,
                Api::coll("default")
            );
            std::thread::spawn(move || {
                let response = agent().get(&url).call().expect("watch");
                let mut lines = BufReader::new(response.into_reader());
                let mut events = Vec::new();
                while events.len() < writes {
                    let mut line = String::new();
                    if lines.read_line(&mut line).unwrap_or(0) == 0 {
                        break;
                    }
                    let e: Value = serde_json::from_str(&line).expect("event json");
                    if e["type"] == "BOOKMARK" {
                        continue;
                    }
                    events.push(format!(
                        "{} {} {}",
                        e["type"].as_str().unwrap_or(""),
                        e["object"]["metadata"]["name"].as_str().unwrap_or(""),
                        e["object"]["metadata"]["resourceVersion"]
                            .as_str()
                            .unwrap_or("")
                    ));
                }
                events
            })
        })
        .collect();
    let mut expected = Vec::new();
    for i in 0..writes {
        let name = format!("w{}", i / 2);
        let reply = if i % 2 == 0 {
            api.create(&policy(&name))
        } else if i % 4 == 1 {
            api.patch(
                &Api::item("default", &name),
                "application/merge-patch+json",
                r#"{"spec":{"retry":{"numRetries":9}}}"#,
            )
        } else {
            api.send("DELETE", &Api::item("default", &name), &[], None)
        };
        assert!(matches!(reply.code, 200 | 201), "{}", reply.text);
        let kind = match i % 4 {
            0 | 2 => "ADDED",
            1 => "MODIFIED",
            _ => "DELETED",
        };
        expected.push(format!(
            "{kind} {name} {}",
            reply.body["metadata"]["resourceVersion"]
                .as_str()
                .expect("rv")
        ));
    }
    for (i, w) in watchers.into_iter().enumerate() {
        let got = w.join().expect("watcher");
        assert_eq!(got, expected, "watcher {i}");
    }
}

/// One write of the burst: method, URL, body, the numRetries it leaves (None: gone), and the
/// object it writes.
type Op = (&'static str, String, Option<Value>, Option<i64>, String);

/// The state one worker believes in: acknowledged writes, and the one in flight when the
/// server died (which may or may not have landed).
#[derive(Default)]
struct Ledger {
    acked: BTreeMap<String, Option<i64>>,
    in_flight: Option<(String, Option<i64>)>,
}

#[test]
fn acknowledged_creates_updates_and_deletes_survive_sigkill() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut server = TestServer::start_in(dir.path(), &["--no-status-writer"]);
    let base = format!("{}{}", server.project_url("burst"), Api::coll("default"));
    let acked_ops = Arc::new(AtomicUsize::new(0));
    let workers: Vec<_> = (0..6)
        .map(|w| {
            let (base, acked_ops) = (base.clone(), Arc::clone(&acked_ops));
            std::thread::spawn(move || {
                let agent = agent();
                let mut ledger = Ledger::default();
                for i in 0.. {
                    let name = format!("w{w}-{i}");
                    let item = format!("{base}/{name}");
                    // create → 1, patch → 2, and every other object deleted; the previous
                    // object is patched again, so updates land on older rows too.
                    let mut ops: Vec<Op> = vec![
                        (
                            "POST",
                            base.clone(),
                            Some(policy(&name)),
                            Some(3),
                            name.clone(),
                        ),
                        (
                            "PATCH",
                            item.clone(),
                            Some(json!({"spec": {"retry": {"numRetries": 2}}})),
                            Some(2),
                            name.clone(),
                        ),
                    ];
                    if i % 2 == 0 {
                        ops.push(("DELETE", item.clone(), None, None, name.clone()));
                    } else if i > 1 {
                        let prev = format!("w{w}-{}", i - 2);
                        ops.push((
                            "PATCH",
                            format!("{base}/{prev}"),
                            Some(json!({"spec": {"retry": {"numRetries": 7}}})),
                            Some(7),
                            prev,
                        ));
                    }
                    for (method, url, body, after, target) in ops {
                        ledger.in_flight = Some((target.clone(), after));
                        let ct = if method == "PATCH" {
                            "application/merge-patch+json"
                        } else {
                            "application/json"
                        };
                        let (code, _) = call(&agent, method, &url, ct, body.as_ref());
                        if !matches!(code, 200 | 201) {
                            // The server died (code 0) or refused mid-kill: stop here.
                            return ledger;
                        }
                        ledger.acked.insert(target, after);
                        ledger.in_flight = None;
                        acked_ops.fetch_add(1, Ordering::SeqCst);
                    }
                }
                ledger
            })
        })
        .collect();
    let started = Instant::now();
    while acked_ops.load(Ordering::SeqCst) < 400 && started.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(5));
    }
    server.kill();
    let ledgers: Vec<Ledger> = workers
        .into_iter()
        .map(|w| w.join().expect("worker"))
        .collect();
    let total = acked_ops.load(Ordering::SeqCst);
    assert!(total >= 400, "only {total} writes before the kill");

    let server = TestServer::start_in(dir.path(), &["--no-status-writer"]);
    let list = Api::new(&server, "burst").get(&Api::coll("default"));
    assert_eq!(list.code, 200);
    let stored: BTreeMap<String, Option<i64>> = list.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| {
            (
                i["metadata"]["name"].as_str().expect("name").to_string(),
                i["spec"]["retry"]["numRetries"].as_i64(),
            )
        })
        .collect();
    let mut checked = 0;
    for ledger in &ledgers {
        for (name, want) in &ledger.acked {
            let have = stored.get(name).copied().flatten();
            let have = if stored.contains_key(name) {
                Some(have.unwrap_or(-1))
            } else {
                None
            };
            let in_flight_ok = ledger
                .in_flight
                .as_ref()
                .is_some_and(|(n, after)| n == name && *after == have);
            assert!(
                have == *want || in_flight_ok,
                "{name}: acknowledged {want:?}, stored {have:?}"
            );
            checked += 1;
        }
    }
    // Nothing appears that no one wrote.
    for name in stored.keys() {
        assert!(
            ledgers.iter().any(|l| l.acked.contains_key(name)
                || l.in_flight.as_ref().is_some_and(|(n, _)| n == name)),
            "{name} was never written"
        );
    }
    assert!(checked > 100, "{checked}");
}

#[test]
fn sigterm_lets_a_request_in_flight_finish() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut server = TestServer::start_in(dir.path(), &["--no-status-writer"]);
    let addr = server.url.trim_start_matches("http://").to_string();
    let path = format!(
        "{}{}",
        server.project_url("drain").trim_start_matches(&server.url),
        Api::coll("default")
    );
    let body = serde_json::to_vec(&policy("in-flight")).expect("json");
    let mut conn = TcpStream::connect(&addr).expect("connect");
    conn.set_read_timeout(Some(Duration::from_secs(15)))
        .expect("timeout");
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    conn.write_all(head.as_bytes()).expect("head");
    let half = body.len() / 2;
    conn.write_all(&body[..half]).expect("first half");
    conn.flush().expect("flush");
    std::thread::sleep(Duration::from_millis(300));
    common::signal(server.child.id(), "TERM");
    std::thread::sleep(Duration::from_millis(300));
    // The server is draining, not gone: the rest of the body is read and the write answered.
    conn.write_all(&body[half..]).expect("second half");
    let mut reply = String::new();
    let _ = conn.read_to_string(&mut reply);
    assert!(reply.starts_with("HTTP/1.1 201"), "{reply:?}");
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(s) = server.child.try_wait().expect("wait") {
            break s;
        }
        assert!(
            Instant::now() < deadline,
            "serve did not stop after draining"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0));
    let again = TestServer::start_in(dir.path(), &["--no-status-writer"]);
    let got = Api::new(&again, "drain").get(&Api::item("default", "in-flight"));
    assert_eq!(got.code, 200, "{}", got.text);
}
