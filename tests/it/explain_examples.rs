//! The example policies in examples/ against the embedded schema: every field exists, every
//! required field is there, and enums, patterns and bounds hold. (CEL rules are checked by
//! `datumctl validate` in tests/it/examples_valid.rs.) The Datum docs' usage example is kept
//! verbatim.
use crate::common;

use datumctl::manifest::parse_source;
use datumctl::schema::{self, Node};
use serde_json::Value;
use std::fs;
use std::path::PathBuf;

fn examples() -> Vec<(PathBuf, Vec<Value>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut out = Vec::new();
    for entry in fs::read_dir(&dir).expect("examples/") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let text = fs::read_to_string(&path).expect("read example");
            let docs = parse_source(&path.to_string_lossy(), &text).expect("example is YAML");
            out.push((path, docs.into_iter().map(|d| d.value).collect()));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn type_ok(node: &Node, value: &Value) -> bool {
    if node.int_or_string {
        return value.is_i64() || value.is_u64() || value.is_string();
    }
    match node.type_.as_deref() {
        Some("object") => value.is_object(),
        Some("array") => value.is_array(),
        Some("string") => value.is_string(),
        Some("integer") => value.is_i64() || value.is_u64(),
        Some("number") => value.is_number(),
        Some("boolean") => value.is_boolean(),
        _ => true,
    }
}

/// Structural checks of `value` against `node`; problems are pushed with their path.
fn check(node: &Node, value: &Value, path: &str, problems: &mut Vec<String>) {
    if !type_ok(node, value) {
        problems.push(format!("{path}: {value} is not a {:?}", node.type_));
        return;
    }
    for part in std::iter::once(node).chain(&node.all_of) {
        if !part.enum_values.is_empty() && !part.enum_values.contains(value) {
            problems.push(format!(
                "{path}: {value} is not one of {:?}",
                part.enum_values
            ));
        }
        if let (Some(pattern), Some(s)) = (&part.pattern, value.as_str()) {
            let re = regex::Regex::new(pattern).expect("schema pattern compiles");
            if !re.is_match(s) {
                problems.push(format!("{path}: {s:?} does not match {pattern}"));
            }
        }
    }
    if let Some(n) = value.as_f64() {
        if node
            .minimum
            .as_ref()
            .and_then(|m| m.as_f64())
            .is_some_and(|m| n < m)
        {
            problems.push(format!("{path}: {n} is below the minimum"));
        }
        if node
            .maximum
            .as_ref()
            .and_then(|m| m.as_f64())
            .is_some_and(|m| n > m)
        {
            problems.push(format!("{path}: {n} is above the maximum"));
        }
    }
    match value {
        Value::Object(fields) => {
            for name in &node.required {
                if !fields.contains_key(name) {
                    problems.push(format!("{path}.{name}: required"));
                }
            }
            for (name, child) in fields {
                let child_path = format!("{path}.{name}");
                match (node.properties.get(name), &node.additional_properties) {
                    (Some(schema), _) => check(schema, child, &child_path, problems),
                    (None, Some(values)) => check(values, child, &child_path, problems),
                    (None, None) if node.preserve_unknown_fields => {}
                    (None, None) => problems.push(format!("{child_path}: unknown field")),
                }
            }
        }
        Value::Array(items) => {
            if let Some(schema) = &node.items {
                for (i, item) in items.iter().enumerate() {
                    check(schema, item, &format!("{path}[{i}]"), problems);
                }
            }
        }
        _ => {}
    }
}

#[test]
fn examples_fit_the_embedded_schema() {
    let root = &schema::embedded().root;
    let all = examples();
    assert!(
        all.len() >= 6,
        "expected at least six examples, found {}",
        all.len()
    );
    let mut problems = Vec::new();
    let mut documents = 0;
    for (path, docs) in &all {
        for doc in docs {
            documents += 1;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            assert_eq!(
                doc["apiVersion"], "gateway.envoyproxy.io/v1alpha1",
                "{name}"
            );
            assert_eq!(doc["kind"], "BackendTrafficPolicy", "{name}");
            check(root, doc, &name, &mut problems);
        }
    }
    assert!(documents > all.len(), "one example holds several documents");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_structural_check_catches_mistakes() {
    let root = &schema::embedded().root;
    let bad: Value = serde_json::json!({
        "apiVersion": "gateway.envoyproxy.io/v1alpha1",
        "kind": "BackendTrafficPolicy",
        "metadata": { "name": "bad" },
        "spec": {
            "targetRefs": [{ "group": "gateway.networking.k8s.io", "kind": "Gateway" }],
            "loadBalancer": { "type": "Fastest" },
            "retry": { "numRetries": -1, "retri": true },
            "timeout": { "http": { "requestTimeout": "ten seconds" } }
        }
    });
    let mut problems = Vec::new();
    check(root, &bad, "bad", &mut problems);
    assert_eq!(problems.len(), 5, "{problems:#?}");
}

#[test]
fn the_datum_usage_example_is_verbatim() {
    let page = fs::read_to_string(
        common::reference().join("datum-docs/backendtrafficpolicy-reference.txt"),
    )
    .expect("Datum reference page");
    let example = fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/backend-traffic-example.yaml"),
    )
    .expect("example");
    let start = page
        .find("apiVersion: ")
        .expect("usage manifest on the page");
    assert!(
        page[start..].starts_with(&example),
        "examples/backend-traffic-example.yaml differs from the page's manifest"
    );
    assert!(example.contains("name: backend-traffic-example\n"));
}
