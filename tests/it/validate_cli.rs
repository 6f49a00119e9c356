//! `datumctl validate` as users run it: positions in multi-document files, JSON, Lists,
//! directories with and without -R, stdin, other kinds, every error reported, exit codes.

use crate::common;

use serde_json::{Value, json};
use std::path::Path;
use std::process::Output;

const GOOD: &str = "apiVersion: gateway.envoyproxy.io/v1alpha1
kind: BackendTrafficPolicy
metadata:
  name: good
spec:
  targetRefs:
  - group: gateway.networking.k8s.io
    kind: HTTPRoute
    name: web
";

fn run(home: &Path, args: &[&str]) -> Output {
    common::datumctl(home)
        .arg("validate")
        .args(args)
        .output()
        .expect("run datumctl validate")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn valid_file_exits_zero_with_a_summary() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("good.yaml");
    std::fs::write(&file, GOOD).expect("write");
    let out = run(dir.path(), &["-f", file.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "1 document, 0 invalid\n");
    assert_eq!(text(&out.stdout), "");
}

#[test]
fn positions_count_across_documents_and_every_error_is_reported() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("multi.yaml");
    let content = format!(
        "# leading comment\n---\n{GOOD}---\n# an empty document\n---\n{}",
        GOOD.replace("name: good", "name: Bad_Name")
            .replace("    name: web\n", "    name: web\n  retry:\n    numRetries: -1\n    numRetrys: 3\n  loadBalancer:\n    type: Fastest\n")
    );
    std::fs::write(&file, &content).expect("write");
    let path = file.to_str().expect("path");
    let out = run(dir.path(), &["-f", path]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    // In the order of the file (the checks find them in another order).
    let expected = [
        format!(
            "{path}:15:1: <nil>: Invalid value: null: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation"
        ),
        format!(
            "{path}:18:9: metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
        ),
        format!(
            "{path}:25:17: spec.retry.numRetries: Invalid value: -1: spec.retry.numRetries in body should be greater than or equal to 0"
        ),
        format!(
            "{path}:26:5: unknown field \"spec.retry.numRetrys\" (did you mean \"numRetries\"?)"
        ),
        format!(
            "{path}:28:11: spec.loadBalancer.type: Unsupported value: \"Fastest\": supported values: \"ConsistentHash\", \"LeastRequest\", \"Random\", \"RoundRobin\", \"BackendUtilization\", \"DynamicModule\""
        ),
        "2 documents, 1 invalid".to_string(),
    ];
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines, expected, "{stderr}");
}

#[test]
fn json_output_has_one_object_per_document() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("two.yaml");
    let bad = GOOD
        .replace("name: good", "name: bad")
        .replace("kind: HTTPRoute", "kind: Service");
    std::fs::write(&file, format!("{GOOD}---\n{bad}")).expect("write");
    let path = file.to_str().expect("path");
    let out = run(dir.path(), &["-f", path, "-o", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let reports: Vec<Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(
        reports[0],
        json!({"file": path, "index": 0, "name": "good", "valid": true, "errors": []})
    );
    assert_eq!(
        reports[1],
        json!({"file": path, "index": 1, "name": "bad", "valid": false, "errors": [{
            "file": path, "field": "spec", "type": "FieldValueInvalid",
            "path": "spec", "line": 15, "column": 1, "reason": "FieldValueInvalid",
            "message": "spec: Invalid value: this policy can only have a targetRefs[*].kind of Gateway/ListenerSet/HTTPRoute/GRPCRoute/TCPRoute/UDPRoute/TLSRoute"
        }]})
    );
    assert_eq!(text(&out.stderr), "2 documents, 1 invalid\n");
}

#[test]
fn lists_json_files_and_stdin() {
    let dir = tempfile::tempdir().expect("tmp");
    let list = format!(
        "apiVersion: v1\nkind: List\nitems:\n- {}\n",
        serde_json::to_string(&json!({
            "apiVersion": "gateway.envoyproxy.io/v1alpha1", "kind": "BackendTrafficPolicy",
            "metadata": {"name": "in-list"},
            "spec": {"targetRefs": [{"group": "gateway.networking.k8s.io", "kind": "Gateway", "name": "g"}],
                     "timeout": {"tcp": {"connectTimeout": "ten seconds"}}}
        }))
        .expect("json")
    );
    let list_file = dir.path().join("list.yaml");
    let column = list
        .lines()
        .nth(3)
        .and_then(|l| l.find("\"ten seconds\""))
        .expect("value")
        + 1;
    std::fs::write(&list_file, &list).expect("write");
    let out = run(dir.path(), &["-f", list_file.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "list.yaml:4:{column}: spec.timeout.tcp.connectTimeout: Invalid value: \"ten seconds\""
        )),
        "{stderr}"
    );

    let out = common::output_with_stdin(
        common::datumctl(dir.path()).args(["validate", "-f", "-"]),
        GOOD.replace("kind: BackendTrafficPolicy", "kind: Deployment")
            .as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "STDIN:2:7: kind: Invalid value: \"Deployment\": datumctl manages BackendTrafficPolicy only (apiVersion gateway.envoyproxy.io/v1alpha1)\n1 document, 1 invalid\n"
    );
}

#[test]
fn directories_need_r_to_recurse() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(dir.path().join("a.yaml"), GOOD).expect("write");
    std::fs::write(dir.path().join("notes.txt"), "not a manifest").expect("write");
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    std::fs::write(
        dir.path().join("sub/b.json"),
        serde_json::to_string(&json!({"apiVersion": "gateway.envoyproxy.io/v1alpha1",
            "kind": "BackendTrafficPolicy", "metadata": {"name": "b"}, "spec": {}}))
        .expect("json"),
    )
    .expect("write");
    // A link back to the top must not make -R loop.
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).expect("symlink");
    let d = dir.path().to_str().expect("path");
    let flat = run(dir.path(), &["-f", d]);
    assert_eq!(flat.status.code(), Some(0), "{}", text(&flat.stderr));
    assert_eq!(text(&flat.stderr), "1 document, 0 invalid\n");
    let deep = run(dir.path(), &["-f", d, "-R"]);
    assert_eq!(deep.status.code(), Some(1));
    let stderr = text(&deep.stderr);
    assert!(
        stderr.contains("sub/b.json:1:")
            && stderr.contains("spec: Invalid value: either targetRef or targetRefs must be used")
            && stderr.ends_with("2 documents, 1 invalid\n"),
        "{stderr}"
    );
}

#[test]
fn unreadable_input_and_bad_flags_exit_two() {
    let dir = tempfile::tempdir().expect("tmp");
    let missing = dir.path().join("missing.yaml");
    let out = run(dir.path(), &["-f", missing.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        format!("error: the path \"{}\" does not exist\n", missing.display())
    );
    let file = dir.path().join("good.yaml");
    std::fs::write(&file, GOOD).expect("write");
    let out = run(
        dir.path(),
        &["-f", file.to_str().expect("path"), "-o", "yaml"],
    );
    assert_eq!(out.status.code(), Some(2));
    let empty = dir.path().join("empty.yaml");
    std::fs::write(&empty, "---\n# nothing\n---\n").expect("write");
    // An empty file is an invalid manifest (exit 1), named in its error.
    let out = run(dir.path(), &["-f", empty.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).starts_with(&format!(
            "{}: no objects found (the file is empty or holds only comments)\n",
            empty.display()
        )),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn yaml_1_1_booleans_are_read_as_kubernetes_reads_them() {
    // `on` is a boolean to sigs.k8s.io/yaml, so a string field given `on` unquoted is a type
    // error there and here; quoted it is the string "on".
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("bool.yaml");
    let with = |v: &str| {
        GOOD.replace(
            "    name: web\n",
            &format!("    name: web\n  loadBalancer:\n    type: ConsistentHash\n    consistentHash:\n      type: Header\n      header:\n        name: {v}\n"),
        )
    };
    std::fs::write(&file, with("on")).expect("write");
    let out = run(dir.path(), &["-f", file.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("spec.loadBalancer.consistentHash.header.name: Invalid value: \"boolean\": spec.loadBalancer.consistentHash.header.name in body must be of type string: \"boolean\""),
        "{}",
        text(&out.stderr)
    );
    std::fs::write(&file, with("'on'")).expect("write");
    let out = run(dir.path(), &["-f", file.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn datums_usage_example_passes_upstream() {
    let page = std::fs::read_to_string(
        common::reference().join("datum-docs/backendtrafficpolicy-reference.txt"),
    )
    .expect("reference page");
    let start = page
        .find("apiVersion: gateway.envoyproxy.io/v1alpha1")
        .expect("example start");
    let example: String = page[start..]
        .lines()
        .take_while(|l| !l.starts_with("datumctl "))
        .map(|l| format!("{l}\n"))
        .collect();
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("backendtrafficpolicy.yaml");
    std::fs::write(&file, &example).expect("write");
    let out = run(dir.path(), &["-f", file.to_str().expect("path")]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}\n{example}",
        text(&out.stderr)
    );
    assert_eq!(text(&out.stderr), "1 document, 0 invalid\n");
}

#[test]
fn repeated_f_reads_each_source_in_order_with_its_own_indexes() {
    let dir = tempfile::tempdir().expect("tmp");
    let a = dir.path().join("a.yaml");
    let b = dir.path().join("b.yaml");
    std::fs::write(
        &a,
        format!("{GOOD}---\n{}", GOOD.replace("name: good", "name: second")),
    )
    .expect("write");
    std::fs::write(
        &b,
        format!("---\n{}", GOOD.replace("name: good", "name: third")),
    )
    .expect("write");
    let out = run(
        dir.path(),
        &[
            "-o",
            "json",
            "-f",
            b.to_str().expect("path"),
            "-f",
            a.to_str().expect("path"),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let seen: Vec<(String, u64, String)> = text(&out.stdout)
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("json");
            let file = Path::new(v["file"].as_str().expect("file"))
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned();
            (
                file,
                v["index"].as_u64().expect("index"),
                v["name"].as_str().expect("name").into(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("b.yaml".to_string(), 0, "third".to_string()),
            ("a.yaml".to_string(), 0, "good".to_string()),
            ("a.yaml".to_string(), 1, "second".to_string()),
        ]
    );
    assert_eq!(text(&out.stderr), "3 documents, 0 invalid\n");
}
