//! Conformance of `datumctl validate` with the real API server: the 149 upstream CEL test cases
//! (expect.tsv) and the 120 upstream example manifests (INDEX.tsv), run through the real binary.

use crate::common;

use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::Path;

/// Runs `datumctl validate -o json -f DIR` and returns each document's JSON report by file name.
fn validate_dir(dir: &Path) -> BTreeMap<String, Value> {
    let home = tempfile::tempdir().expect("home");
    let out = common::datumctl(home.path())
        .args(["validate", "-o", "json", "-f"])
        .arg(dir)
        .output()
        .expect("run datumctl validate");
    let code = out.status.code();
    assert!(
        code == Some(0) || code == Some(1),
        "exit {code:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(|line| {
            let report: Value = serde_json::from_str(line).expect("one JSON object per line");
            let file = report["file"].as_str().expect("file").to_string();
            let name = Path::new(&file)
                .file_name()
                .expect("file name")
                .to_string_lossy()
                .into_owned();
            (name, report)
        })
        .collect()
}

/// The error text the API server returns for these field errors (`[a, b]` when there are several).
fn server_text(report: &Value) -> String {
    let m = common::report_messages(report);
    let aggregate = if m.len() == 1 {
        m[0].clone()
    } else {
        format!("[{}]", m.join(", "))
    };
    format!("BackendTrafficPolicy.gateway.envoyproxy.io \"case\" is invalid: {aggregate}")
}

/// The upstream test marshals Go structs, so fields that are neither pointers nor `omitempty`
/// reach the server with their zero value even where the case's YAML leaves them out
/// (cel-cases.md says so). These are the ones the cases touch: gateway-api's
/// `LocalObjectReference.group` and Envoy Gateway's `RateLimitCostMetadata.{namespace,key}`.
fn add_go_zero_values(value: &mut Value, parent_key: &str) {
    match value {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                if let Value::Object(inner) = child {
                    if key == "valueRef" {
                        inner.entry("group").or_insert(json!(""));
                    }
                    if key == "metadata" && (parent_key == "request" || parent_key == "response") {
                        inner.entry("namespace").or_insert(json!(""));
                        inner.entry("key").or_insert(json!(""));
                    }
                }
                add_go_zero_values(child, key);
            }
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|v| add_go_zero_values(v, parent_key)),
        _ => {}
    }
}

#[test]
fn all_149_cel_cases_agree_with_the_api_server() {
    let cases = common::reference().join("envoy-gateway/cel-cases");
    let expect = std::fs::read_to_string(cases.join("expect.tsv")).expect("expect.tsv");
    // The cases as the upstream test sent them: read with our reader, Go zero values added,
    // written as JSON (one file per case).
    let sent = tempfile::tempdir().expect("tmp");
    let mut rows = Vec::new();
    for line in expect
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let (file, verdict) = (cols[1].to_string(), cols[2].to_string());
        let wants: Vec<String> = cols
            .get(3)
            .filter(|s| !s.is_empty())
            .map(|s| s.split(" | ").map(str::to_lowercase).collect())
            .unwrap_or_default();
        let path = cases.join(&file).to_string_lossy().into_owned();
        let docs = datumctl::manifest::read_inputs(&[path], false).expect("case reads");
        assert_eq!(docs.len(), 1, "{file}");
        let mut value = docs[0].value.clone();
        add_go_zero_values(&mut value, "");
        let json_name = file.replace(".yaml", ".json");
        std::fs::write(sent.path().join(&json_name), value.to_string()).expect("write");
        rows.push((json_name, verdict, wants));
    }
    assert_eq!(rows.len(), 149);
    let reports = validate_dir(sent.path());
    let mut disagreements = Vec::new();
    for (file, verdict, wants) in &rows {
        let report = &reports[file];
        let valid = report["valid"] == json!(true);
        let text = server_text(report).to_lowercase();
        match verdict.as_str() {
            "accept" if !valid => disagreements.push(format!("{file}: rejected: {text}")),
            "reject" if valid => disagreements.push(format!("{file}: accepted")),
            "reject" => {
                for want in wants.iter().filter(|w| !text.contains(w.as_str())) {
                    disagreements.push(format!("{file}: lacks {want:?} in {text}"));
                }
            }
            "accept" => {}
            other => panic!("unknown verdict {other}"),
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} of 149 disagree:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}

/// The `ok` examples that a CEL rule rejects (the index did not evaluate CEL), and why.
const OK_BUT_CEL_REJECTS: &[(&str, &str)] = &[(
    "094-btp-with-preconnect--policy-for-gateway.yaml",
    "spec: Invalid value: predictivePercent in preconnect policy only works with RoundRobin or Random load balancers",
)];

/// What the API server says for each `INVALID` example (the index words it as jsonschema does).
const INVALID_CAUSES: &[(&str, &str)] = &[
    (
        "002-backend-traffic-policy--direct-policy.yaml",
        "spec.targetRefs[0].group: Required value",
    ),
    (
        "003-backend-traffic-policy--selector-policy.yaml",
        "unknown field \"spec.rateLimit.local.requests\"",
    ),
    (
        "057-btp-buffer-limit-with-invalid-value--policy-for-route.yaml",
        "spec.connection.bufferLimit: Invalid value: \"100m\": spec.connection.bufferLimit in body should match '^[1-9]+[0-9]*([EPTGMK]i|[EPTGMk])?$'",
    ),
    (
        "062-btp-dns-lookup-family--backend-traffic-policy.yaml",
        "spec.dns.lookupFamily: Unsupported value: \"IPv4Only\": supported values: \"IPv4\", \"IPv6\", \"IPv4Preferred\", \"IPv6Preferred\", \"IPv4AndIPv6\"",
    ),
    (
        "066-btp-status-fault-injection--policy-for-gateway.yaml",
        "spec.faultInjection.abort.httpStatus: Invalid value: 14: spec.faultInjection.abort.httpStatus in body should be greater than or equal to 200",
    ),
    (
        "067-btp-status-fault-injection--policy-for-grpcroute.yaml",
        "spec.faultInjection.delay.fixedDelay: Invalid value: \"5.4s\": spec.faultInjection.delay.fixedDelay in body should match '^([0-9]{1,5}(h|m|s|ms)){1,4}$'",
    ),
    (
        "076-btp-with-circuitbreakers-error--policy-for-gateway.yaml",
        "spec.circuitBreaker.maxConnections: Invalid value: -1: spec.circuitBreaker.maxConnections in body should be greater than or equal to 0",
    ),
    (
        "089-btp-with-loadbalancer-invalid-consistent-hash-table-size--policy-for-r.yaml",
        "spec.loadBalancer.consistentHash.type: Required value",
    ),
    (
        "106-btp-with-retries--policy-for-gateway.yaml",
        "unknown field \"spec.retry.perRetry.backoff\"",
    ),
    (
        "107-btp-with-retries--policy-for-route-1.yaml",
        "unknown field \"spec.retry.perRetry.backoff\"",
    ),
    (
        "115-btp-with-timeout-error--policy-for-gateway.yaml",
        "spec.timeout.http.maxConnectionDuration: Invalid value: \"22mib\": spec.timeout.http.maxConnectionDuration in body should match '^([0-9]{1,5}(h|m|s|ms)){1,4}$'",
    ),
];

#[test]
fn the_120_examples_get_the_index_verdicts() {
    let dir = common::reference().join("envoy-gateway/examples");
    let index = std::fs::read_to_string(dir.join("INDEX.tsv")).expect("INDEX.tsv");
    let reports = validate_dir(&dir);
    assert_eq!(reports.len(), 120);
    let mut invalid_in_index = Vec::new();
    let mut problems = Vec::new();
    for line in index.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (file, check) = (cols[0], cols[4]);
        let report = &reports[file];
        assert_eq!(report["name"], json!(cols[3]), "{file}");
        let m = common::report_messages(report);
        if check == "ok" {
            let expected: Vec<&str> = OK_BUT_CEL_REJECTS
                .iter()
                .filter(|(f, _)| *f == file)
                .map(|(_, why)| *why)
                .collect();
            if m != expected {
                problems.push(format!("{file}: ok in the index, got {m:?}"));
            }
        } else {
            invalid_in_index.push(file);
            let cause = INVALID_CAUSES
                .iter()
                .find(|(f, _)| *f == file)
                .map(|(_, c)| *c)
                .unwrap_or_else(|| panic!("{file} is INVALID in the index but has no cause here"));
            if !m.iter().any(|msg| msg == cause) {
                problems.push(format!("{file}: want {cause:?}, got {m:?}"));
            }
        }
    }
    assert_eq!(invalid_in_index.len(), INVALID_CAUSES.len());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
