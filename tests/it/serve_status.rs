//! The status subresource of a real `datumctl serve`: a write to /status changes only status
//! (and a main-resource write never does), and the status writer accepts every target kind.

use crate::common;
use crate::serve_support;

use common::TestServer;
use serde_json::json;
use serve_support::{Api, policy};

#[test]
fn status_subresource_only_changes_status() {
    // No status writer: only the test writes status.
    let server = TestServer::start_with(&["--no-status-writer"]);
    let api = Api::new(&server, "status");
    let created = api.create(&policy("a")).body;
    let status = json!({"ancestors": [{
        "ancestorRef": {"group": "gateway.networking.k8s.io", "kind": "Gateway", "name": "eg"},
        "controllerName": "example.com/ctl",
        "conditions": [{"type": "Accepted", "status": "True", "reason": "Accepted", "message": "ok",
                        "lastTransitionTime": "2026-01-01T00:00:00Z", "observedGeneration": 1}]
    }]});
    let mut body = created.clone();
    body["status"] = status.clone();
    body["spec"]["retry"]["numRetries"] = json!(6);
    let put = api.json(
        "PUT",
        &format!("{}/status", Api::item("default", "a")),
        &body,
    );
    assert_eq!(put.code, 200, "{}", put.text);
    assert_eq!(
        put.body["status"]["ancestors"][0]["controllerName"],
        "example.com/ctl"
    );
    assert_eq!(
        put.body["spec"]["retry"]["numRetries"], 3,
        "spec is ignored on /status"
    );
    assert_eq!(put.body["metadata"]["generation"], 1);

    // Status sent to the main resource is ignored.
    let mut main = put.body.clone();
    main["status"] = json!({"ancestors": []});
    let r = api.json("PUT", &Api::item("default", "a"), &main);
    assert_eq!(
        r.body["status"]["ancestors"][0]["controllerName"],
        "example.com/ctl"
    );

    let patched = api.patch(
        &format!("{}/status", Api::item("default", "a")),
        "application/merge-patch+json",
        r#"{"status":{"ancestors":[]}}"#,
    );
    assert_eq!(patched.code, 200, "{}", patched.text);
    assert_eq!(patched.body["status"]["ancestors"], json!([]));
}

#[test]
fn status_writer_accepts_each_target() {
    let server = TestServer::start();
    let api = Api::new(&server, "writer");
    let mut p = policy("a");
    p["spec"]["targetRefs"] = json!([
        {"group": "gateway.networking.k8s.io", "kind": "Gateway", "name": "eg", "sectionName": "http"},
        {"group": "gateway.networking.k8s.io", "kind": "HTTPRoute", "name": "r"}
    ]);
    assert_eq!(api.create(&p).code, 201);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let status = loop {
        let got = api.get(&Api::item("default", "a")).body;
        if got["status"]["ancestors"]
            .as_array()
            .is_some_and(|a| a.len() == 2)
        {
            break got["status"].clone();
        }
        assert!(std::time::Instant::now() < deadline, "no status: {got}");
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let first = &status["ancestors"][0];
    assert_eq!(
        first["ancestorRef"],
        json!({"group": "gateway.networking.k8s.io", "kind": "Gateway", "name": "eg", "namespace": "default", "sectionName": "http"})
    );
    assert_eq!(
        first["controllerName"],
        "gateway.envoyproxy.io/gatewayclass-controller"
    );
    let cond = &first["conditions"][0];
    assert_eq!(
        (
            cond["type"].as_str(),
            cond["status"].as_str(),
            cond["reason"].as_str()
        ),
        (Some("Accepted"), Some("True"), Some("Accepted"))
    );
    assert_eq!(cond["observedGeneration"], 1);
    assert_eq!(status["ancestors"][1]["ancestorRef"]["kind"], "HTTPRoute");
}
