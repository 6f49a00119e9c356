//! Property tests against a real `datumctl serve` (bounded case counts for CI): an object that
//! validates survives create → get with the spec the validator defaulted, and any sequence of
//! create / update / patch / delete leaves list and watch agreeing with a simple model.

use crate::common;
use crate::serve_support;

use common::TestServer;
use datumctl::validate::{Options, validate_object};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::{Map, Value, json};
use serve_support::{Api, next_event};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};

fn config(cases: u32) -> Config {
    Config {
        cases,
        max_shrink_iters: 256,
        failure_persistence: None,
        ..Config::default()
    }
}

fn duration() -> impl Strategy<Value = String> {
    prop_oneof![
        (1u32..900).prop_map(|n| format!("{n}ms")),
        (1u32..120).prop_map(|n| format!("{n}s")),
        (1u32..30).prop_map(|n| format!("{n}m")),
        Just("1h".to_string()),
    ]
}

/// Spec fragments drawn from the schema; some combinations break CEL rules or bounds, and
/// those are left out by the validator, not by the generator.
fn spec() -> impl Strategy<Value = Value> {
    let retry = (
        proptest::option::of(0i64..12),
        proptest::option::of(duration()),
        proptest::option::of((duration(), duration())),
        proptest::option::of(proptest::sample::subsequence(
            vec![
                "connect-failure",
                "refused-stream",
                "retriable-status-codes",
                "reset",
                "unavailable",
            ],
            1..3,
        )),
    )
        .prop_map(|(n, per_try, backoff, triggers)| {
            let mut r = Map::new();
            if let Some(n) = n {
                r.insert("numRetries".into(), json!(n));
            }
            let mut per = Map::new();
            if let Some(t) = per_try {
                per.insert("timeout".into(), json!(t));
            }
            if let Some((b, m)) = backoff {
                per.insert(
                    "backOff".into(),
                    json!({"baseInterval": b, "maxInterval": m}),
                );
            }
            if !per.is_empty() {
                r.insert("perRetry".into(), Value::Object(per));
            }
            if let Some(t) = triggers {
                r.insert("retryOn".into(), json!({"triggers": t}));
            }
            Value::Object(r)
        });
    let timeout = (
        proptest::option::of(duration()),
        proptest::option::of(duration()),
    )
        .prop_map(|(tcp, http)| {
            let mut t = Map::new();
            if let Some(c) = tcp {
                t.insert("tcp".into(), json!({"connectTimeout": c}));
            }
            if let Some(r) = http {
                t.insert("http".into(), json!({"requestTimeout": r}));
            }
            Value::Object(t)
        });
    let load_balancer = proptest::sample::select(vec![
        "RoundRobin",
        "Random",
        "LeastRequest",
        "ConsistentHash",
        "Backend",
    ])
    .prop_map(|t| json!({"type": t}));
    let breaker = (1i64..5000, 0i64..5000)
        .prop_map(|(c, p)| json!({"maxConnections": c, "maxPendingRequests": p}));
    let target_kind =
        proptest::sample::select(vec!["HTTPRoute", "Gateway", "GRPCRoute", "Service"]);
    (
        target_kind,
        "[a-z][a-z0-9-]{0,20}",
        proptest::option::of(retry),
        proptest::option::of(timeout),
        proptest::option::of(load_balancer),
        proptest::option::of(breaker),
        proptest::option::of(any::<bool>()),
    )
        .prop_map(
            |(kind, target, retry, timeout, lb, breaker, client_protocol)| {
                let mut s = Map::new();
                s.insert(
                    "targetRefs".into(),
                    json!([{"group": "gateway.networking.k8s.io", "kind": kind, "name": target}]),
                );
                for (k, v) in [
                    ("retry", retry),
                    ("timeout", timeout),
                    ("loadBalancer", lb),
                    ("circuitBreaker", breaker),
                    ("useClientProtocol", client_protocol.map(Value::Bool)),
                ] {
                    if let Some(v) = v {
                        s.insert(k.into(), v);
                    }
                }
                Value::Object(s)
            },
        )
}

#[test]
fn objects_that_validate_round_trip_through_create_and_get() {
    let server = TestServer::start_with(&["--no-status-writer"]);
    let api = Api::new(&server, "roundtrip");
    let counter = AtomicUsize::new(0);
    let valid = AtomicUsize::new(0);
    let mut runner = TestRunner::new(config(128));
    let result = runner.run(&spec(), |spec| {
        let name = format!("rt-{}", counter.fetch_add(1, Ordering::SeqCst));
        let mut object = json!({
            "apiVersion": "gateway.envoyproxy.io/v1alpha1",
            "kind": "BackendTrafficPolicy",
            "metadata": {"name": name, "namespace": "default"},
            "spec": spec,
        });
        let mut defaulted = object.clone();
        let errors = validate_object(&mut defaulted, &Options::default());
        let created = api.create(&object);
        if !errors.is_empty() {
            // The server gives the same verdict as the validator.
            prop_assert_eq!(created.code, 422, "{}", created.text);
            return Ok(());
        }
        valid.fetch_add(1, Ordering::SeqCst);
        prop_assert_eq!(created.code, 201, "{}", created.text);
        let got = api.get(&Api::item("default", &name));
        prop_assert_eq!(got.code, 200);
        prop_assert_eq!(&got.body["spec"], &defaulted["spec"]);
        prop_assert_eq!(&got.body["spec"], &created.body["spec"]);
        // What was sent is all there (defaults only add).
        object["spec"] = got.body["spec"].clone();
        prop_assert_eq!(&object["spec"], &defaulted["spec"]);
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    // The generator must mostly make valid objects, or the round trip proves little.
    let valid = valid.load(Ordering::SeqCst);
    assert!(
        valid >= 32,
        "only {valid} of 128 generated objects were valid"
    );
}

#[derive(Debug, Clone)]
enum Op {
    Create(usize, i64),
    Update(usize, i64),
    Patch(usize, i64),
    Delete(usize),
}

const NAMES: [&str; 4] = ["a", "b", "c", "d"];

fn op() -> impl Strategy<Value = Op> {
    let n = 0..NAMES.len();
    prop_oneof![
        (n.clone(), 0i64..10).prop_map(|(i, r)| Op::Create(i, r)),
        (n.clone(), 0i64..10).prop_map(|(i, r)| Op::Update(i, r)),
        (n.clone(), 0i64..10).prop_map(|(i, r)| Op::Patch(i, r)),
        n.prop_map(Op::Delete),
    ]
}

#[test]
fn random_write_sequences_leave_list_and_watch_consistent_with_a_model() {
    let server = TestServer::start_with(&["--no-status-writer"]);
    // A write elsewhere first, so that no case starts from resourceVersion 0 (which asks a
    // watch for the current state rather than the history after it).
    assert_eq!(
        Api::new(&server, "warmup")
            .create(&serve_support::policy("w"))
            .code,
        201
    );
    let case = AtomicUsize::new(0);
    let mut runner = TestRunner::new(config(64));
    let result = runner.run(&prop::collection::vec(op(), 1..24), |ops| {
        // A project of its own per case: isolated, and starting empty.
        let project = format!("seq-{}", case.fetch_add(1, Ordering::SeqCst));
        let api = Api::new(&server, &project);
        let start_rv = api.get(&Api::coll("default")).body["metadata"]["resourceVersion"]
            .as_str()
            .unwrap_or("0")
            .to_string();
        let mut model: BTreeMap<&str, i64> = BTreeMap::new();
        let mut writes = 0usize;
        for op in &ops {
            let (code, want) = match *op {
                Op::Create(i, r) => {
                    let code = api.create(&serve_support::policy_with(NAMES[i], r)).code;
                    let want = if model.contains_key(NAMES[i]) {
                        409
                    } else {
                        201
                    };
                    if want == 201 {
                        model.insert(NAMES[i], r);
                    }
                    (code, want)
                }
                Op::Update(i, r) => {
                    let item = Api::item("default", NAMES[i]);
                    let live = api.get(&item);
                    if live.code == 404 {
                        // Update of a missing object: PUT without a version is refused.
                        let code = api
                            .json("PUT", &item, &serve_support::policy_with(NAMES[i], r))
                            .code;
                        prop_assert!(matches!(code, 404 | 422), "PUT missing: {}", code);
                        prop_assert!(!model.contains_key(NAMES[i]));
                        continue;
                    }
                    let mut obj = live.body;
                    obj["spec"]["retry"]["numRetries"] = json!(r);
                    let code = api.json("PUT", &item, &obj).code;
                    let changed = model.insert(NAMES[i], r) != Some(r);
                    // A PUT that changes nothing stores nothing (no event).
                    if !changed {
                        prop_assert_eq!(code, 200);
                        continue;
                    }
                    (code, 200)
                }
                Op::Patch(i, r) => {
                    let code = api
                        .patch(
                            &Api::item("default", NAMES[i]),
                            "application/merge-patch+json",
                            &format!(r#"{{"spec":{{"retry":{{"numRetries":{r}}}}}}}"#),
                        )
                        .code;
                    match model.get(NAMES[i]) {
                        None => (code, 404),
                        Some(old) if *old == r => {
                            prop_assert_eq!(code, 200);
                            continue;
                        }
                        Some(_) => {
                            model.insert(NAMES[i], r);
                            (code, 200)
                        }
                    }
                }
                Op::Delete(i) => {
                    let code = api
                        .send("DELETE", &Api::item("default", NAMES[i]), &[], None)
                        .code;
                    let want = if model.remove(NAMES[i]).is_some() {
                        200
                    } else {
                        404
                    };
                    (code, want)
                }
            };
            prop_assert_eq!(code, want, "{:?}", op);
            if matches!(want, 200 | 201) {
                writes += 1;
            }
        }
        // The list is the model.
        let list = api.get(&Api::coll("default"));
        let listed: BTreeMap<String, i64> = list.body["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|i| {
                (
                    i["metadata"]["name"].as_str().unwrap_or("").to_string(),
                    i["spec"]["retry"]["numRetries"].as_i64().unwrap_or(-1),
                )
            })
            .collect();
        let expected: BTreeMap<String, i64> =
            model.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        prop_assert_eq!(&listed, &expected);
        // Replaying the watch from the start gives the model too, one event per write, in
        // strictly increasing resourceVersion order.
        let (code, mut lines) = api.watch(&format!("resourceVersion={start_rv}"));
        prop_assert_eq!(code, 200);
        let mut replayed: BTreeMap<String, i64> = BTreeMap::new();
        let mut last_rv = start_rv.parse::<u64>().unwrap_or(0);
        let mut seen = 0;
        while seen < writes {
            let event = next_event(&mut *lines);
            if event["type"] == "BOOKMARK" {
                continue;
            }
            seen += 1;
            let object = &event["object"];
            let name = object["metadata"]["name"]
                .as_str()
                .unwrap_or("")
                .to_string();
            let rv: u64 = object["metadata"]["resourceVersion"]
                .as_str()
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            prop_assert!(rv > last_rv, "rv {} after {}", rv, last_rv);
            last_rv = rv;
            match event["type"].as_str() {
                Some("ADDED") | Some("MODIFIED") => {
                    replayed.insert(
                        name,
                        object["spec"]["retry"]["numRetries"].as_i64().unwrap_or(-1),
                    );
                }
                Some("DELETED") => {
                    replayed.remove(&name);
                }
                other => return Err(TestCaseError::fail(format!("event {other:?}"))),
            }
        }
        prop_assert_eq!(&replayed, &expected);
        // The list's version is the last event's.
        let list_rv: u64 = list.body["metadata"]["resourceVersion"]
            .as_str()
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        prop_assert_eq!(list_rv, last_rv.max(start_rv.parse().unwrap_or(0)));
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}
