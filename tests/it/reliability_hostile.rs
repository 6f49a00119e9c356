//! Hostile input everywhere it enters: `validate` and `apply` reading stdin and files, and the
//! request bodies of a real `datumctl serve` (create, update, merge patch, apply patch). Alias
//! bombs, deep nesting, 64 MB bodies, invalid UTF-8, NUL bytes, huge numbers and duplicate keys
//! each get a clear error in bounded time and memory, never a panic, and the store is unchanged.
//! (tests/it/validate_hostile.rs covers the same classes for `validate -f FILE` in more depth.)

use crate::common;
use crate::serve_support;

use common::{TestServer, datumctl};
use serve_support::{Api, policy};
use std::process::Output;
use std::time::{Duration, Instant};

/// Debug builds are slow; this only catches runaways.
const BOUND: Duration = Duration::from_secs(40);

const HEAD: &str = "apiVersion: gateway.envoyproxy.io/v1alpha1\nkind: BackendTrafficPolicy\nmetadata:\n  name: hostile\nspec:\n  targetRefs:\n  - group: gateway.networking.k8s.io\n    kind: HTTPRoute\n    name: r\n";

/// Block mappings nested 3,000 deep.
fn deep_yaml() -> String {
    (0..3_000)
        .map(|i| format!("{}k:\n", " ".repeat(i)))
        .collect()
}

/// The hostile manifests: (class, bytes, a word the error must hold).
fn manifests() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let laughs = common::alias_bomb();
    let deep_block = deep_yaml();
    let mut huge = HEAD.as_bytes().to_vec();
    huge.extend(b"  # ");
    huge.resize(64 * 1024 * 1024 + 16, b'x');
    let mut latin1 = format!("{HEAD}  retry:\n    numRetries: 1\n# caf").into_bytes();
    latin1.extend(b"\xe9\n");
    vec![
        ("alias bomb", laughs.into_bytes(), "aliases"),
        ("deep block nesting", deep_block.into_bytes(), "nesting"),
        (
            "deep flow nesting",
            "[".repeat(1_000_000).into_bytes(),
            "STDIN",
        ),
        ("64 MB input", huge, "64 MiB"),
        ("invalid UTF-8", latin1, "UTF-8"),
        (
            "NUL byte",
            format!("{HEAD}  retry:\n    numRetries: 1\0\n").into_bytes(),
            "NUL",
        ),
        (
            "huge integer",
            format!("{HEAD}  retry:\n    numRetries: 99999999999999999999999999999\n").into_bytes(),
            "numRetries",
        ),
        (
            "huge float",
            format!("{HEAD}  retry:\n    numRetries: 1e400\n").into_bytes(),
            "numRetries",
        ),
        (
            "duplicate key",
            format!("{HEAD}  retry:\n    numRetries: 1\n    numRetries: 2\n").into_bytes(),
            "duplicate key",
        ),
    ]
}

/// The output, the time taken and the peak memory (KiB) of `datumctl ARGS` reading `input`.
fn run_stdin(args: &[&str], input: &[u8]) -> (Output, Duration, i64) {
    let home = tempfile::tempdir().expect("home");
    let started = Instant::now();
    // The reader may stop early and refuse: the helper tolerates that broken pipe.
    let (out, peak) = common::output_and_peak_kib(datumctl(home.path()).args(args), Some(input));
    (out, started.elapsed(), peak)
}

fn assert_clear_refusal(what: &str, out: &Output, took: Duration, peak: i64, needle: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    let code = out.status.code();
    assert!(
        matches!(code, Some(1) | Some(2)),
        "{what}: exit {code:?}: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
    assert!(
        stderr.contains(needle),
        "{what}: want {needle:?} in {stderr}"
    );
    assert!(
        stderr.len() < 4096,
        "{what}: {} bytes of error",
        stderr.len()
    );
    assert!(took < BOUND, "{what}: took {took:?}");
    assert!(peak < 512 * 1024, "{what}: a datumctl used {peak} KiB");
}

#[test]
fn validate_and_apply_refuse_hostile_stdin_and_files_and_store_nothing() {
    let server = TestServer::start_with(&["--no-status-writer"]);
    let api = Api::new(&server, "hostile");
    assert_eq!(api.create(&policy("keep")).code, 201);
    let before = api.get(&Api::coll("default")).text;
    let dir = tempfile::tempdir().expect("tmp");
    for (class, bytes, needle) in manifests() {
        let (out, took, peak) = run_stdin(&["validate", "-f", "-"], &bytes);
        assert_clear_refusal(
            &format!("validate stdin: {class}"),
            &out,
            took,
            peak,
            needle,
        );

        let (out, took, peak) = run_stdin(
            &[
                "apply",
                "-f",
                "-",
                "--server",
                &server.url,
                "--project",
                "hostile",
            ],
            &bytes,
        );
        assert_clear_refusal(&format!("apply stdin: {class}"), &out, took, peak, needle);
        assert!(
            out.stdout.is_empty(),
            "apply stdin: {class}: printed a result"
        );

        let file = dir.path().join("hostile.yaml");
        std::fs::write(&file, &bytes).expect("write");
        let (out, took, peak) = run_stdin(
            &[
                "apply",
                "-f",
                file.to_str().expect("utf8"),
                "--server",
                &server.url,
                "--project",
                "hostile",
            ],
            b"",
        );
        let needle = if needle == "STDIN" {
            "hostile.yaml"
        } else {
            needle
        };
        assert_clear_refusal(&format!("apply file: {class}"), &out, took, peak, needle);
    }
    assert_eq!(
        api.get(&Api::coll("default")).text,
        before,
        "a refused apply changed the store"
    );
}

/// Peak resident memory of a process, in KiB (Linux).
fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn serve_refuses_hostile_bodies_and_keeps_the_store_unchanged() {
    let server = TestServer::start_with(&["--no-status-writer"]);
    let api = Api::new(&server, "hostile");
    assert_eq!(api.create(&policy("keep")).code, 201);
    let before = api.get(&Api::coll("default")).text;
    let keep = api.get(&Api::item("default", "keep")).body;
    let rv = keep["metadata"]["resourceVersion"]
        .as_str()
        .expect("rv")
        .to_string();
    let object_head = format!(
        r#"{{"apiVersion":"gateway.envoyproxy.io/v1alpha1","kind":"BackendTrafficPolicy","metadata":{{"name":"keep","resourceVersion":"{rv}"}},"spec":{{"targetRefs":[{{"group":"gateway.networking.k8s.io","kind":"HTTPRoute","name":"r"}}],"retry":"#
    );
    let json_with = |retry: &str| format!("{object_head}{retry}}}}}").into_bytes();
    let mut deep_json = String::new();
    for _ in 0..20_000 {
        deep_json.push_str("{\"a\":");
    }
    deep_json.push('1');
    deep_json.push_str(&"}".repeat(20_000));
    let laughs = common::alias_bomb();
    let deep_yaml = deep_yaml();
    let mut big = object_head.clone().into_bytes();
    big.resize(64 * 1024 * 1024, b' ');
    let mut invalid_utf8 = json_with(r#"{"numRetries":1},"x":"caf"#);
    invalid_utf8.truncate(invalid_utf8.len() - 2);
    invalid_utf8.extend(b"\xff\"}}");
    let mut nul = json_with(r#"{"numRetries":1}"#);
    let at = nul.len() - 3;
    nul.insert(at, 0);
    let json = "application/json";
    let merge = "application/merge-patch+json";
    let ssa = "application/apply-patch+yaml";
    let cases: Vec<(&str, &str, &str, Vec<u8>)> = vec![
        ("alias bomb", "PATCH", ssa, laughs.clone().into_bytes()),
        ("alias bomb", "POST", "application/yaml", laughs.into_bytes()),
        ("deep JSON nesting", "POST", json, deep_json.clone().into_bytes()),
        ("deep JSON nesting", "PUT", json, deep_json.clone().into_bytes()),
        ("deep JSON nesting", "PATCH", merge, deep_json.into_bytes()),
        ("deep YAML nesting", "PATCH", ssa, deep_yaml.into_bytes()),
        ("64 MB body", "POST", json, big.clone()),
        ("64 MB body", "PATCH", merge, big),
        ("invalid UTF-8", "PUT", json, invalid_utf8.clone()),
        ("invalid UTF-8", "PATCH", ssa, b"spec:\n  x: \"\xff\"\n".to_vec()),
        ("NUL byte", "PUT", json, nul.clone()),
        ("NUL byte", "PATCH", merge, b"{\"spec\":{\"retry\":{\"numRetries\":\x001}}}".to_vec()),
        ("huge float", "PUT", json, json_with(r#"{"numRetries":1e400}"#)),
        ("huge integer", "PUT", json, json_with(r#"{"numRetries":99999999999999999999999}"#)),
        ("huge integer", "PATCH", merge, br#"{"spec":{"retry":{"numRetries":99999999999999999999999}}}"#.to_vec()),
        ("duplicate key", "PUT", json, json_with(r#"{"numRetries":4,"numRetries":5}"#)),
        ("duplicate key", "PATCH", ssa, b"apiVersion: gateway.envoyproxy.io/v1alpha1\nkind: BackendTrafficPolicy\nmetadata:\n  name: keep\nspec:\n  retry:\n    numRetries: 4\n    numRetries: 5\n".to_vec()),
    ];
    for (class, method, content_type, body) in cases {
        let path = match method {
            "POST" => format!("{}?fieldValidation=Strict", Api::coll("default")),
            _ => format!(
                "{}?fieldManager=hostile&fieldValidation=Strict",
                Api::item("default", "keep")
            ),
        };
        let started = Instant::now();
        let r = api.send(
            method,
            &path,
            &[("Content-Type", content_type)],
            Some(&body),
        );
        let took = started.elapsed();
        assert!(
            (400..500).contains(&r.code),
            "{class} {method} {content_type}: {} {}",
            r.code,
            &r.text[..r.text.len().min(300)]
        );
        assert_eq!(r.body["kind"], "Status", "{class} {method}");
        assert!(
            r.body["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty() && m.len() < 4096),
            "{class} {method}: {}",
            r.body["message"]
        );
        assert!(took < BOUND, "{class} {method}: took {took:?}");
    }
    assert_eq!(
        api.get(&Api::coll("default")).text,
        before,
        "a refused write changed the store"
    );
    if let Some(kib) = peak_rss_kib(server.child.id()) {
        assert!(kib < 512 * 1024, "serve peaked at {kib} KiB");
    }
    // And it still serves.
    assert_eq!(api.create(&policy("after")).code, 201);
    // Without Strict a duplicate key is accepted, as kube-apiserver does, with a warning.
    let dup = br#"{"apiVersion":"gateway.envoyproxy.io/v1alpha1","kind":"BackendTrafficPolicy","metadata":{"name":"dup"},"spec":{"targetRefs":[{"group":"gateway.networking.k8s.io","kind":"HTTPRoute","name":"r"}],"retry":{"numRetries":4,"numRetries":5}}}"#;
    let r = api.send(
        "POST",
        &Api::coll("default"),
        &[("Content-Type", "application/json")],
        Some(dup),
    );
    assert_eq!(r.code, 201, "{}", r.text);
    let warnings = r.header("warning").join("\n");
    assert!(
        warnings.contains(r#"duplicate field \"spec.retry.numRetries\""#),
        "{warnings}"
    );
    assert_eq!(r.body["spec"]["retry"]["numRetries"], 5);
}
