//! Property tests (proptest, bounded case counts for CI) on the manifest loader and the
//! validator: arbitrary bytes and arbitrary YAML trees never panic them, and a tree printed as
//! YAML by the printer reads back as the same value.

use datumctl::cli::Profile;
use datumctl::manifest;
use datumctl::validate::{Options, validate_object};
use proptest::prelude::*;
use serde_json::{Map, Value};

/// Field names from the schema, so that generated trees reach deep into the validator.
const FIELDS: &[&str] = &[
    "apiVersion",
    "kind",
    "metadata",
    "name",
    "namespace",
    "labels",
    "spec",
    "targetRefs",
    "targetRef",
    "targetSelectors",
    "group",
    "sectionName",
    "retry",
    "numRetries",
    "perRetry",
    "backOff",
    "baseInterval",
    "maxInterval",
    "retryOn",
    "triggers",
    "httpStatusCodes",
    "timeout",
    "tcp",
    "http",
    "connectTimeout",
    "requestTimeout",
    "loadBalancer",
    "type",
    "consistentHash",
    "slowStart",
    "window",
    "circuitBreaker",
    "maxConnections",
    "healthCheck",
    "active",
    "passive",
    "interval",
    "faultInjection",
    "abort",
    "delay",
    "httpStatus",
    "percentage",
    "rateLimit",
    "global",
    "local",
    "rules",
    "limit",
    "requests",
    "unit",
    "compression",
    "useClientProtocol",
    "status",
    "ancestors",
];

/// Scalars that YAML resolves specially, and text with YAML's punctuation in it.
fn scalar_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("yes".to_string()),
        Just("No".to_string()),
        Just("~".to_string()),
        Just("null".to_string()),
        Just("0x1F".to_string()),
        Just("0o17".to_string()),
        Just("1e3".to_string()),
        Just(".inf".to_string()),
        Just("-.NaN".to_string()),
        Just("012".to_string()),
        Just("1_000".to_string()),
        Just("2001-12-14".to_string()),
        Just("true".to_string()),
        Just("".to_string()),
        Just(" lead".to_string()),
        Just("trail ".to_string()),
        Just("a: b".to_string()),
        Just("- x".to_string()),
        Just("#c".to_string()),
        Just("&a".to_string()),
        Just("*a".to_string()),
        Just("!tag".to_string()),
        Just("'q'".to_string()),
        Just("\"dq\"".to_string()),
        Just("multi\nline".to_string()),
        Just("tab\there".to_string()),
        Just("---".to_string()),
        Just("...".to_string()),
        Just("{a}".to_string()),
        Just("[1]".to_string()),
        Just("%x".to_string()),
        Just("@x".to_string()),
        Just("`x".to_string()),
        Just("é✓".to_string()),
        "[a-zA-Z0-9 ._:/-]{0,12}",
        any::<String>().prop_map(|s| s.chars().take(12).collect()),
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1000i64..1000).prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        scalar_text().prop_map(Value::String),
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(FIELDS).prop_map(String::from),
        1 => scalar_text(),
    ]
}

fn tree() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(5, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..6)
                .prop_map(|entries| Value::Object(entries.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A policy-shaped object whose spec (and some metadata) is an arbitrary tree.
fn policy_like() -> impl Strategy<Value = Value> {
    (tree(), tree(), any::<bool>()).prop_map(|(spec, meta, named)| {
        let mut metadata = match meta {
            Value::Object(m) => m,
            other => {
                let mut m = Map::new();
                m.insert("labels".into(), other);
                m
            }
        };
        if named {
            metadata.insert("name".into(), Value::from("p"));
        }
        serde_json::json!({
            "apiVersion": "gateway.envoyproxy.io/v1alpha1",
            "kind": "BackendTrafficPolicy",
            "metadata": metadata,
            "spec": spec,
        })
    })
}

fn validate_both_profiles(value: &Value) {
    for profile in [Profile::Upstream, Profile::Datum] {
        let mut copy = value.clone();
        let _ = validate_object(&mut copy, &Options { profile });
    }
}

/// Equal as Kubernetes sees JSON: numbers by value (a float 1.0 prints, as in Go, as `1`).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x == y || x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        // Shrinking a failure is worth it; a runaway search is not.
        max_shrink_iters: 512,
        // Failures are reported with their minimal input; no regression files in the tree.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_bytes_never_panic_the_loader_or_validator(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let dir = tempfile::tempdir().expect("tmp");
        let file = dir.path().join("input.yaml");
        std::fs::write(&file, &bytes).expect("write");
        if let Ok(docs) = manifest::read_inputs(&[file.to_string_lossy().into_owned()], false) {
            for doc in docs {
                validate_both_profiles(&doc.value);
            }
        }
        // The same bytes as text, past the byte-level checks, into the parser itself.
        if let Ok(docs) = manifest::parse_source("lossy", &String::from_utf8_lossy(&bytes)) {
            for doc in docs {
                validate_both_profiles(&doc.value);
            }
        }
    }

    #[test]
    fn yaml_shaped_text_never_panics_the_loader(
        lines in prop::collection::vec(
            (0usize..8, prop_oneof![
                Just("- ".to_string()), Just("? ".to_string()), Just(": ".to_string()),
                Just("&a ".to_string()), Just("*a".to_string()), Just("<<: *a".to_string()),
                Just("!!str ".to_string()), Just("|".to_string()), Just(">-".to_string()),
                Just("---".to_string()), Just("...".to_string()), Just("[".to_string()),
                Just("{".to_string()), Just("]".to_string()), Just("}".to_string()),
                Just("%YAML 1.2".to_string()), Just("\"".to_string()), Just("'".to_string()),
            ], scalar_text()),
            0..24,
        )
    ) {
        let text: String = lines
            .iter()
            .map(|(indent, punct, word)| format!("{}{punct}{word}\n", " ".repeat(*indent)))
            .collect();
        if let Ok(docs) = manifest::parse_source("shaped", &text) {
            for doc in docs {
                validate_both_profiles(&doc.value);
            }
        }
    }

    #[test]
    fn arbitrary_trees_never_panic_the_validator(object in policy_like()) {
        validate_both_profiles(&object);
        // Validation is deterministic: the same input, the same verdict.
        let options = Options::default();
        let (mut a, mut b) = (object.clone(), object.clone());
        let (ea, eb) = (validate_object(&mut a, &options), validate_object(&mut b, &options));
        prop_assert_eq!(
            ea.iter().map(|e| e.message()).collect::<Vec<_>>(),
            eb.iter().map(|e| e.message()).collect::<Vec<_>>()
        );
        prop_assert_eq!(a, b);
    }

    #[test]
    fn printed_yaml_reads_back_as_the_same_tree(object in policy_like()) {
        let text = datumctl::print::yaml::to_yaml(&object);
        let docs = manifest::parse_source("printed", &text)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(docs.len(), 1, "{}", text);
        prop_assert!(same(&docs[0].value, &object), "read back {:?}\nfrom\n{}", docs[0].value, text);
        validate_both_profiles(&docs[0].value);
    }
}
