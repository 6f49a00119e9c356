//! Server-side apply against a real `datumctl serve`: create by apply, managedFields,
//! per-field conflicts worded as kubectl expects, shared ownership, force, field removal.

use crate::common;
use crate::serve_support;

use common::TestServer;
use serde_json::json;
use serve_support::{Api, policy};

const APPLY: &str = "application/apply-patch+yaml";

fn config(retries: i64) -> String {
    common::Policy::new("a")
        .target("HTTPRoute", "a-route")
        .retries(retries)
        .yaml()
}

#[test]
fn apply_creates_then_conflicts_with_another_manager_until_forced() {
    let server = TestServer::start_with(&["--no-status-writer"]);
    let api = Api::new(&server, "ssa");
    let item = Api::item("default", "a");

    // Created by client-side apply (a plain create with kubectl's field manager).
    let created = api.json(
        "POST",
        &format!(
            "{}?fieldManager=kubectl-client-side-apply",
            Api::coll("default")
        ),
        &policy("a"),
    );
    assert_eq!(created.code, 201);

    let conflict = api.patch(&format!("{item}?fieldManager=other"), APPLY, &config(5));
    assert_eq!(conflict.code, 409, "{}", conflict.text);
    assert_eq!(conflict.body["reason"], "Conflict");
    assert_eq!(
        conflict.body["message"],
        "Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using gateway.envoyproxy.io/v1alpha1: .spec.retry.numRetries"
    );
    let cause = &conflict.body["details"]["causes"][0];
    assert_eq!(cause["reason"], "FieldManagerConflict");
    assert_eq!(cause["field"], ".spec.retry.numRetries");

    // Same values: no conflict, shared ownership.
    let shared = api.patch(&format!("{item}?fieldManager=other"), APPLY, &config(3));
    assert_eq!(shared.code, 200, "{}", shared.text);
    let managers: Vec<&str> = shared.body["metadata"]["managedFields"]
        .as_array()
        .expect("managedFields")
        .iter()
        .map(|m| m["manager"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(managers, ["kubectl-client-side-apply", "other"]);

    let forced = api.patch(
        &format!("{item}?fieldManager=other&force=true"),
        APPLY,
        &config(5),
    );
    assert_eq!(forced.code, 200, "{}", forced.text);
    assert_eq!(forced.body["spec"]["retry"]["numRetries"], 5);
    assert_eq!(forced.body["metadata"]["generation"], 2);
    let other = forced.body["metadata"]["managedFields"]
        .as_array()
        .expect("mf")
        .iter()
        .find(|m| m["manager"] == "other")
        .expect("other")
        .clone();
    assert_eq!(other["operation"], "Apply");
    assert_eq!(
        other["fieldsV1"]["f:spec"]["f:retry"]["f:numRetries"],
        json!({})
    );
}

#[test]
fn apply_creates_and_drops_fields_it_stops_applying() {
    let server = TestServer::start_with(&["--no-status-writer"]);
    let api = Api::new(&server, "ssa2");
    let item = Api::item("default", "a");
    let made = api.patch(&format!("{item}?fieldManager=me"), APPLY, &config(2));
    assert_eq!(made.code, 201, "{}", made.text);
    assert_eq!(
        made.body["metadata"]["managedFields"][0]["operation"],
        "Apply"
    );
    let without_retry = config(2).replace("  retry:\n    numRetries: 2\n", "");
    let r = api.patch(&format!("{item}?fieldManager=me"), APPLY, &without_retry);
    assert_eq!(r.code, 200, "{}", r.text);
    assert!(r.body["spec"].get("retry").is_none(), "{}", r.body);
    // Apply needs a field manager, a parseable body, and a valid result.
    let unnamed = api.patch(&item, APPLY, &config(2));
    assert_eq!(unnamed.code, 422);
    assert_eq!(
        unnamed.body["message"],
        "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch"
    );
    let forced = api.patch(
        &format!("{item}?force=false"),
        "application/merge-patch+json",
        "{}",
    );
    assert_eq!(forced.code, 422, "{}", forced.text);
    assert_eq!(
        forced.body["message"],
        "PatchOptions.meta.k8s.io \"\" is invalid: force: Forbidden: may not be specified for non-apply patch"
    );
    assert_eq!(
        forced.body["details"]["causes"][0]["reason"],
        "FieldValueForbidden"
    );
    assert_eq!(
        api.patch(&format!("{item}?fieldManager=me"), APPLY, "a: [")
            .code,
        400
    );
    let invalid = config(2).replace("numRetries: 2", "numRetries: -1");
    assert_eq!(
        api.patch(&format!("{item}?fieldManager=me"), APPLY, &invalid)
            .code,
        422
    );
}
