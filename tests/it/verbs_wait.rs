//! `wait`: side by side with the real kubectl 1.37 for kubectl's conditions, and against
//! serve's status writer (or status written through /status) for `--for=condition=Accepted`,
//! which reads every ancestor's conditions at the current generation.

use crate::common;
use crate::serve_support;
use crate::verbs_support;

use serde_json::{Value, json};
use serve_support::Api;
use std::time::Duration;
use verbs_support::{PROJECT, SideBySide};

fn create_both(s: &SideBySide, name: &str) {
    s.same(&["create", "-f", &s.policy_file(name, name, 3)]);
}

#[test]
fn wait_matches_kubectl_for_its_own_conditions() {
    let Some(s) = SideBySide::start(&[]) else {
        return;
    };
    create_both(&s, "w");
    let met = s.same(&[
        "wait",
        "btp/@w",
        "--for=jsonpath={.spec.retry.numRetries}=3",
        "--timeout=5s",
    ]);
    assert_eq!(
        met.stdout,
        "backendtrafficpolicy.gateway.envoyproxy.io/k-w condition met"
    );
    s.same(&[
        "wait",
        "btp",
        "@w",
        "--for=jsonpath=.spec.retry",
        "--timeout=5s",
    ]);
    s.same(&[
        "wait",
        "btp/@w",
        "--for=jsonpath={.kind}=BackendTrafficPolicy",
        "-o",
        "name",
    ]);
    s.same(&[
        "wait",
        "-f",
        &s.path("@w.yaml"),
        "--for=create",
        "--timeout=5s",
    ]);
    let late = s.same(&[
        "wait",
        "btp/@w",
        "--for=jsonpath={.spec.retry.numRetries}=4",
        "--timeout=1s",
    ]);
    assert_eq!(
        late.stderr,
        "error: timed out waiting for the condition on backendtrafficpolicies/k-w"
    );
    assert_eq!(late.code, 1);
    let once = s.same(&[
        "wait",
        "btp/@w",
        "--for=jsonpath={.spec.retry.numRetries}=4",
        "--timeout=0",
    ]);
    assert_eq!(
        once.stderr,
        "error: condition not met for backendtrafficpolicies/k-w"
    );
    // Gone already: nothing to say, success. Never there: NotFound at once.
    let gone = s.same(&["wait", "btp/@never", "--for=delete", "--timeout=2s"]);
    assert_eq!((gone.stdout.as_str(), gone.code), ("", 0));
    let missing = s.same(&[
        "wait",
        "btp/@never",
        "--for=jsonpath={.kind}",
        "--timeout=2s",
    ]);
    assert!(
        missing.stderr.starts_with("Error from server (NotFound)"),
        "{missing:?}"
    );
    s.same(&["wait", "btp/@never", "--for=create", "--timeout=1s"]);
    s.same(&[
        "wait",
        "btp",
        "-l",
        "nothing=here",
        "--for=delete",
        "--timeout=1s",
    ]);
    let none = s.same(&[
        "wait",
        "btp",
        "-l",
        "nothing=here",
        "--for=jsonpath={.kind}",
        "--timeout=1s",
    ]);
    assert_eq!(
        (none.stderr.as_str(), none.code),
        ("error: no matching resources found", 1)
    );
    let never = s.same(&[
        "wait",
        "btp",
        "-l",
        "nothing=here",
        "--for=create",
        "--timeout=1s",
    ]);
    assert_eq!(never.stderr, "error: timed out waiting for the condition");
    s.same(&[
        "wait",
        "btp/@w",
        "--for=jsonpath={.spec.retry}=x",
        "--timeout=1s",
    ]);
    for usage in [
        &["wait", "btp/@w", "--for=sideways"][..],
        &["wait", "btp/@w"],
        &["wait", "btp/@w", "--for=jsonpath="],
        &["wait", "btp/@w", "--for=jsonpath={.a}="],
        &["wait", "btp/@w", "--for=jsonpath={.a"],
        &["wait", "btp", "--for=delete"],
    ] {
        s.same_usage_error(usage);
    }
}

#[test]
fn wait_sees_a_deletion_and_a_creation_as_they_happen() {
    let Some(s) = SideBySide::start(&[]) else {
        return;
    };
    create_both(&s, "del");
    for prefix in ["k-", "d-"] {
        let deleter = {
            let mut cmd = s.kubectl_cmd();
            cmd.args(["delete", "btp", &format!("{prefix}del")]);
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(800));
                cmd.output().expect("delete")
            })
        };
        let seen = s.run_one(
            prefix,
            &["wait", "btp/@del", "--for=delete", "--timeout=30s"],
            &[],
        );
        assert_eq!(
            seen.stdout,
            "backendtrafficpolicy.gateway.envoyproxy.io/k-del condition met"
        );
        assert_eq!(seen.code, 0);
        deleter.join().expect("deleter");
    }
    s.write_both("@born.yaml", &SideBySide::policy_text("born", 1));
    for prefix in ["k-", "d-"] {
        let creator = {
            let mut cmd = s.kubectl_cmd();
            cmd.args(["create", "-f", &s.path(&format!("{prefix}born.yaml"))]);
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(800));
                cmd.output().expect("create")
            })
        };
        let seen = s.run_one(
            prefix,
            &["wait", "btp/@born", "--for=create", "--timeout=30s"],
            &[],
        );
        assert_eq!(
            seen.stdout,
            "backendtrafficpolicy.gateway.envoyproxy.io/k-born condition met"
        );
        creator.join().expect("creator");
    }
}

fn two_targets(name: &str) -> Value {
    json!({
        "apiVersion": "gateway.envoyproxy.io/v1alpha1",
        "kind": "BackendTrafficPolicy",
        "metadata": {"name": name, "namespace": "default"},
        "spec": {
            "targetRefs": [
                {"group": "gateway.networking.k8s.io", "kind": "Gateway", "name": "eg"},
                {"group": "gateway.networking.k8s.io", "kind": "HTTPRoute", "name": "web"}
            ],
            "retry": {"numRetries": 3}
        }
    })
}

fn ancestor(kind: &str, name: &str, status: &str, generation: i64, reason: &str) -> Value {
    json!({
        "ancestorRef": {"group": "gateway.networking.k8s.io", "kind": kind, "name": name, "namespace": "default"},
        "controllerName": "example.com/test-controller",
        "conditions": [{"type": "Accepted", "status": status, "reason": reason,
                        "message": format!("{reason} by the test"), "observedGeneration": generation,
                        "lastTransitionTime": "2026-01-01T00:00:00Z"}]
    })
}

fn write_status(api: &Api, name: &str, ancestors: Vec<Value>) {
    let body = json!({"status": {"ancestors": ancestors}}).to_string();
    let r = api.patch(
        &format!("{}/status", Api::item("default", name)),
        "application/merge-patch+json",
        &body,
    );
    assert_eq!(r.code, 200, "{}", r.text);
}

fn datumctl_wait(s: &SideBySide, args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    s.datumctl_cmd()
        .arg("wait")
        .args(args)
        .envs(env.iter().copied())
        .output()
        .expect("run datumctl wait")
}

#[test]
fn accepted_by_every_ancestor_of_the_status_writer() {
    let Some(s) = SideBySide::start(&[]) else {
        return;
    };
    let api = Api::new(&s.env.server, PROJECT);
    assert_eq!(api.create(&two_targets("both")).code, 201);
    let out = datumctl_wait(
        &s,
        &["btp/both", "--for=condition=Accepted", "--timeout=30s"],
        &[],
    );
    assert_eq!(
        common::out(&out),
        "backendtrafficpolicy.gateway.envoyproxy.io/both condition met\n"
    );
    assert_eq!(common::code(&out), 0, "{}", common::err(&out));
    // The CI example of the README: apply, then wait on the same file.
    let file = s.path("ci.yaml");
    std::fs::write(&file, SideBySide::policy_text("ci", 2).replace('@', "")).expect("manifest");
    let applied = s
        .datumctl_cmd()
        .args(["apply", "-f", &file])
        .output()
        .expect("apply");
    assert_eq!(common::code(&applied), 0);
    let out = datumctl_wait(
        &s,
        &["-f", &file, "--for=condition=Accepted", "--timeout=30s"],
        &[],
    );
    assert_eq!(
        common::out(&out),
        "backendtrafficpolicy.gateway.envoyproxy.io/ci condition met\n"
    );
}

#[test]
fn accepted_false_fails_at_once_with_the_reason() {
    let Some(s) = SideBySide::start(&["--no-status-writer"]) else {
        return;
    };
    let api = Api::new(&s.env.server, PROJECT);
    assert_eq!(api.create(&two_targets("refused")).code, 201);
    write_status(
        &api,
        "refused",
        vec![
            ancestor("Gateway", "eg", "True", 1, "Accepted"),
            ancestor("HTTPRoute", "web", "False", 1, "Invalid"),
        ],
    );
    // A long timeout: only the refusal can end this wait with this message.
    let out = datumctl_wait(
        &s,
        &["btp/refused", "--for=condition=Accepted", "--timeout=60s"],
        &[],
    );
    assert_eq!(
        common::err(&out),
        "error: backendtrafficpolicy.gateway.envoyproxy.io/refused was not accepted: HTTPRoute default/web did not accept it: Invalid: Invalid by the test\n"
    );
    assert_eq!(common::code(&out), 1);
    assert_eq!(common::out(&out), "");
}

#[test]
fn accepted_timeout_has_kubectls_words() {
    let Some(s) = SideBySide::start(&["--no-status-writer"]) else {
        return;
    };
    create_both(&s, "silent");
    // kubectl never sees the ancestors' conditions; datumctl sees none yet: both time out alike.
    let seen = s.same(&[
        "wait",
        "btp/@silent",
        "--for=condition=Accepted",
        "--timeout=1s",
    ]);
    assert_eq!(
        seen.stderr,
        "error: timed out waiting for the condition on backendtrafficpolicies/k-silent"
    );
    assert_eq!(seen.code, 1);
}

#[test]
fn accepted_arrives_over_a_watch_that_is_cut_and_resumed() {
    let Some(s) = SideBySide::start(&["--no-status-writer"]) else {
        return;
    };
    let api = Api::new(&s.env.server, PROJECT);
    assert_eq!(api.create(&two_targets("slow")).code, 201);
    let writer = {
        let api = Api::new(&s.env.server, PROJECT);
        std::thread::spawn(move || {
            // A refusal of an older generation is stale and must not end the wait.
            std::thread::sleep(Duration::from_millis(700));
            write_status(
                &api,
                "slow",
                vec![ancestor("Gateway", "eg", "False", 0, "Invalid")],
            );
            // Past several one-second watch streams, every ancestor accepts generation 1.
            std::thread::sleep(Duration::from_millis(2500));
            write_status(
                &api,
                "slow",
                vec![
                    ancestor("Gateway", "eg", "True", 1, "Accepted"),
                    ancestor("HTTPRoute", "web", "True", 1, "Accepted"),
                ],
            );
        })
    };
    let out = datumctl_wait(
        &s,
        &["btp/slow", "--for=condition=Accepted", "--timeout=60s"],
        &[("DATUMCTL_WATCH_TIMEOUT_SECONDS", "1")],
    );
    writer.join().expect("status writer thread");
    assert_eq!(common::err(&out), "");
    assert_eq!(
        common::out(&out),
        "backendtrafficpolicy.gateway.envoyproxy.io/slow condition met\n"
    );
}
