//! Every acknowledged write survives `kill -9`: concurrent creates, SIGKILL mid-burst, restart
//! on the same data dir, and every object that got its 201 is there.

use crate::common;
use crate::serve_support;

use common::TestServer;
use serde_json::Value;
use serve_support::{Api, policy};
use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[test]
fn acknowledged_creates_survive_sigkill() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut server = TestServer::start_in(dir.path(), &[]);
    let base = server.project_url("durable");
    let acknowledged = Arc::new(Mutex::new(BTreeSet::new()));
    let workers: Vec<_> = (0..8)
        .map(|w| {
            let base = base.clone();
            let acknowledged = Arc::clone(&acknowledged);
            std::thread::spawn(move || {
                let agent = ureq::AgentBuilder::new()
                    .timeout(Duration::from_secs(5))
                    .build();
                for i in 0.. {
                    let name = format!("w{w}-{i}");
                    let body = serde_json::to_vec(&policy(&name)).expect("json");
                    let sent = agent
                        .post(&format!("{base}{}", Api::coll("default")))
                        .set("Content-Type", "application/json")
                        .send_bytes(&body);
                    match sent {
                        Ok(r) if r.status() == 201 => {
                            acknowledged.lock().expect("lock").insert(name);
                        }
                        // The server died: this worker is done.
                        _ => return,
                    }
                }
            })
        })
        .collect();
    let started = Instant::now();
    while acknowledged.lock().expect("lock").len() < 200
        && started.elapsed() < Duration::from_secs(20)
    {
        std::thread::sleep(Duration::from_millis(5));
    }
    server.kill();
    for w in workers {
        w.join().expect("worker");
    }
    let acknowledged = acknowledged.lock().expect("lock").clone();
    assert!(
        acknowledged.len() >= 200,
        "only {} creates before the kill",
        acknowledged.len()
    );

    let server = TestServer::start_in(dir.path(), &["--no-status-writer"]);
    let list = Api::new(&server, "durable").get(&Api::coll("default"));
    assert_eq!(list.code, 200);
    let stored: BTreeSet<String> = list.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["metadata"]["name"].as_str().map(str::to_string))
        .collect();
    let lost: Vec<&String> = acknowledged.difference(&stored).collect();
    assert!(
        lost.is_empty(),
        "{} acknowledged creates lost, e.g. {:?}",
        lost.len(),
        &lost[..lost.len().min(5)]
    );
    // Writes keep working, with a resourceVersion above every stored one.
    let max_rv = list.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| {
            i["metadata"]["resourceVersion"]
                .as_str()?
                .parse::<u64>()
                .ok()
        })
        .max()
        .unwrap_or(0);
    let fresh: Value = Api::new(&server, "durable")
        .create(&policy("after-restart"))
        .body;
    let rv: u64 = fresh["metadata"]["resourceVersion"]
        .as_str()
        .and_then(|v| v.parse().ok())
        .expect("rv");
    assert!(rv > max_rv, "{rv} <= {max_rv}");
}
