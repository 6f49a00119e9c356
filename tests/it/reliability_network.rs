//! Network faults between `datumctl` and a real `datumctl serve`, injected by the test proxy in
//! support_faults: refused connections, a server that never answers, 429/503 with Retry-After,
//! a 500 on one create of a batch, a reset in the middle of a paged list, hostile answers, a
//! lost create answer, and a 409 Conflict on a client-side apply patch. Watches are in
//! reliability_watch.

use crate::common;
use crate::serve_support;
use crate::support_faults;

use common::{TestServer, code, datumctl, err, out};
use serve_support::{Api, policy};
use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};
use support_faults::{Fault, FaultProxy};

/// `datumctl ARGS --server URL --project P`.
fn run(home: &Path, url: &str, project: &str, args: &[&str]) -> Output {
    datumctl(home)
        .args(args)
        .args(["--server", url, "--project", project])
        .output()
        .expect("run datumctl")
}

fn manifest(names: &[&str], retries: u32) -> String {
    names
        .iter()
        .map(|n| {
            common::Policy::new(n)
                .target("HTTPRoute", &format!("{n}-route"))
                .retries(i64::from(retries))
                .yaml()
        })
        .collect::<Vec<_>>()
        .join("---\n")
}

fn stored_names(api: &Api) -> Vec<String> {
    let list = api.get(&Api::coll("default"));
    assert_eq!(list.code, 200, "{}", list.text);
    list.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["metadata"]["name"].as_str().map(String::from))
        .collect()
}

fn quiet() -> TestServer {
    TestServer::start_with(&["--no-status-writer"])
}

#[test]
fn refused_connection_exits_3_naming_server_and_context() {
    let home = tempfile::tempdir().expect("home");
    let h = home.path();
    // A port that was just free: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port();
    let dead = format!("http://127.0.0.1:{port}");
    let set = datumctl(h)
        .args([
            "config",
            "set-context",
            "lab",
            "--server",
            &dead,
            "--project",
            "p",
        ])
        .output()
        .expect("set-context");
    assert_eq!(code(&set), 0, "{}", err(&set));
    let used = datumctl(h)
        .args(["config", "use-context", "lab"])
        .output()
        .expect("use-context");
    assert_eq!(code(&used), 0, "{}", err(&used));
    for args in [
        vec!["get", "btp"],
        vec!["describe", "btp", "a"],
        vec!["delete", "btp", "a"],
    ] {
        let started = Instant::now();
        let o = datumctl(h).args(&args).output().expect("run");
        assert_eq!(code(&o), 3, "{args:?}: {}", err(&o));
        let e = err(&o);
        assert!(e.contains(&format!("127.0.0.1:{port}")), "{args:?}: {e}");
        assert!(e.contains("context \"lab\""), "{args:?}: {e}");
        assert!(out(&o).is_empty(), "{args:?}: {}", out(&o));
        // Retries back off, but a refused connection does not hang the command.
        assert!(started.elapsed() < Duration::from_secs(15), "{args:?}");
    }
    let file = h.join("p.yaml");
    std::fs::write(&file, manifest(&["a"], 1)).expect("write");
    let o = datumctl(h)
        .args(["apply", "-f", file.to_str().expect("utf8")])
        .output()
        .expect("apply");
    assert_eq!(code(&o), 3, "{}", err(&o));
    assert!(
        err(&o).contains(&format!("127.0.0.1:{port}")),
        "{}",
        err(&o)
    );
}

#[test]
fn a_server_that_never_answers_times_out_with_exit_3() {
    let server = quiet();
    let proxy = FaultProxy::start(&server.url);
    proxy.inject(usize::MAX, Fault::Hang, |_| true);
    let home = tempfile::tempdir().expect("home");
    let h = home.path();
    let file = h.join("p.yaml");
    std::fs::write(&file, manifest(&["a"], 1)).expect("write");
    for args in [
        vec!["get", "btp", "--request-timeout", "1s"],
        vec!["get", "btp", "a", "--request-timeout", "1s"],
        vec![
            "apply",
            "-f",
            file.to_str().expect("utf8"),
            "--request-timeout",
            "1s",
        ],
    ] {
        let started = Instant::now();
        let o = run(h, &proxy.url, "p", &args);
        let took = started.elapsed();
        assert_eq!(code(&o), 3, "{args:?}: {}", err(&o));
        assert!(err(&o).contains("timed out"), "{args:?}: {}", err(&o));
        assert!(took >= Duration::from_secs(1), "{args:?} took {took:?}");
        assert!(took < Duration::from_secs(10), "{args:?} took {took:?}");
    }
    // Nothing reached the store.
    assert!(stored_names(&Api::new(&server, "p")).is_empty());
    // A server that sends the head of its answer and then stalls is timed out the same way.
    let stalled = FaultProxy::start(&server.url);
    stalled.inject(usize::MAX, Fault::StallBody, |s| s.method == "GET");
    let started = Instant::now();
    let o = run(
        h,
        &stalled.url,
        "p",
        &["get", "btp", "--request-timeout", "1s"],
    );
    assert_eq!(code(&o), 3, "{}", err(&o));
    assert!(err(&o).contains("timed out"), "{}", err(&o));
    assert!(started.elapsed() < Duration::from_secs(10));
    assert!(out(&o).is_empty(), "{}", out(&o));
}

#[test]
fn too_many_requests_and_unavailable_are_retried_after_the_servers_wait() {
    let server = quiet();
    let api = Api::new(&server, "p");
    assert_eq!(api.create(&policy("seen")).code, 201);
    let proxy = FaultProxy::start(&server.url);
    let home = tempfile::tempdir().expect("home");
    let h = home.path();

    // Reads: two 429s with Retry-After: 1, then the answer.
    proxy.inject(2, Fault::status(429, "TooManyRequests", Some(1)), |s| {
        s.method == "GET" && s.target.contains("backendtrafficpolicies")
    });
    let started = Instant::now();
    let o = run(h, &proxy.url, "p", &["get", "btp", "-o", "name"]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert_eq!(out(&o), "backendtrafficpolicy.gateway.envoyproxy.io/seen\n");
    assert!(
        started.elapsed() >= Duration::from_secs(2),
        "Retry-After was not honoured: {:?}",
        started.elapsed()
    );
    assert_eq!(proxy.faulted().len(), 2);

    // Writes: a create answered 503 + Retry-After is sent again and lands once.
    proxy.inject(1, Fault::status(503, "ServiceUnavailable", Some(0)), |s| {
        s.method == "POST"
    });
    let file = h.join("new.yaml");
    std::fs::write(&file, manifest(&["fresh"], 2)).expect("write");
    let o = run(
        h,
        &proxy.url,
        "p",
        &["apply", "-f", file.to_str().expect("utf8")],
    );
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert_eq!(
        out(&o),
        "backendtrafficpolicy.gateway.envoyproxy.io/fresh created\n"
    );
    let posts = proxy
        .seen()
        .into_iter()
        .filter(|s| s.method == "POST")
        .count();
    assert_eq!(posts, 2, "the create was not retried once");
    let fresh = api.get(&Api::item("default", "fresh"));
    assert_eq!(fresh.code, 200);
    assert_eq!(fresh.body["spec"]["retry"]["numRetries"], 2);

    // A 503 on every try: the error is the server's, exit 1, after a bounded number of tries.
    proxy.inject(
        usize::MAX,
        Fault::status(503, "ServiceUnavailable", Some(0)),
        |s| s.method == "GET",
    );
    let before = proxy.seen().len();
    let o = run(h, &proxy.url, "p", &["get", "btp"]);
    assert_eq!(code(&o), 1, "{}", err(&o));
    assert!(err(&o).contains("ServiceUnavailable"), "{}", err(&o));
    let tries = proxy.seen().len() - before;
    assert!((2..=10).contains(&tries), "{tries} tries");
}

#[test]
fn a_500_on_one_create_fails_that_object_only_and_a_rerun_converges() {
    let server = quiet();
    let api = Api::new(&server, "p");
    let proxy = FaultProxy::start(&server.url);
    proxy.inject(1, Fault::status(500, "InternalError", None), |s| {
        s.method == "POST" && s.body_text().contains("\"name\":\"b\"")
    });
    let home = tempfile::tempdir().expect("home");
    let h = home.path();
    let file = h.join("batch.yaml");
    std::fs::write(&file, manifest(&["a", "b", "c"], 4)).expect("write");
    let path = file.to_str().expect("utf8");
    let o = run(h, &proxy.url, "p", &["apply", "-f", path]);
    assert_eq!(code(&o), 1, "{}", err(&o));
    assert_eq!(
        out(&o),
        "backendtrafficpolicy.gateway.envoyproxy.io/a created\nbackendtrafficpolicy.gateway.envoyproxy.io/c created\n"
    );
    let e = err(&o);
    assert!(e.contains("InternalError"), "{e}");
    assert!(e.contains("error when creating"), "{e}");
    assert!(e.contains("1 of 3 objects failed to apply"), "{e}");
    let mut names = stored_names(&api);
    names.sort();
    assert_eq!(names, ["a", "c"]);
    // The same command again converges: b is created, a and c are left alone.
    let o = run(h, &proxy.url, "p", &["apply", "-f", path]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert_eq!(
        out(&o),
        "backendtrafficpolicy.gateway.envoyproxy.io/a unchanged\nbackendtrafficpolicy.gateway.envoyproxy.io/b created\nbackendtrafficpolicy.gateway.envoyproxy.io/c unchanged\n"
    );
    let mut names = stored_names(&api);
    names.sort();
    assert_eq!(names, ["a", "b", "c"]);
}

#[test]
fn a_reset_in_the_middle_of_a_paged_list_is_retried_never_half_shown() {
    let server = quiet();
    let api = Api::new(&server, "p");
    let names: Vec<String> = (0..7).map(|i| format!("p{i}")).collect();
    for n in &names {
        assert_eq!(api.create(&policy(n)).code, 201);
    }
    let proxy = FaultProxy::start(&server.url);
    let home = tempfile::tempdir().expect("home");
    let h = home.path();
    let expected_names: String = names
        .iter()
        .map(|n| format!("backendtrafficpolicy.gateway.envoyproxy.io/{n}\n"))
        .collect();
    // The second page: cut part-way through its body, then (next run) closed before any answer.
    for fault in [Fault::CutBody(40), Fault::Close] {
        proxy.inject(1, fault.clone(), |s| s.target.contains("continue="));
        for format in ["name", "table"] {
            let mut args = vec!["get", "btp", "--chunk-size", "2"];
            if format == "name" {
                args.extend(["-o", "name"]);
            }
            if format == "table" {
                // The fault is used up by the first run: inject it again.
                proxy.inject(1, fault.clone(), |s| s.target.contains("continue="));
            }
            let o = run(h, &proxy.url, "p", &args);
            assert_eq!(code(&o), 0, "{fault:?} {format}: {}", err(&o));
            let shown = out(&o);
            if format == "name" {
                assert_eq!(shown, expected_names, "{fault:?}");
            } else {
                assert_eq!(shown.lines().count(), 8, "{fault:?}: {shown}");
                for n in &names {
                    assert!(shown.contains(&format!("\n{n} ")), "{fault:?}: {shown}");
                }
            }
        }
    }
    assert_eq!(proxy.faulted().len(), 4);
    // Cut on every try: an error and exit 3, and no table claiming to be the whole list.
    proxy.inject(usize::MAX, Fault::CutBody(40), |s| {
        s.target.contains("continue=")
    });
    let o = run(h, &proxy.url, "p", &["get", "btp", "--chunk-size", "2"]);
    assert_eq!(code(&o), 3, "{}", err(&o));
    assert_eq!(out(&o), "", "a partial table was shown");
    assert!(err(&o).contains(&proxy.url), "{}", err(&o));
}

#[test]
fn a_conflict_on_the_apply_patch_is_read_again_and_retried() {
    let server = quiet();
    let api = Api::new(&server, "p");
    let proxy = FaultProxy::start(&server.url);
    let home = tempfile::tempdir().expect("home");
    let h = home.path();
    let file = h.join("a.yaml");
    let path = file.to_str().expect("utf8");
    std::fs::write(&file, manifest(&["a"], 1)).expect("write");
    let o = run(h, &proxy.url, "p", &["apply", "-f", path]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    std::fs::write(&file, manifest(&["a"], 5)).expect("write");
    proxy.inject(2, Fault::status(409, "Conflict", None), |s| {
        s.method == "PATCH"
    });
    let o = run(h, &proxy.url, "p", &["apply", "-f", path]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert_eq!(
        out(&o),
        "backendtrafficpolicy.gateway.envoyproxy.io/a configured\n"
    );
    let patches = proxy
        .seen()
        .into_iter()
        .filter(|s| s.method == "PATCH")
        .count();
    assert_eq!(patches, 3);
    let gets = proxy
        .seen()
        .into_iter()
        .filter(|s| s.method == "GET" && s.target.ends_with("/backendtrafficpolicies/a"))
        .count();
    // One read per attempt (the first apply read once too, before creating).
    assert_eq!(gets, 4);
    let live = api.get(&Api::item("default", "a"));
    assert_eq!(live.body["spec"]["retry"]["numRetries"], 5);
    // Conflicts that never end give up with the server's error, exit 1.
    std::fs::write(&file, manifest(&["a"], 6)).expect("write");
    proxy.inject(usize::MAX, Fault::status(409, "Conflict", None), |s| {
        s.method == "PATCH"
    });
    let o = run(h, &proxy.url, "p", &["apply", "-f", path]);
    assert_eq!(code(&o), 1, "{}", err(&o));
    assert!(err(&o).contains("Conflict"), "{}", err(&o));
    let live = api.get(&Api::item("default", "a"));
    assert_eq!(live.body["spec"]["retry"]["numRetries"], 5);
}

#[test]
fn hostile_answers_from_a_server_are_clear_errors_not_crashes() {
    let server = quiet();
    let api = Api::new(&server, "p");
    assert_eq!(api.create(&policy("a")).code, 201);
    let proxy = FaultProxy::start(&server.url);
    let home = tempfile::tempdir().expect("home");
    let h = home.path();
    let deep = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
    let json = || vec![("Content-Type".to_string(), "application/json".to_string())];
    let answers = [
        ("not JSON", "<html>proxy error</html>".to_string()),
        ("deep nesting", deep),
        (
            "truncated JSON",
            r#"{"kind":"BackendTrafficPolicyList","items":[{"#.to_string(),
        ),
        (
            "invalid UTF-8 escape",
            r#"{"kind":"X","items":["\udc00"]}"#.to_string(),
        ),
        (
            "huge number",
            r#"{"kind":"X","metadata":{"resourceVersion":1e999}}"#.to_string(),
        ),
        ("NUL", "{\"kind\":\"X\u{0}\"}".to_string()),
    ];
    for (what, body) in answers {
        proxy.inject(
            1,
            Fault::Respond {
                status: 200,
                headers: json(),
                body,
            },
            |s| s.method == "GET",
        );
        let started = Instant::now();
        let o = run(h, &proxy.url, "p", &["get", "btp", "a", "-o", "yaml"]);
        assert_eq!(code(&o), 1, "{what}: {}", err(&o));
        assert!(err(&o).contains("cannot decode"), "{what}: {}", err(&o));
        assert!(!err(&o).contains("panicked"), "{what}: {}", err(&o));
        assert!(out(&o).is_empty(), "{what}: {}", out(&o));
        assert!(started.elapsed() < Duration::from_secs(20), "{what}");
    }
    // An error answer whose body is not a Status still gives kubectl's words for the code.
    proxy.inject(
        1,
        Fault::Respond {
            status: 500,
            headers: vec![],
            body: "\u{0}\u{1}garbage".into(),
        },
        |s| s.method == "GET",
    );
    let o = run(h, &proxy.url, "p", &["get", "btp", "a"]);
    assert_eq!(code(&o), 1, "{}", err(&o));
    assert!(err(&o).starts_with("Error from server"), "{}", err(&o));
}

#[test]
fn a_create_whose_answer_is_lost_is_not_sent_twice_and_a_rerun_converges() {
    let server = quiet();
    let api = Api::new(&server, "p");
    let proxy = FaultProxy::start(&server.url);
    // The server stores b, but the answer is cut before a byte of its body arrives.
    proxy.inject(1, Fault::CutBody(0), |s| {
        s.method == "POST" && s.body_text().contains("\"name\":\"b\"")
    });
    let home = tempfile::tempdir().expect("home");
    let h = home.path();
    let file = h.join("batch.yaml");
    std::fs::write(&file, manifest(&["a", "b", "c"], 2)).expect("write");
    let path = file.to_str().expect("utf8");
    let o = run(h, &proxy.url, "p", &["apply", "-f", path]);
    assert_eq!(code(&o), 1, "{}", err(&o));
    assert!(
        err(&o).contains("1 of 3 objects failed to apply"),
        "{}",
        err(&o)
    );
    let posts_for_b = proxy
        .seen()
        .iter()
        .filter(|s| s.method == "POST" && s.body_text().contains("\"name\":\"b\""))
        .count();
    assert_eq!(
        posts_for_b, 1,
        "a create was repeated without knowing its fate"
    );
    let mut names = stored_names(&api);
    names.sort();
    assert_eq!(names, ["a", "b", "c"]);
    let o = run(h, &proxy.url, "p", &["apply", "-f", path]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert_eq!(
        out(&o),
        "backendtrafficpolicy.gateway.envoyproxy.io/a unchanged\nbackendtrafficpolicy.gateway.envoyproxy.io/b unchanged\nbackendtrafficpolicy.gateway.envoyproxy.io/c unchanged\n"
    );
}
