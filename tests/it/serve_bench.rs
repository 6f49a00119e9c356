//! Load driver for `scripts/bench-serve.sh` (ignored in normal runs): concurrent clients on
//! loopback against a real `datumctl serve`, bounded by count and time. Reports durable
//! creates/s (each answered only after its fsync) and GETs/s.

use crate::common;
use crate::serve_support;

use common::TestServer;
use serde_json::json;
use serve_support::Api;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

fn setting(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Runs `clients` threads calling `one` until `count` successes or `limit` time; returns per second.
fn drive(
    clients: u64,
    count: u64,
    limit: Duration,
    one: Arc<dyn Fn(&ureq::Agent) -> bool + Send + Sync>,
) -> (u64, f64) {
    let done = Arc::new(AtomicU64::new(0));
    let failed = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let threads: Vec<_> = (0..clients)
        .map(|_| {
            let (done, failed, one) = (Arc::clone(&done), Arc::clone(&failed), Arc::clone(&one));
            std::thread::spawn(move || {
                let agent = ureq::AgentBuilder::new()
                    .timeout(Duration::from_secs(10))
                    .build();
                while done.load(Ordering::Relaxed) < count && started.elapsed() < limit {
                    if one(&agent) {
                        done.fetch_add(1, Ordering::Relaxed);
                    } else {
                        failed.fetch_add(1, Ordering::Relaxed);
                    }
                }
            })
        })
        .collect();
    for t in threads {
        t.join().expect("client");
    }
    let secs = started.elapsed().as_secs_f64();
    assert_eq!(failed.load(Ordering::Relaxed), 0, "some requests failed");
    let n = done.load(Ordering::Relaxed);
    (n, n as f64 / secs)
}

#[test]
#[ignore = "benchmark: run scripts/bench-serve.sh"]
fn bench_serve() {
    let clients = setting("BENCH_CLIENTS", 16);
    let creates = setting("BENCH_CREATES", 20_000);
    let gets = setting("BENCH_GETS", 200_000);
    let limit = Duration::from_secs(setting("BENCH_SECONDS", 10));
    for extra in [&["--no-status-writer"][..], &[][..]] {
        let server = TestServer::start_with(extra);
        let coll = format!("{}{}", server.project_url("bench"), Api::coll("default"));
        let body = serde_json::to_vec(&json!({
            "apiVersion": "gateway.envoyproxy.io/v1alpha1",
            "kind": "BackendTrafficPolicy",
            "metadata": {"generateName": "load-"},
            "spec": {
                "targetRefs": [{"group": "gateway.networking.k8s.io", "kind": "HTTPRoute", "name": "r"}],
                "retry": {"numRetries": 3}
            }
        }))
        .expect("json");
        let post_url = coll.clone();
        let (n, rate) = drive(
            clients,
            creates,
            limit,
            Arc::new(move |agent: &ureq::Agent| {
                match agent
                    .post(&post_url)
                    .set("Content-Type", "application/json")
                    .send_bytes(&body)
                {
                    Ok(r) if r.status() == 201 => true,
                    Ok(r) => {
                        eprintln!("create answered {}", r.status());
                        false
                    }
                    Err(e) => {
                        eprintln!("create failed: {e}");
                        false
                    }
                }
            }),
        );
        let writer = if extra.is_empty() {
            "status writer on"
        } else {
            "status writer off"
        };
        println!(
            "creates: {n} in {:.2}s with {clients} clients ({writer}): {rate:.0} creates/s",
            n as f64 / rate
        );
        let names: Vec<String> = serde_json::from_str::<serde_json::Value>(
            &ureq::get(&format!("{coll}?limit=50"))
                .call()
                .expect("list")
                .into_string()
                .expect("body"),
        )
        .expect("json")["items"]
            .as_array()
            .expect("items")
            .iter()
            .filter_map(|i| i["metadata"]["name"].as_str().map(str::to_string))
            .collect();
        let counter = Arc::new(AtomicU64::new(0));
        let (n, rate) = drive(
            clients,
            gets,
            limit,
            Arc::new(move |agent: &ureq::Agent| {
                let i = counter.fetch_add(1, Ordering::Relaxed) as usize % names.len();
                match agent.get(&format!("{coll}/{}", names[i])).call() {
                    Ok(r) if r.status() == 200 => r.into_string().is_ok(),
                    other => {
                        eprintln!("get failed: {other:?}");
                        false
                    }
                }
            }),
        );
        println!(
            "GETs: {n} in {:.2}s with {clients} clients ({writer}): {rate:.0} GETs/s",
            n as f64 / rate
        );
    }
}
