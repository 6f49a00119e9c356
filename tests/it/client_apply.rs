//! apply, delete, diff and watch against a real `datumctl serve`: validation before sending,
//! batches with failures, dry runs, server-side apply, output forms, exit codes.

use crate::common;

use common::{Env, Policy, code, err, out};
use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::{Duration, Instant};

fn policy(name: &str, retries: i64) -> String {
    Policy::new(name)
        .target("Gateway", "gw")
        .retries(retries)
        .yaml()
}

fn env() -> Env {
    Env::with_serve("proj", &["--no-status-writer"])
}

#[test]
fn invalid_documents_are_reported_with_positions_and_the_valid_ones_applied() {
    let env = env();
    let f = env.write(
        "bad.yaml",
        &format!("{}---\n{}", policy("good", 1), policy("bad", -1)),
    );
    let o = env.run(&["apply", "-f", &f]);
    assert_eq!(code(&o), 1, "{}", err(&o));
    assert_eq!(
        out(&o),
        "backendtrafficpolicy.gateway.envoyproxy.io/good created\n"
    );
    let e = err(&o);
    assert!(
        e.contains(&format!(
            "{f}:23:17: spec.retry.numRetries: Invalid value: -1"
        )),
        "{e}"
    );
    assert!(
        e.ends_with("error: 1 of 2 objects failed to apply\n"),
        "{e}"
    );
    // Only the invalid object stayed away from the server.
    let listed = env.run(&["get", "btp", "-o", "name"]);
    assert_eq!(
        out(&listed),
        "backendtrafficpolicy.gateway.envoyproxy.io/good\n"
    );

    // A batch large enough to be checked on several threads reports in input order.
    let mut text = String::new();
    for i in 0..100 {
        let retries = if i == 70 || i == 90 { -1 } else { 1 };
        text.push_str(&policy(&format!("q{i}"), retries));
        text.push_str("---\n");
    }
    let f = env.write("many.yaml", &text);
    let o = env.run(&["apply", "-f", &f]);
    assert_eq!(code(&o), 1, "{}", err(&o));
    let lines: Vec<String> = err(&o).lines().map(String::from).collect();
    // Each policy is 12 lines with its separator; numRetries is the 11th.
    assert!(
        lines[0].starts_with(&format!("{f}:{}:17: ", 70 * 12 + 11)),
        "{lines:?}"
    );
    assert!(
        lines[1].starts_with(&format!("{f}:{}:17: ", 90 * 12 + 11)),
        "{lines:?}"
    );
    assert_eq!(lines[2], "error: 2 of 100 objects failed to apply");
    assert_eq!(out(&o).lines().count(), 98, "the 98 valid ones are applied");
}

#[test]
fn batches_report_each_object_in_order_and_fail_as_a_whole() {
    let env = env();
    let mut text = String::new();
    for i in 0..30 {
        let retries = if i == 7 { -1 } else { i };
        text.push_str(&policy(&format!("p{i:02}"), retries));
        text.push_str("---\n");
    }
    let f = env.write("batch.yaml", &text);
    // Skip local validation so the server is the one that refuses p07.
    let o = env.run(&["apply", "-f", &f, "--validate=false", "--concurrency", "8"]);
    assert_eq!(code(&o), 1, "{}", err(&o));
    let lines: Vec<String> = out(&o).lines().map(String::from).collect();
    let expected: Vec<String> = (0..30)
        .filter(|i| *i != 7)
        .map(|i| format!("backendtrafficpolicy.gateway.envoyproxy.io/p{i:02} created"))
        .collect();
    assert_eq!(lines, expected);
    let e = err(&o);
    assert!(
        e.starts_with("The BackendTrafficPolicy \"p07\" is invalid: "),
        "{e}"
    );
    assert!(e.contains("spec.retry.numRetries"), "{e}");
    assert!(
        e.ends_with("error: 1 of 30 objects failed to apply\n"),
        "{e}"
    );
}

#[test]
fn configured_unchanged_dry_runs_server_side_and_output_forms() {
    let env = env();
    let v1 = env.write("v1.yaml", &policy("web", 1));
    let v2 = env.write("v2.yaml", &policy("web", 2));
    let o = env.run(&["apply", "-f", &v1, "--dry-run=client"]);
    assert_eq!(
        out(&o),
        "backendtrafficpolicy.gateway.envoyproxy.io/web created (dry run)\n"
    );
    let o = env.run(&["apply", "-f", &v1, "--dry-run=server"]);
    assert_eq!(
        out(&o),
        "backendtrafficpolicy.gateway.envoyproxy.io/web created (server dry run)\n"
    );
    assert_eq!(out(&env.run(&["get", "btp", "-o", "name"])), "");
    let o = env.run(&["apply", "-f", &v1, "-o", "name"]);
    assert_eq!(out(&o), "backendtrafficpolicy.gateway.envoyproxy.io/web\n");
    let o = env.run(&["apply", "-f", &v2]);
    assert_eq!(
        out(&o),
        "backendtrafficpolicy.gateway.envoyproxy.io/web configured\n"
    );
    let o = env.run(&[
        "apply",
        "-f",
        &v2,
        "-o",
        "jsonpath={.spec.retry.numRetries}",
    ]);
    assert_eq!(code(&o), 2, "apply supports name, yaml and json only");
    let o = env.run(&["apply", "-f", &v2, "-o", "yaml"]);
    assert!(out(&o).contains("    numRetries: 2\n"), "{}", out(&o));
    assert!(out(&o).contains("kubectl.kubernetes.io/last-applied-configuration"));
    let o = env.run(&["apply", "-f", &v2]);
    assert_eq!(
        out(&o),
        "backendtrafficpolicy.gateway.envoyproxy.io/web unchanged\n"
    );
    // A client dry run words an empty patch as kubectl does.
    let o = env.run(&["apply", "-f", &v2, "--dry-run=client"]);
    assert_eq!(
        out(&o),
        "backendtrafficpolicy.gateway.envoyproxy.io/web unchanged (dry run)\n"
    );
    let o = env.run(&["apply", "-f", &v1, "--dry-run=client"]);
    assert_eq!(
        out(&o),
        "backendtrafficpolicy.gateway.envoyproxy.io/web configured (dry run)\n"
    );
    // The client-side apply's fields move to the server-side manager: no conflict with ourselves.
    let o = env.run(&["apply", "-f", &v1, "--server-side"]);
    assert_eq!(code(&o), 0, "switching to --server-side: {}", err(&o));
    let o = env.run(&["apply", "-f", &v1, "--server-side", "--force-conflicts"]);
    assert_eq!(
        out(&o),
        "backendtrafficpolicy.gateway.envoyproxy.io/web serverside-applied\n",
        "{}",
        err(&o)
    );
    let o = env.run(&[
        "get",
        "btp",
        "web",
        "-o",
        "jsonpath={.spec.retry.numRetries}",
    ]);
    assert_eq!(out(&o), "1");
    let o = env.run(&["apply", "-f", &v1, "--force-conflicts"]);
    assert_eq!(code(&o), 2);
    assert!(err(&o).contains("--force-conflicts only works with --server-side"));
}

#[test]
fn delete_by_name_file_and_selector() {
    let env = env();
    let f = env.write(
        "two.yaml",
        &format!("{}---\n{}", policy("a", 1), policy("b", 1)),
    );
    assert_eq!(code(&env.run(&["apply", "-f", &f])), 0);
    let o = env.run(&["delete", "btp", "a", "--dry-run=server"]);
    assert_eq!(
        out(&o),
        "backendtrafficpolicy.gateway.envoyproxy.io \"a\" deleted from default namespace (server dry run)\n"
    );
    let o = env.run(&["delete", "btp", "a", "nope"]);
    assert_eq!(code(&o), 1);
    assert_eq!(
        out(&o),
        "backendtrafficpolicy.gateway.envoyproxy.io \"a\" deleted from default namespace\n"
    );
    assert_eq!(
        err(&o),
        "Error from server (NotFound): backendtrafficpolicies.gateway.envoyproxy.io \"nope\" not found\n"
    );
    let o = env.run(&["delete", "btp", "nope", "--ignore-not-found"]);
    assert_eq!(code(&o), 0);
    let o = env.run(&["delete", "-f", &f, "--ignore-not-found"]);
    assert_eq!(
        out(&o),
        "backendtrafficpolicy.gateway.envoyproxy.io \"b\" deleted from default namespace\n"
    );
    // As kubectl's delete says it: on stdout, without the namespace.
    let o = env.run(&["delete", "btp", "--all"]);
    assert_eq!(code(&o), 0);
    assert_eq!(out(&o), "No resources found\n");
    assert_eq!(err(&o), "");
    let o = env.run(&["delete", "btp"]);
    assert_eq!(code(&o), 2);
}

#[test]
fn diff_exit_codes() {
    let env = env();
    let v1 = env.write("v1.yaml", &policy("d", 1));
    let v2 = env.write("v2.yaml", &policy("d", 2));
    let o = env.run(&["diff", "-f", &v1]);
    assert_eq!(code(&o), 1, "a new object is a difference: {}", err(&o));
    assert!(out(&o).contains("+  name: d\n"), "{}", out(&o));
    assert_eq!(code(&env.run(&["apply", "-f", &v1])), 0);
    let o = env.run(&["diff", "-f", &v1]);
    assert_eq!((code(&o), out(&o)), (0, String::new()), "{}", err(&o));
    let o = env.run(&["diff", "-f", &v2]);
    assert_eq!(code(&o), 1);
    assert!(
        out(&o).contains("-    numRetries: 1\n+    numRetries: 2\n"),
        "{}",
        out(&o)
    );
    assert!(!out(&o).contains("resourceVersion"), "{}", out(&o));
    let o = env
        .cmd()
        .env("KUBECTL_EXTERNAL_DIFF", "diff -r")
        .args(["diff", "-f", &v2])
        .output()
        .expect("run");
    assert_eq!(code(&o), 1, "{}", err(&o));
    assert!(
        out(&o).contains("> ") && out(&o).contains("numRetries: 2"),
        "{}",
        out(&o)
    );
    let bad = env.write("bad.yaml", &policy("d", -5));
    let o = env.run(&["diff", "-f", &bad]);
    assert!(code(&o) >= 2, "{}", err(&o));
    let o = env.run(&["diff", "-f", "missing.yaml"]);
    assert!(code(&o) >= 2, "{}", err(&o));
}

/// The lines a running child prints on stdout, as they come, read by a thread.
fn stdout_lines(child: &mut std::process::Child) -> std::sync::mpsc::Receiver<String> {
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

#[test]
fn watch_prints_changes_as_they_happen() {
    let env = env();
    let v1 = env.write("v1.yaml", &policy("w", 1));
    assert_eq!(code(&env.run(&["apply", "-f", &v1])), 0);
    let mut child = env
        .datumctl(&[])
        .args([
            "get",
            "btp",
            "-w",
            "--output-watch-events",
            "-o",
            "jsonpath={.type} {.object.metadata.name}{\"\\n\"}",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn watch");
    let rx = stdout_lines(&mut child);
    let next = |what: &str| {
        let deadline = Instant::now() + Duration::from_secs(10);
        rx.recv_timeout(deadline - Instant::now())
            .unwrap_or_else(|_| panic!("no line for {what}"))
    };
    assert_eq!(next("initial list"), "ADDED w");
    let v2 = env.write("v2.yaml", &policy("w", 2));
    assert_eq!(code(&env.run(&["apply", "-f", &v2])), 0);
    assert_eq!(next("modification"), "MODIFIED w");
    assert_eq!(code(&env.run(&["delete", "btp", "w"])), 0);
    assert_eq!(next("deletion"), "DELETED w");
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn watch_resumes_after_the_stream_ends_without_repeating_events() {
    let env = env();
    let mut child = env
        .datumctl(&[])
        .env("DATUMCTL_WATCH_TIMEOUT_SECONDS", "1")
        .args(["get", "btp", "--watch-only", "-o", "name"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn watch");
    let rx = stdout_lines(&mut child);
    std::thread::sleep(Duration::from_millis(500));
    let f = env.write("one.yaml", &policy("r1", 1));
    assert_eq!(code(&env.run(&["apply", "-f", &f])), 0);
    // Let at least two streams end and be resumed.
    std::thread::sleep(Duration::from_millis(2600));
    let f = env.write("two.yaml", &policy("r2", 1));
    assert_eq!(code(&env.run(&["apply", "-f", &f])), 0);
    std::thread::sleep(Duration::from_millis(1500));
    let _ = child.kill();
    let _ = child.wait();
    let lines: Vec<String> = rx.try_iter().collect();
    assert_eq!(
        lines,
        [
            "backendtrafficpolicy.gateway.envoyproxy.io/r1",
            "backendtrafficpolicy.gateway.envoyproxy.io/r2"
        ]
    );
}

/// apply on an object created without the last-applied annotation warns as kubectl does (the
/// resource named `plural/name`) and records the annotation.
#[test]
fn apply_over_a_created_object_warns_and_records_the_annotation() {
    let env = env();
    let file = env.write("c.yaml", &policy("made", 1));
    assert_eq!(code(&env.run(&["create", "-f", &file])), 0);
    let o = env.run(&["apply", "-f", &file]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert!(
        err(&o).starts_with(
            "Warning: resource backendtrafficpolicies/made is missing the kubectl.kubernetes.io/last-applied-configuration annotation"
        ),
        "{}",
        err(&o)
    );
    let again = env.run(&["apply", "-f", &file]);
    assert_eq!(err(&again), "");
}
