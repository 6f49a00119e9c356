//! What CI scripts rely on when things go wrong, against a real `datumctl serve` and (where it
//! prints the same thing) the real kubectl 1.37: one JSON error shape on every path
//! (`--error-format json`), one exit-code taxonomy, per-file validation reports, batches that
//! apply what is valid, kubectl's `kind: List` from `apply -o json|yaml`, and the switch from
//! client-side to server-side apply. `ci_script_runs_end_to_end` runs tests/ci_script.sh.

use crate::common;

use common::{TestServer, code, err, out};
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

const PROJECT: &str = "ci";

fn with_retries(name: &str, retries: i64) -> String {
    format!(
        "{}  retry:\n    numRetries: {retries}\n",
        common::Policy::new(name).yaml()
    )
}

use common::Env;

/// Every line of stderr as JSON; each must be `{"error": {…}}` of the one shape.
fn json_errors(o: &Output) -> Vec<Value> {
    let text = err(o);
    assert!(!text.is_empty(), "no error printed");
    text.lines()
        .map(|l| {
            let v: Value =
                serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l:?}"));
            let e = &v["error"];
            for key in [
                "kind",
                "exitCode",
                "code",
                "reason",
                "message",
                "hints",
                "retryable",
                "details",
            ] {
                assert!(e.get(key).is_some(), "{key} missing in {l}");
            }
            assert!(e["kind"].is_string() && e["message"].is_string(), "{l}");
            assert!(e["hints"].is_array() && e["details"].is_object(), "{l}");
            assert!(e["retryable"].is_boolean(), "{l}");
            e.clone()
        })
        .collect()
}

#[test]
fn every_error_is_one_json_shape_under_error_format_json() {
    let env = Env::new(PROJECT);
    // Not an error, and still a JSON line: kubectl's note on an empty list.
    let o = env.run(&["get", "btp", "--error-format", "json"]);
    assert_eq!(code(&o), 0);
    let note: Value = serde_json::from_str(err(&o).trim()).expect("a JSON line");
    assert_eq!(
        note,
        serde_json::json!({"info": {"message": "No resources found in default namespace."}})
    );
    // Not found: the Status's code, reason and details.
    let o = env.run(&["get", "btp", "nope", "--error-format", "json"]);
    assert_eq!(code(&o), 1);
    let e = &json_errors(&o)[0];
    assert_eq!(e["kind"], "not-found");
    assert_eq!(
        (e["code"].as_u64(), e["exitCode"].as_u64()),
        (Some(404), Some(1))
    );
    assert_eq!(e["reason"], "NotFound");
    assert_eq!(e["details"]["name"], "nope");
    assert_eq!(
        e["message"],
        "Error from server (NotFound): backendtrafficpolicies.gateway.envoyproxy.io \"nope\" not found"
    );
    for verb in [vec!["describe", "btp", "nope"], vec!["delete", "btp/nope"]] {
        let o = env.run(&[verb.as_slice(), &["--error-format=json"]].concat());
        assert_eq!(code(&o), 1, "{verb:?}");
        assert_eq!(json_errors(&o)[0]["kind"], "not-found", "{verb:?}");
    }

    // Invalid, refused by the server: its causes.
    let bad = env.write("bad.yaml", &with_retries("bad", -1));
    let o = env.run(&[
        "apply",
        "-f",
        &bad,
        "--validate=false",
        "--error-format",
        "json",
    ]);
    assert_eq!(code(&o), 1, "{}", err(&o));
    let e = &json_errors(&o)[0];
    assert_eq!(
        (e["kind"].as_str(), e["code"].as_u64()),
        (Some("invalid"), Some(422))
    );
    assert_eq!(e["reason"], "Invalid");
    assert_eq!(e["details"]["causes"][0]["field"], "spec.retry.numRetries");
    assert_eq!(e["details"]["file"], "bad.yaml");

    // Invalid, found by validation (apply and validate alike): field errors with positions.
    for args in [vec!["apply", "-f", &bad], vec!["validate", "-f", &bad]] {
        let o = env.run(&[args.as_slice(), &["--error-format", "json"]].concat());
        assert_eq!(code(&o), 1, "{args:?}");
        let e = &json_errors(&o)[0];
        assert_eq!(e["kind"], "invalid", "{args:?}");
        let fe = &e["details"]["errors"][0];
        assert_eq!(
            (
                &fe["file"],
                &fe["line"],
                &fe["column"],
                &fe["field"],
                &fe["type"]
            ),
            (
                &Value::from("bad.yaml"),
                &Value::from(11),
                &Value::from(17),
                &Value::from("spec.retry.numRetries"),
                &Value::from("FieldValueInvalid")
            ),
            "{args:?}"
        );
        assert!(
            fe["message"]
                .as_str()
                .is_some_and(|m| m.contains("greater than or equal to 0"))
        );
    }

    // Conflict: another manager's field; the hints say how to resolve it.
    let a = env.write("a.yaml", &with_retries("shared", 1));
    let b = env.write("b.yaml", &with_retries("shared", 2));
    let o = env.run(&["apply", "-f", &a, "--server-side", "--field-manager", "one"]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    let o = env.run(&[
        "apply",
        "-f",
        &b,
        "--server-side",
        "--field-manager",
        "two",
        "--error-format",
        "json",
    ]);
    assert_eq!(code(&o), 1);
    let e = &json_errors(&o)[0];
    assert_eq!(
        (e["kind"].as_str(), e["code"].as_u64()),
        (Some("conflict"), Some(409))
    );
    assert_eq!(e["retryable"], false);
    let hints = e["hints"].to_string();
    assert!(
        hints.contains("--force-conflicts") && hints.contains("--field-manager"),
        "{hints}"
    );

    // Usage errors from argument parsing, in both spellings of the flag.
    for args in [
        vec!["get", "--bogus", "--error-format", "json"],
        vec!["--error-format=json", "get", "--bogus"],
    ] {
        let o = env.run(&args);
        assert_eq!(code(&o), 2, "{args:?}");
        let e = &json_errors(&o)[0];
        assert_eq!(e["kind"], "usage");
        assert_eq!(e["message"], "unexpected argument '--bogus' found");
    }
    // A missing file is a usage error too.
    let o = env.run(&["validate", "-f", "missing.yaml", "--error-format", "json"]);
    assert_eq!(code(&o), 2);
    assert_eq!(json_errors(&o)[0]["kind"], "usage");

    // Unreachable: exit 3, worth retrying.
    let o = env.run(&[
        "get",
        "btp",
        "--server",
        "http://127.0.0.1:9",
        "--error-format",
        "json",
    ]);
    assert_eq!(code(&o), 3);
    let e = &json_errors(&o)[0];
    assert_eq!(
        (e["kind"].as_str(), e["retryable"].as_bool()),
        (Some("unreachable"), Some(true))
    );
}

#[test]
fn a_rejected_token_is_unauthorized_and_another_project_forbidden() {
    let dir = tempfile::tempdir().expect("tmp");
    let tokens = dir.path().join("tokens");
    std::fs::write(&tokens, "ci-secret-token,ci\n").expect("tokens");
    std::fs::set_permissions(&tokens, std::os::unix::fs::PermissionsExt::from_mode(0o600))
        .expect("chmod 600");
    let env = Env::on(
        TestServer::start_with(&["--token-file", &tokens.to_string_lossy()]),
        PROJECT,
    );
    let o = env.run(&["get", "btp", "--token", "wrong", "--error-format", "json"]);
    assert_eq!(code(&o), 3);
    let e = &json_errors(&o)[0];
    assert_eq!(
        (e["kind"].as_str(), e["code"].as_u64()),
        (Some("unauthorized"), Some(401))
    );
    let o = env.run(&[
        "get",
        "btp",
        "--token",
        "ci-secret-token",
        "--project",
        "other",
        "--error-format",
        "json",
    ]);
    assert_eq!(code(&o), 3);
    let e = &json_errors(&o)[0];
    assert_eq!(
        (e["kind"].as_str(), e["code"].as_u64()),
        (Some("forbidden"), Some(403))
    );
    assert!(!err(&o).contains("ci-secret-token"));
}

#[test]
fn exit_codes_follow_one_taxonomy() {
    let env = Env::new(PROJECT);
    let good = env.write("good.yaml", &common::Policy::new("good").yaml());
    let broken = env.write("broken.yaml", "apiVersion: v1\nkind: [\n");
    assert_eq!(code(&env.run(&["apply", "-f", &good])), 0);
    // A YAML syntax error is an invalid manifest: 1 wherever a manifest is read.
    for args in [
        vec!["validate", "-f", &broken],
        vec!["apply", "-f", &broken],
        vec!["get", "-f", &broken],
        vec!["describe", "-f", &broken],
        vec!["delete", "-f", &broken],
    ] {
        let o = env.run(&args);
        assert_eq!(code(&o), 1, "{args:?}: {}", err(&o));
        assert!(
            err(&o).contains("broken.yaml:3:1:"),
            "{args:?}: {}",
            err(&o)
        );
    }
    // diff keeps kubectl's: 1 means differences, so every error is 2.
    assert_eq!(code(&env.run(&["diff", "-f", &broken])), 2);
    // Missing input and bad flags: 2.
    for args in [
        vec!["validate", "-f", "missing.yaml"],
        vec!["apply", "-f", "missing.yaml"],
        vec!["get", "-f", "missing.yaml"],
        vec!["get", "btp", "--no-such-flag"],
        vec!["apply"],
    ] {
        assert_eq!(code(&env.run(&args)), 2, "{args:?}");
    }
    // Not found and a batch with a failure: 1.
    assert_eq!(code(&env.run(&["get", "btp", "nope"])), 1);
    assert_eq!(code(&env.run(&["get", "btp", "good", "nope"])), 1);
    // Unreachable: 3, for a batch too (nothing sent arrived), with the error printed once.
    assert_eq!(
        code(&env.run(&["get", "btp", "--server", "http://127.0.0.1:9"])),
        3
    );
    let two = env.write(
        "two.yaml",
        &format!(
            "{}---\n{}",
            common::Policy::new("t1").yaml(),
            common::Policy::new("t2").yaml()
        ),
    );
    let o = env.run(&[
        "apply",
        "-f",
        &two,
        "--server",
        "http://127.0.0.1:9",
        "--error-format",
        "json",
    ]);
    assert_eq!(code(&o), 3);
    let errors = json_errors(&o);
    assert_eq!(errors.len(), 1, "{}", err(&o));
    assert_eq!(errors[0]["kind"], "unreachable");
}

#[test]
fn validate_reports_every_file_in_order_with_suggestions() {
    let env = Env::new(PROJECT);
    env.write("dir/1-good.yaml", &common::Policy::new("one").yaml());
    env.write("dir/2-broken.yaml", "kind: [\n");
    env.write(
        "dir/3-typo.yaml",
        &format!(
            "{}  retry:\n    numRetrys: 2\n    numRetries: -1\n",
            common::Policy::new("three").yaml()
        ),
    );
    env.write("dir/4-good.yaml", &common::Policy::new("four").yaml());
    env.write("dir/5-empty.yaml", "# nothing here\n");
    let o = env.run(&["validate", "-f", "dir"]);
    assert_eq!(code(&o), 1);
    assert_eq!(
        err(&o),
        concat!(
            "dir/2-broken.yaml:2:1: while parsing a node, did not find expected node content\n",
            "dir/3-typo.yaml:11:5: unknown field \"spec.retry.numRetrys\" (did you mean \"numRetries\"?)\n",
            "dir/3-typo.yaml:12:17: spec.retry.numRetries: Invalid value: -1: spec.retry.numRetries in body should be greater than or equal to 0\n",
            "4 documents, 2 invalid\n",
        )
    );
    let o = env.run(&["validate", "-f", "dir", "-o", "json"]);
    assert_eq!(code(&o), 1);
    let records: Vec<Value> = out(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON record per line"))
        .collect();
    let files: Vec<&str> = records
        .iter()
        .map(|r| r["file"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        files,
        [
            "dir/1-good.yaml",
            "dir/2-broken.yaml",
            "dir/3-typo.yaml",
            "dir/4-good.yaml"
        ]
    );
    assert_eq!(records[1]["valid"], false);
    assert_eq!(records[1]["errors"][0]["type"], "SyntaxError");
    assert_eq!(records[1]["errors"][0]["line"], 2);
    assert_eq!(records[2]["errors"][0]["suggestion"], "numRetries");
    assert_eq!(records[2]["errors"][1]["line"], 12);
    // An empty file named on its own is an error naming it.
    let o = env.run(&["validate", "-f", "dir/5-empty.yaml"]);
    assert_eq!(code(&o), 1);
    assert!(
        err(&o).starts_with(
            "dir/5-empty.yaml: no objects found (the file is empty or holds only comments)\n"
        ),
        "{}",
        err(&o)
    );
}

#[test]
fn apply_applies_what_is_valid_and_reports_the_rest_as_kubectl_does() {
    let env = Env::new(PROJECT);
    env.write("d/1.yaml", &common::Policy::new("p1").yaml());
    env.write("d/2.yaml", &with_retries("p2", -1));
    env.write("d/3.yaml", &common::Policy::new("p3").yaml());
    env.write("d/4.yaml", &with_retries("p4", -2));
    env.write("d/5.yaml", "kind: [\n");
    let o = env.run(&["apply", "-f", "d"]);
    assert_eq!(code(&o), 1);
    assert_eq!(
        out(&o),
        "backendtrafficpolicy.gateway.envoyproxy.io/p1 created\nbackendtrafficpolicy.gateway.envoyproxy.io/p3 created\n"
    );
    let e = err(&o);
    assert!(e.starts_with("error: d/5.yaml:2:1:"), "{e}");
    assert!(
        e.contains("d/2.yaml:11:17: spec.retry.numRetries: Invalid value: -1"),
        "{e}"
    );
    assert!(
        e.ends_with("error: 3 of 5 objects failed to apply\n"),
        "{e}"
    );
    let listed = env.run(&["get", "btp", "-o", "name"]);
    assert_eq!(
        out(&listed),
        "backendtrafficpolicy.gateway.envoyproxy.io/p1\nbackendtrafficpolicy.gateway.envoyproxy.io/p3\n"
    );
    // -o json: the objects applied, still one List (the input held several); exit 1.
    let o = env.run(&["apply", "-f", "d", "-o", "json"]);
    assert_eq!(code(&o), 1);
    let list: Value = serde_json::from_str(&out(&o)).expect("one JSON document");
    let names: Vec<&str> = list["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|i| i["metadata"]["name"].as_str())
        .collect();
    assert_eq!(
        (list["kind"].as_str(), names),
        (Some("List"), vec!["p1", "p3"])
    );
    let Some(kubectl) = common::kubectl() else {
        return;
    };
    // Side by side, the server judging (kubectl has no client-side validation): the same
    // results, the same errors after them, in the same order.
    std::fs::remove_file(env.home().join("d/5.yaml")).expect("rm");
    let k = env.kubectl(&kubectl, &["apply", "-f", "d"]);
    let d = env.run(&["apply", "-f", "d", "--validate=false"]);
    assert_eq!((code(&k), code(&d)), (1, 1));
    assert_eq!(out(&d), out(&k));
    assert_eq!(
        err(&d),
        format!("{}error: 2 of 4 objects failed to apply\n", err(&k))
    );
}

#[test]
fn apply_prints_several_objects_as_one_list_as_kubectl_does() {
    let env = Env::new(PROJECT);
    let multi = env.write(
        "multi.yaml",
        &format!(
            "{}---\n{}",
            common::Policy::new("l1").yaml(),
            common::Policy::new("l2").yaml()
        ),
    );
    let one = env.write("one.yaml", &common::Policy::new("l1").yaml());
    let o = env.run(&["apply", "-f", &multi]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    env.wait_accepted("l1");
    env.wait_accepted("l2");
    let o = env.run(&["apply", "-f", &multi, "-o", "json"]);
    let list: Value = serde_json::from_str(&out(&o)).expect("one JSON document");
    assert_eq!(list["kind"], "List");
    assert_eq!(list["items"].as_array().map(Vec::len), Some(2));
    assert!(list["items"][0]["metadata"].get("managedFields").is_none());
    let o = env.run(&["apply", "-f", &one, "-o", "json"]);
    let single: Value = serde_json::from_str(&out(&o)).expect("one JSON document");
    assert_eq!(single["kind"], "BackendTrafficPolicy");
    let Some(kubectl) = common::kubectl() else {
        return;
    };
    for format in ["json", "yaml"] {
        let k = env.kubectl(&kubectl, &["apply", "-f", &multi, "-o", format]);
        let d = env.run(&["apply", "-f", &multi, "-o", format]);
        assert_eq!((code(&k), code(&d)), (0, 0), "{}", err(&d));
        assert_eq!(out(&d), out(&k), "-o {format}");
    }
}

fn managers(env: &Env, name: &str) -> Vec<(String, String)> {
    // Read from the server itself: `get` leaves managedFields out.
    let url = format!(
        "{}/apis/gateway.envoyproxy.io/v1alpha1/namespaces/default/backendtrafficpolicies/{name}",
        env.server.project_url(PROJECT)
    );
    let o = Command::new("python3")
        .args([
            "-c",
            "import sys, urllib.request; sys.stdout.write(urllib.request.urlopen(sys.argv[1]).read().decode())",
            &url,
        ])
        .output()
        .expect("python3");
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    let v: Value = serde_json::from_str(&text).expect("object");
    v["metadata"]["managedFields"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            (
                e["manager"].as_str().unwrap_or("").to_string(),
                e["operation"].as_str().unwrap_or("").to_string(),
            )
        })
        .filter(|(m, _)| m != "envoy-gateway")
        .collect()
}

#[test]
fn server_side_apply_after_client_side_apply_moves_the_fields() {
    let env = Env::new(PROJECT);
    let v1 = env.write("v1.yaml", &with_retries("s1", 1));
    let v2 = env.write("v2.yaml", &with_retries("s1", 2));
    assert_eq!(code(&env.run(&["apply", "-f", &v1])), 0);
    // A changed value: without the move this conflicts with datumctl-client-side-apply.
    let o = env.run(&["apply", "-f", &v2, "--server-side"]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert_eq!(
        out(&o),
        "backendtrafficpolicy.gateway.envoyproxy.io/s1 serverside-applied\n"
    );
    let mut m = managers(&env, "s1");
    m.sort();
    assert_eq!(
        m,
        [
            ("datumctl".to_string(), "Apply".to_string()),
            ("datumctl-last-applied".to_string(), "Apply".to_string())
        ]
    );
    let o = env.run(&[
        "get",
        "btp",
        "s1",
        "-o",
        "jsonpath={.spec.retry.numRetries}",
    ]);
    assert_eq!(out(&o), "2");
    // The same holds after kubectl's client-side apply (its manager owns the annotation).
    let Some(kubectl) = common::kubectl() else {
        return;
    };
    let k1 = env.write("k1.yaml", &with_retries("s2", 1));
    let k2 = env.write("k2.yaml", &with_retries("s2", 3));
    let k = env.kubectl(&kubectl, &["apply", "-f", &k1]);
    assert_eq!(code(&k), 0, "{}", err(&k));
    let o = env.run(&["apply", "-f", &k2, "--server-side"]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert!(
        !managers(&env, "s2")
            .iter()
            .any(|(m, _)| m == "kubectl-client-side-apply"),
        "{:?}",
        managers(&env, "s2")
    );
    // And kubectl reads it back as its own CSA would: the objects agree.
    let k = env.kubectl(
        &kubectl,
        &[
            "get",
            "btp",
            "s2",
            "-o",
            "jsonpath={.spec.retry.numRetries}",
        ],
    );
    assert_eq!(out(&k), "3");
}

#[test]
fn a_conflict_explains_force_conflicts_and_field_manager() {
    let env = Env::new(PROJECT);
    let a = env.write("a.yaml", &with_retries("c1", 1));
    let b = env.write("b.yaml", &with_retries("c1", 2));
    assert_eq!(
        code(&env.run(&["apply", "-f", &a, "--server-side", "--field-manager", "ops"])),
        0
    );
    let o = env.run(&["apply", "-f", &b, "--server-side"]);
    assert_eq!(code(&o), 1);
    let e = err(&o);
    assert!(
        e.starts_with("Error from server (Conflict): error when patching \"b.yaml\": Apply failed with 1 conflict: conflict with \"ops\": .spec.retry.numRetries\n"),
        "{e}"
    );
    assert!(
        e.contains("--force-conflicts") && e.contains("--field-manager"),
        "{e}"
    );
    let o = env.run(&["apply", "-f", &b, "--server-side", "--force-conflicts"]);
    assert_eq!(code(&o), 0, "{}", err(&o));
}

#[test]
fn ci_script_runs_end_to_end() {
    let env = Env::new(PROJECT);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ci_script.sh");
    let o = Command::new("bash")
        .arg(&script)
        .current_dir(env.home())
        .env("HOME", env.home())
        .env("DATUMCTL", common::bin())
        .env("DATUMCTL_SERVER", &env.server.url)
        .env("DATUM_PROJECT", PROJECT)
        .env("NO_COLOR", "1")
        .output()
        .expect("run bash");
    assert_eq!(
        code(&o),
        0,
        "ci_script.sh failed:\n--- stdout\n{}\n--- stderr\n{}",
        out(&o),
        err(&o)
    );
    assert!(
        out(&o).ends_with("CI script: all checks passed\n"),
        "{}",
        out(&o)
    );
}

#[test]
fn an_interrupted_command_exits_130() {
    let env = Env::new(PROJECT);
    let good = env.write("good.yaml", &common::Policy::new("w1").yaml());
    assert_eq!(code(&env.run(&["apply", "-f", &good])), 0);
    for format in ["human", "json"] {
        let mut child = env
            .datumctl(&["get", "btp", "-w", "-o", "name", "--error-format", format])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn get -w");
        // The watch is running once it has printed the existing object.
        let mut stdout = std::io::BufReader::new(child.stdout.take().expect("stdout"));
        let mut first = String::new();
        std::io::BufRead::read_line(&mut stdout, &mut first).expect("first line");
        assert_eq!(first, "backendtrafficpolicy.gateway.envoyproxy.io/w1\n");
        common::signal(child.id(), "INT");
        let o = child.wait_with_output().expect("wait");
        assert_eq!(o.status.code(), Some(130), "{format}: {}", err(&o));
        if format == "json" {
            assert_eq!(json_errors(&o)[0]["kind"], "interrupted");
        } else {
            assert_eq!(err(&o), "");
        }
    }
}

/// The errors people read most, as they read them: the message, where, and the hint.
#[test]
fn errors_with_hints_as_printed() {
    use common::snapshot::assert_transcript;
    let env = Env::new(PROJECT);
    let typo = env.write(
        "typo.yaml",
        &common::Policy::new("typo")
            .spec("  retyr:\n    numRetries: 1\n")
            .yaml(),
    );
    assert_transcript(
        "ci_errors__validate_unknown_field",
        &env.run(&["validate", "-f", &typo]),
        &[],
    );
    let bad = env.write("bad.yaml", &with_retries("bad", -1));
    assert_transcript(
        "ci_errors__apply_invalid_value",
        &env.run(&["apply", "-f", &bad]),
        &[],
    );
    assert_transcript(
        "ci_errors__unknown_flag",
        &env.run(&["get", "btp", "--outptu", "yaml"]),
        &[],
    );
    let no_project = env
        .cmd()
        .env_remove("DATUM_PROJECT")
        .args(["get", "btp"])
        .output()
        .expect("run datumctl");
    assert_transcript("ci_errors__missing_project", &no_project, &[]);
    assert_transcript(
        "ci_errors__not_found",
        &env.run(&["describe", "btp", "nope"]),
        &[],
    );
    assert_transcript(
        "ci_errors__not_found_json",
        &env.run(&["get", "btp", "nope", "--error-format", "json"]),
        &[],
    );
    assert_transcript(
        "ci_errors__apply_invalid_value_json",
        &env.run(&["apply", "-f", &bad, "--error-format", "json"]),
        &[],
    );
}

/// Whether process `pid` has a handler installed for SIGINT (Linux `SigCgt`, bit 1).
#[cfg(target_os = "linux")]
fn catches_sigint(pid: u32) -> bool {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("SigCgt:"))
        .and_then(|mask| u64::from_str_radix(mask.trim(), 16).ok())
        .is_some_and(|mask| mask & 0b10 != 0)
}

/// Ctrl-C ends a command at once even while it blocks its thread synchronously (here reading
/// `-f -` from a stdin that never ends): the listener runs on a runtime worker of its own.
#[cfg(target_os = "linux")]
#[test]
fn a_command_blocked_reading_stdin_is_interrupted() {
    let env = Env::new(PROJECT);
    for (verb, format) in [("validate", "json"), ("apply", "json"), ("apply", "human")] {
        let mut child = env
            .datumctl(&[verb, "-f", "-", "--error-format", format])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn");
        // Keep stdin open (and empty) until the process has ended.
        let _stdin = child.stdin.take().expect("stdin");
        let mut waited = 0;
        while !catches_sigint(child.id()) {
            assert!(waited < 400, "{verb}: no SIGINT handler after 10 s");
            std::thread::sleep(std::time::Duration::from_millis(25));
            waited += 1;
        }
        common::signal(child.id(), "INT");
        let mut waited = 0;
        while child.try_wait().expect("try_wait").is_none() {
            if waited == 400 {
                let _ = child.kill();
                panic!("{verb} {format}: still running 10 s after SIGINT");
            }
            std::thread::sleep(std::time::Duration::from_millis(25));
            waited += 1;
        }
        let o = child.wait_with_output().expect("wait");
        assert_eq!(o.status.code(), Some(130), "{verb} {format}: {}", err(&o));
        if format == "json" {
            assert_eq!(json_errors(&o)[0]["kind"], "interrupted", "{verb}");
        } else {
            assert_eq!(err(&o), "");
        }
    }
}
