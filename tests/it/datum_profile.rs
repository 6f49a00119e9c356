//! The Datum Cloud admission profile through `datumctl validate --profile datum`: every rule of
//! Datum's webhook rejects a policy that the upstream CRD accepts, with the webhook's field,
//! error type and message; Datum's own usage example fails only on `spec.retry`.

use crate::common;

use serde_json::Value;
use std::path::Path;

/// A policy the CRD accepts, targeting a route; each case adds spec fields under it (a case
/// that sets the singular `targetRef` replaces the `targetRefs` list, as the CRD demands).
fn policy(extra_spec: &str) -> String {
    let policy = common::Policy::new("datum-case");
    let policy = if extra_spec.starts_with("  targetRef:") {
        policy.no_target_refs()
    } else {
        policy.target("HTTPRoute", "api")
    };
    policy.spec(extra_spec).yaml()
}

/// Runs `validate -o json` with `profile` and returns (exit code, [(path, reason, message)]).
fn verdict(dir: &Path, manifest: &str, profile: &str) -> (i32, Vec<(String, String, String)>) {
    let file = dir.join("policy.yaml");
    std::fs::write(&file, manifest).expect("write manifest");
    let out = common::datumctl(dir)
        .args(["validate", "-o", "json", "--profile", profile, "-f"])
        .arg(&file)
        .output()
        .expect("run validate");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let report: Value = serde_json::from_str(stdout.lines().next().unwrap_or("{}"))
        .unwrap_or_else(|e| panic!("validate -o json printed {stdout:?}: {e}"));
    let errors = report["errors"]
        .as_array()
        .map(|errs| {
            errs.iter()
                .map(|e| {
                    let s = |k: &str| e[k].as_str().unwrap_or_default().to_string();
                    (s("path"), s("reason"), s("message"))
                })
                .collect()
        })
        .unwrap_or_default();
    (out.status.code().unwrap_or(-1), errors)
}

/// (spec fragment, field path, cause reason, full message) — one per rule of the fact sheet.
const RULES: &[(&str, &str, &str, &str)] = &[
    (
        "  targetRef:\n    group: gateway.networking.k8s.io\n    kind: HTTPRoute\n    name: api\n",
        "spec.targetRef",
        "FieldValueForbidden",
        "spec.targetRef: Forbidden: deprecated field, use spec.targetRefs or spec.targetSelectors instead",
    ),
    (
        "  loadBalancer:\n    type: RoundRobin\n    endpointOverride:\n      extractFrom:\n      - header: x-endpoint\n",
        "spec.loadBalancer.endpointOverride",
        "FieldValueForbidden",
        "spec.loadBalancer.endpointOverride: Forbidden: loadbalancer endpoint overrides are not permitted",
    ),
    (
        "  retry:\n    numRetries: 1\n",
        "spec.retry",
        "FieldValueForbidden",
        "spec.retry: Forbidden: retry settings are not permitted",
    ),
    (
        "  tcpKeepalive:\n    probes: 3\n",
        "spec.tcpKeepalive.probes",
        "FieldValueInvalid",
        "spec.tcpKeepalive.probes: Invalid value: \"3\": must be greater than or equal to 9",
    ),
    (
        "  tcpKeepalive:\n    idleTime: 60s\n",
        "spec.tcpKeepalive.idleTime",
        "FieldValueInvalid",
        "spec.tcpKeepalive.idleTime: Invalid value: \"60s\": duration must be greater than or equal to 5m0s",
    ),
    (
        "  tcpKeepalive:\n    interval: 10s\n",
        "spec.tcpKeepalive.interval",
        "FieldValueInvalid",
        "spec.tcpKeepalive.interval: Invalid value: \"10s\": duration must be greater than or equal to 30s",
    ),
    (
        "  healthCheck:\n    active:\n      type: TCP\n      tcp: {}\n",
        "spec.healthCheck.active",
        "FieldValueForbidden",
        "spec.healthCheck.active: Forbidden: active health checks are not permitted",
    ),
    (
        "  timeout:\n    tcp:\n      connectTimeout: 15s\n",
        "spec.timeout.tcp.connectTimeout",
        "FieldValueInvalid",
        "spec.timeout.tcp.connectTimeout: Invalid value: \"15s\": duration must be less than or equal to 10s",
    ),
    (
        "  timeout:\n    http:\n      connectionIdleTimeout: 2h\n",
        "spec.timeout.http.connectionIdleTimeout",
        "FieldValueInvalid",
        "spec.timeout.http.connectionIdleTimeout: Invalid value: \"2h\": duration must be less than or equal to 1h0m0s",
    ),
    (
        "  timeout:\n    http:\n      maxConnectionDuration: 90m\n",
        "spec.timeout.http.maxConnectionDuration",
        "FieldValueInvalid",
        "spec.timeout.http.maxConnectionDuration: Invalid value: \"90m\": duration must be less than or equal to 1h0m0s",
    ),
    (
        "  timeout:\n    http:\n      requestTimeout: 1h1s\n",
        "spec.timeout.http.requestTimeout",
        "FieldValueInvalid",
        "spec.timeout.http.requestTimeout: Invalid value: \"1h1s\": duration must be less than or equal to 1h0m0s",
    ),
    (
        "  connection:\n    bufferLimit: 1024Ki\n",
        "spec.connection.bufferLimit",
        "FieldValueInvalid",
        "spec.connection.bufferLimit: Invalid value: \"1Mi\": must be less than or equal to 512Ki",
    ),
    (
        "  dns:\n    dnsRefreshRate: 5s\n",
        "spec.dns.dnsRefreshRate",
        "FieldValueInvalid",
        "spec.dns.dnsRefreshRate: Invalid value: \"5s\": duration must be greater than or equal to 30s",
    ),
    (
        "  dns:\n    respectDnsTtl: false\n",
        "spec.dns.respectDnsTtl",
        "FieldValueForbidden",
        "spec.dns.respectDnsTtl: Forbidden: must respect DNS TTL",
    ),
    (
        "  http2:\n    initialStreamWindowSize: 128Ki\n",
        "spec.http2.initialStreamWindowSize",
        "FieldValueInvalid",
        "spec.http2.initialStreamWindowSize: Invalid value: \"128Ki\": must be less than or equal to 64Ki",
    ),
    (
        "  http2:\n    initialConnectionWindowSize: 2Mi\n",
        "spec.http2.initialConnectionWindowSize",
        "FieldValueInvalid",
        "spec.http2.initialConnectionWindowSize: Invalid value: \"2Mi\": must be less than or equal to 1Mi",
    ),
    (
        "  http2:\n    maxConcurrentStreams: 2000\n",
        "spec.http2.maxConcurrentStreams",
        "FieldValueInvalid",
        "spec.http2.maxConcurrentStreams: Invalid value: 2000: must be less than or equal to 1024",
    ),
    (
        "  rateLimit:\n    type: Global\n    global:\n      rules:\n      - limit:\n          requests: 10\n          unit: Second\n",
        "spec.rateLimit.global",
        "FieldValueForbidden",
        "spec.rateLimit.global: Forbidden: global rate limits are not permitted",
    ),
    (
        "  faultInjection:\n    abort:\n      httpStatus: 503\n",
        "spec.faultInjection",
        "FieldValueForbidden",
        "spec.faultInjection: Forbidden: fault injection is not permitted",
    ),
    (
        "  responseOverride:\n  - match:\n      statusCodes:\n      - value: 404\n    redirect:\n      scheme: https\n",
        "spec.responseOverride[0].redirect",
        "FieldValueForbidden",
        "spec.responseOverride[0].redirect: Forbidden: response redirects are not permitted",
    ),
];

#[test]
fn every_datum_rule_rejects_a_policy_the_crd_accepts() {
    let dir = tempfile::tempdir().expect("tmp");
    for (fragment, path, reason, message) in RULES {
        let manifest = policy(fragment);
        let (code, errors) = verdict(dir.path(), &manifest, "upstream");
        assert_eq!(
            (code, errors.len()),
            (0, 0),
            "the CRD must accept {path}'s case: {errors:?}"
        );
        let (code, errors) = verdict(dir.path(), &manifest, "datum");
        assert_eq!(code, 1, "{path}: datum must reject");
        assert_eq!(
            errors,
            [(path.to_string(), reason.to_string(), message.to_string())],
            "{path}"
        );
    }
    assert_eq!(RULES.len(), 20, "one case per rule of the fact sheet");
}

#[test]
fn datum_reports_every_violation_in_the_webhook_order() {
    let dir = tempfile::tempdir().expect("tmp");
    let manifest = policy(
        "  faultInjection:\n    abort:\n      httpStatus: 503\n  retry:\n    numRetries: 1\n  http2:\n    maxConcurrentStreams: 2000\n",
    );
    let (code, errors) = verdict(dir.path(), &manifest, "datum");
    assert_eq!(code, 1);
    let paths: Vec<&str> = errors.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(
        paths,
        [
            "spec.retry",
            "spec.http2.maxConcurrentStreams",
            "spec.faultInjection"
        ]
    );
}

#[test]
fn datums_usage_example_fails_only_on_retry() {
    let dir = tempfile::tempdir().expect("tmp");
    let example = common::usage_example();
    assert_eq!(verdict(dir.path(), &example, "upstream"), (0, vec![]));
    let (code, errors) = verdict(dir.path(), &example, "datum");
    assert_eq!(code, 1);
    assert_eq!(
        errors,
        [(
            "spec.retry".to_string(),
            "FieldValueForbidden".to_string(),
            "spec.retry: Forbidden: retry settings are not permitted".to_string()
        )]
    );
}

#[test]
fn a_policy_within_every_datum_limit_passes_both_profiles() {
    let dir = tempfile::tempdir().expect("tmp");
    let manifest = policy(
        "  loadBalancer:
    type: LeastRequest
  tcpKeepalive:
    probes: 9
    idleTime: 5m
    interval: 30s
  timeout:
    tcp:
      connectTimeout: 10s
    http:
      connectionIdleTimeout: 1h
      maxConnectionDuration: 1h
      requestTimeout: 60m
  connection:
    bufferLimit: 512Ki
  dns:
    dnsRefreshRate: 30s
    respectDnsTtl: true
  http2:
    initialStreamWindowSize: 64Ki
    initialConnectionWindowSize: 1Mi
    maxConcurrentStreams: 1024
  rateLimit:
    type: Local
    local:
      rules:
      - limit:
          requests: 10
          unit: Second
  healthCheck:
    passive:
      consecutive5XxErrors: 5
",
    );
    for profile in ["upstream", "datum"] {
        assert_eq!(
            verdict(dir.path(), &manifest, profile),
            (0, vec![]),
            "{profile}"
        );
    }
}

fn explain(dir: &Path, args: &[&str]) -> String {
    let out = common::datumctl(dir)
        .arg("explain")
        .args(args)
        .output()
        .expect("run explain");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn explain_marks_what_datum_restricts() {
    let dir = tempfile::tempdir().expect("tmp");
    let tree = explain(dir.path(), &["btp", "--recursive", "--profile", "datum"]);
    let marked: Vec<&str> = tree
        .lines()
        .filter(|l| l.contains("[Datum Cloud: "))
        .collect();
    // One marker per rule: each of the 20 rules names one field.
    assert_eq!(marked.len(), 20, "{marked:#?}");
    assert!(tree.contains("\n    retry\t<Object>  [Datum Cloud: not permitted]\n"));
    assert!(tree.contains("\n      probes\t<integer>  [Datum Cloud: minimum 9]\n"));
    assert!(tree.contains("\n      redirect\t<Object>  [Datum Cloud: not permitted]\n"));
    // Without the profile the tree is kubectl's, unmarked.
    let plain = explain(dir.path(), &["btp", "--recursive"]);
    assert!(!plain.contains("Datum Cloud"));

    let field = explain(dir.path(), &["btp.spec.timeout.tcp", "--profile", "datum"]);
    assert!(field.contains("  connectTimeout\t<string>\n"), "{field}");
    assert!(field.contains("    Datum Cloud: at most 10s\n"), "{field}");
    let retry = explain(dir.path(), &["btp.spec.retry", "--profile", "datum"]);
    assert!(
        retry.contains("DETAILS:\n    Datum Cloud: not permitted\n"),
        "{retry}"
    );
}

/// POSTs `body` (JSON) to `url` over plain HTTP and returns (status code, response body).
fn post_json(url: &str, body: &str) -> (u16, String) {
    use std::io::{Read, Write};
    let rest = url.strip_prefix("http://").expect("http url");
    let (host, path) = rest.split_once('/').expect("path");
    let mut stream = std::net::TcpStream::connect(host).expect("connect");
    let request = format!(
        "POST /{path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).expect("send");
    let mut reply = String::new();
    stream.read_to_string(&mut reply).expect("read");
    let code = reply[9..12].parse().expect("status code");
    let body = reply
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (code, body)
}

#[test]
fn serve_with_the_datum_profile_refuses_as_datums_webhook_does() {
    let env = common::Env::with_serve("rehearsal", &["--profile", "datum"]);
    let base = env.server.project_url(env.project);

    // The wire: 422 Invalid, the webhook's prefix, one cause per rule.
    let object = r#"{"apiVersion":"gateway.envoyproxy.io/v1alpha1","kind":"BackendTrafficPolicy",
        "metadata":{"name":"wire"},"spec":{"targetRefs":[{"group":"gateway.networking.k8s.io","kind":"HTTPRoute","name":"api"}],
        "retry":{"numRetries":1},"faultInjection":{"abort":{"httpStatus":503}}}}"#;
    let (code, body) = post_json(
        &format!(
            "{base}/apis/gateway.envoyproxy.io/v1alpha1/namespaces/default/backendtrafficpolicies"
        ),
        object,
    );
    assert_eq!(code, 422, "{body}");
    let status: Value = serde_json::from_str(&body).expect("Status");
    assert_eq!(status["reason"], "Invalid");
    assert_eq!(
        status["message"],
        "admission webhook \"vbackendtrafficpolicy-v1alpha1.kb.io\" denied the request: \
         BackendTrafficPolicy.gateway.envoyproxy.io \"wire\" is invalid: [spec.retry: Forbidden: \
         retry settings are not permitted, spec.faultInjection: Forbidden: fault injection is not permitted]"
    );
    let fields: Vec<&str> = status["details"]["causes"]
        .as_array()
        .expect("causes")
        .iter()
        .filter_map(|c| c["field"].as_str())
        .collect();
    assert_eq!(fields, ["spec.retry", "spec.faultInjection"]);

    // datumctl (validating locally against upstream rules: the server is not Datum Cloud) and
    // kubectl both get the server's refusal.
    let example = common::usage_example_path();
    let example = example.to_str().expect("utf-8 path");
    let out = env.run(&["apply", "-f", example]);
    common::snapshot::assert_transcript("datum_profile__apply_refused_by_the_webhook", &out, &[]);
    if let Some(kubectl) = common::kubectl() {
        let out = env.kubectl(&kubectl, &["apply", "-f", example]);
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("retry settings are not permitted"),
            "{stderr}"
        );
    }
}

#[test]
fn datum_lets_metadata_only_updates_of_an_invalid_object_through() {
    let data = tempfile::tempdir().expect("data dir");
    let home = tempfile::tempdir().expect("home");
    let apply = |server: &common::TestServer, file: &Path| {
        common::datumctl(home.path())
            .env("DATUMCTL_SERVER", &server.url)
            .args(["apply", "--project", "p", "--validate=false", "-f"])
            .arg(file)
            .output()
            .expect("apply")
    };
    // Stored while the server enforced only the CRD (as objects created before Datum's rules).
    let mut upstream = common::TestServer::start_in(data.path(), &[]);
    assert_eq!(
        apply(&upstream, &common::usage_example_path())
            .status
            .code(),
        Some(0)
    );
    upstream.kill();

    let datum = common::TestServer::start_in(data.path(), &["--profile", "datum"]);
    let text = common::usage_example();
    let labelled = home.path().join("labelled.yaml");
    std::fs::write(
        &labelled,
        text.replace(
            "  name: backend-traffic-example\n",
            "  name: backend-traffic-example\n  labels:\n    tier: edge\n",
        ),
    )
    .expect("write");
    let out = apply(&datum, &labelled);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("configured"));

    let edited = home.path().join("edited.yaml");
    std::fs::write(
        &edited,
        text.replace("requestTimeout: 10s", "requestTimeout: 20s"),
    )
    .expect("write");
    let out = apply(&datum, &edited);
    assert_eq!(out.status.code(), Some(1), "a spec edit is checked again");
    assert!(String::from_utf8_lossy(&out.stderr).contains("retry settings are not permitted"));
}
