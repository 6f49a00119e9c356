//! One test per kind of check `validate_object` makes, each with the exact Kubernetes message.

use super::{Options, validate_object};
use crate::schema::Node;
use serde_json::{Value, json};

fn policy(spec: Value) -> Value {
    json!({
        "apiVersion": "gateway.envoyproxy.io/v1alpha1",
        "kind": "BackendTrafficPolicy",
        "metadata": {"name": "p"},
        "spec": spec,
    })
}

fn target() -> Value {
    json!([{"group": "gateway.networking.k8s.io", "kind": "HTTPRoute", "name": "r"}])
}

fn messages(mut object: Value) -> Vec<String> {
    validate_object(&mut object, &Options::default())
        .iter()
        .map(|e| e.message())
        .collect()
}

fn with(field: &str, value: Value) -> Value {
    let mut spec = json!({"targetRefs": target()});
    spec[field] = value;
    policy(spec)
}

const SKIPPED: &str = "<nil>: Invalid value: null: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation";

#[test]
fn a_valid_policy_has_no_errors_and_gets_defaults() {
    let mut object = with("retry", json!({}));
    assert!(validate_object(&mut object, &Options::default()).is_empty());
    assert_eq!(object["spec"]["retry"]["numRetries"], json!(2));
}

#[test]
fn other_kinds_are_named_clearly() {
    let m = messages(json!({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "s"}}));
    assert_eq!(
        m,
        [
            "kind: Invalid value: \"Service\": datumctl manages BackendTrafficPolicy only (apiVersion gateway.envoyproxy.io/v1alpha1)"
        ]
    );
    let m =
        messages(json!({"apiVersion": "gateway.envoyproxy.io/v1", "kind": "BackendTrafficPolicy"}));
    assert_eq!(
        m,
        [
            "apiVersion: Invalid value: \"gateway.envoyproxy.io/v1\": datumctl manages BackendTrafficPolicy only (apiVersion gateway.envoyproxy.io/v1alpha1)"
        ]
    );
    assert_eq!(
        messages(json!(["not", "a", "map"])),
        [
            "<nil>: Invalid value: \"array\": a manifest must be a mapping with apiVersion, kind, metadata and spec"
        ]
    );
}

#[test]
fn types_and_int_or_string() {
    assert_eq!(
        messages(with("retry", json!({"numRetries": "three"}))),
        [
            "spec.retry.numRetries: Invalid value: \"string\": spec.retry.numRetries in body must be of type integer: \"string\"",
            SKIPPED
        ]
    );
    assert_eq!(
        messages(with("connection", json!({"bufferLimit": true}))),
        [
            "spec.connection.bufferLimit: Invalid value: \"boolean\": spec.connection.bufferLimit in body must be of type integer,string: \"boolean\"",
            "<nil>: Invalid value: \"\": \"spec.connection.bufferLimit\" must validate at least one schema (anyOf)",
            "spec.connection.bufferLimit: Invalid value: \"boolean\": spec.connection.bufferLimit in body must be of type integer: \"boolean\"",
            SKIPPED
        ]
    );
    assert!(messages(with("connection", json!({"bufferLimit": 1024}))).is_empty());
    assert!(messages(with("connection", json!({"bufferLimit": "32Ki"}))).is_empty());
}

#[test]
fn formats() {
    assert_eq!(
        messages({
            let mut o = with(
                "connection",
                json!({"preconnect": {"predictivePercent": 3_000_000_000u64}}),
            );
            o["spec"]["loadBalancer"] = json!({"type": "Random"});
            o
        }),
        [
            "<nil>: Invalid value: \"\": Checked value must be of type integer with format int32 in spec.connection.preconnect.predictivePercent"
        ]
    );
    let active = |binary: &str| json!({"active": {"type": "TCP", "tcp": {"send": {"type": "Binary", "binary": binary}}}});
    assert!(messages(with("healthCheck", active("aGVsbG8="))).is_empty());
    assert_eq!(
        messages(with("healthCheck", active("not base64!"))),
        [
            "spec.healthCheck.active.tcp.send.binary: Invalid value: \"not base64!\": spec.healthCheck.active.tcp.send.binary in body must be of type byte: \"not base64!\"",
            SKIPPED
        ]
    );
    let mut object = with("retry", json!({}));
    object["metadata"]["creationTimestamp"] = json!("yesterday");
    // Metadata is decoded into ObjectMeta before any validation: a bad timestamp is the
    // decoder's error, alone.
    assert_eq!(
        messages(object),
        [
            "BackendTrafficPolicy in version \"v1alpha1\" cannot be handled as a BackendTrafficPolicy: parsing time \"yesterday\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"yesterday\" as \"2006\""
        ]
    );
}

#[test]
fn enums_required_and_lengths() {
    assert_eq!(
        messages(with("loadBalancer", json!({"type": "Fastest"}))),
        [
            "spec.loadBalancer.type: Unsupported value: \"Fastest\": supported values: \"ConsistentHash\", \"LeastRequest\", \"Random\", \"RoundRobin\", \"BackendUtilization\", \"DynamicModule\"",
            SKIPPED
        ]
    );
    let mut object =
        policy(json!({"targetRefs": [{"kind": "HTTPRoute", "name": "x".repeat(254)}]}));
    assert_eq!(
        messages(object.clone()),
        [
            "spec.targetRefs[0].name: Too long: may not be more than 253 bytes",
            "spec.targetRefs[0].group: Required value",
            SKIPPED
        ]
    );
    object["spec"]["targetRefs"][0]["name"] = json!("");
    object["spec"]["targetRefs"][0]["group"] = json!("gateway.networking.k8s.io");
    assert_eq!(
        messages(object),
        [
            "spec.targetRefs[0].name: Invalid value: \"\": spec.targetRefs[0].name in body should be at least 1 chars long"
        ]
    );
}

#[test]
fn bounds_and_item_counts() {
    assert_eq!(
        messages(with("retry", json!({"numRetries": -1}))),
        [
            "spec.retry.numRetries: Invalid value: -1: spec.retry.numRetries in body should be greater than or equal to 0"
        ]
    );
    let mut object = with("retry", json!({}));
    object["status"] = json!({"ancestors": [{"ancestorRef": {"name": "g"}, "controllerName": "example.com/c", "conditions": []}]});
    assert_eq!(
        messages(object),
        [
            "status.ancestors[0].conditions: Invalid value: 0: status.ancestors[0].conditions in body should have at least 1 items"
        ]
    );
}

#[test]
fn exclusive_bounds() {
    let node: Node = serde_json::from_value(json!({
        "type": "integer", "minimum": 0, "exclusiveMinimum": true, "maximum": 10, "exclusiveMaximum": true
    }))
    .expect("node");
    let root = super::path::FieldPath::root();
    let path = root.key("n");
    let check = |v: Value| {
        let mut errors = Vec::new();
        super::structural::check(&v, &node, &path, &mut errors);
        errors.iter().map(|e| e.message()).collect::<Vec<_>>()
    };
    assert_eq!(
        check(json!(0)),
        ["n: Invalid value: 0: n in body should be greater than 0"]
    );
    assert_eq!(
        check(json!(10)),
        ["n: Invalid value: 10: n in body should be less than 10"]
    );
    assert!(check(json!(5)).is_empty());
}

#[test]
fn duplicates_in_sets_and_maps() {
    let matches = json!({"active": {"type": "HTTP", "http": {"path": "/"},
        "healthCheckLog": {"matches": ["Failure", "Success", "Failure"]}}});
    let m = messages(with("healthCheck", matches));
    assert_eq!(
        m[0],
        "spec.healthCheck.active.healthCheckLog.matches[2]: Duplicate value: \"Failure\""
    );
    let zones = json!({"type": "RoundRobin", "zoneAware": {"weightedZones": [{"zone": "a", "weight": 1}, {"zone": "a", "weight": 2}]}});
    assert_eq!(
        messages(with("loadBalancer", zones)),
        ["spec.loadBalancer.zoneAware.weightedZones[1]: Duplicate value: {\"zone\":\"a\"}"]
    );
}

#[test]
fn unknown_fields_everywhere_but_free_form_nodes() {
    let mut object = with("retry", json!({"numRetrys": 3}));
    object["metadata"]["colour"] = json!("blue");
    object["spec"]["loadBalancer"] = json!({"type": "DynamicModule", "dynamicModule": {"name": "m", "config": {"anything": {"goes": 1}}}});
    let m = messages(object);
    assert_eq!(
        &m[..2],
        [
            "unknown field \"metadata.colour\"",
            "unknown field \"spec.retry.numRetrys\""
        ]
    );
}

#[test]
fn nulls_are_dropped_or_defaulted_before_checks() {
    // `timeout: null` is dropped; `numRetries: null` takes its default; the CEL rule on
    // `spec` then sees a valid object.
    let mut object = with("retry", json!({"numRetries": null}));
    object["spec"]["timeout"] = Value::Null;
    assert!(validate_object(&mut object, &Options::default()).is_empty());
    assert!(object["spec"].get("timeout").is_none());
    assert_eq!(object["spec"]["retry"]["numRetries"], json!(2));
}
