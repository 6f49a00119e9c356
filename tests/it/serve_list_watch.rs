//! Lists (selectors, paging, all namespaces, project isolation) and watches (initial state,
//! resume from a resourceVersion, 410 once too old, bookmarks) against a real `datumctl serve`.

use crate::common;
use crate::serve_support;

use common::TestServer;
use serde_json::{Value, json};
use serve_support::{Api, GV, next_event, policy};

fn names(list: &Value) -> Vec<String> {
    list["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["metadata"]["name"].as_str().unwrap_or("").to_string())
        .collect()
}

fn seed(api: &Api) {
    for (name, labels) in [
        ("a", json!({"app": "web", "tier": "edge"})),
        ("b", json!({"app": "api"})),
        ("c", json!({"app": "web", "tier": "core"})),
        ("d", json!({})),
    ] {
        let mut p = policy(name);
        p["metadata"]["labels"] = labels;
        assert_eq!(api.create(&p).code, 201);
    }
}

#[test]
fn label_and_field_selectors() {
    let server = TestServer::start_with(&["--no-status-writer"]);
    let api = Api::new(&server, "sel");
    seed(&api);
    let list = |q: &str| {
        let r = api.get(&format!("{}?{q}", Api::coll("default")));
        assert_eq!(r.code, 200, "{q}: {}", r.text);
        names(&r.body)
    };
    assert_eq!(list("labelSelector=app%3Dweb"), ["a", "c"]);
    assert_eq!(list("labelSelector=app%21%3Dweb"), ["b", "d"]);
    assert_eq!(list("labelSelector=app%20in%20(api,web),tier"), ["a", "c"]);
    assert_eq!(list("labelSelector=app%20notin%20(web)"), ["b", "d"]);
    assert_eq!(list("labelSelector=%21tier"), ["b", "d"]);
    assert_eq!(list("fieldSelector=metadata.name%3Db"), ["b"]);
    assert_eq!(
        list("fieldSelector=metadata.name%21%3Db,metadata.namespace%3Ddefault"),
        ["a", "c", "d"]
    );
    let bad = api.get(&format!(
        "{}?fieldSelector=spec.x%3D1",
        Api::coll("default")
    ));
    assert_eq!(bad.code, 400);
    assert_eq!(bad.body["reason"], "BadRequest");
    let bad = api.get(&format!(
        "{}?labelSelector=app%20in%20web",
        Api::coll("default")
    ));
    assert_eq!(bad.code, 400);
}

#[test]
fn paging_with_limit_and_continue() {
    let server = TestServer::start_with(&["--no-status-writer"]);
    let api = Api::new(&server, "pages");
    for i in 0..7 {
        assert_eq!(api.create(&policy(&format!("p{i}"))).code, 201);
    }
    let mut seen = Vec::new();
    let mut token = String::new();
    let mut pages = 0;
    loop {
        let q = if token.is_empty() {
            "limit=3".to_string()
        } else {
            format!("limit=3&continue={token}")
        };
        let r = api.get(&format!("{}?{q}", Api::coll("default")));
        assert_eq!(r.code, 200, "{}", r.text);
        pages += 1;
        seen.extend(names(&r.body));
        match r.body["metadata"]["continue"].as_str() {
            Some(t) => {
                assert!(r.body["metadata"]["remainingItemCount"].as_u64().is_some());
                token = t.to_string();
            }
            None => break,
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(seen, ["p0", "p1", "p2", "p3", "p4", "p5", "p6"]);
    let bad = api.get(&format!(
        "{}?limit=2&continue=garbage",
        Api::coll("default")
    ));
    assert_eq!(bad.code, 400);
}

#[test]
fn all_namespaces_and_projects_are_isolated() {
    let server = TestServer::start_with(&["--no-status-writer"]);
    let one = Api::new(&server, "one");
    let two = Api::new(&server, "two");
    let p = common::Policy::new("x")
        .namespace("team-b")
        .target("HTTPRoute", "x-route")
        .retries(3)
        .json();
    assert_eq!(one.create(&p).code, 201);
    assert_eq!(one.create(&policy("y")).code, 201);
    let all = one.get(&format!("{GV}/backendtrafficpolicies"));
    assert_eq!(names(&all.body), ["y", "x"], "default sorts before team-b");
    assert_eq!(names(&one.get(&Api::coll("team-b")).body), ["x"]);
    assert!(names(&two.get(&format!("{GV}/backendtrafficpolicies")).body).is_empty());
    assert_eq!(two.get(&Api::item("default", "y")).code, 404);
    // The same name in another project is a different object.
    assert_eq!(two.create(&policy("y")).code, 201);
}

#[test]
fn watch_replays_state_then_follows_commits() {
    let server = TestServer::start_with(&["--no-status-writer"]);
    let api = Api::new(&server, "watch");
    assert_eq!(api.create(&policy("a")).code, 201);
    let (code, mut lines) = api.watch("timeoutSeconds=10");
    assert_eq!(code, 200);
    let first = next_event(&mut *lines);
    assert_eq!(first["type"], "ADDED");
    assert_eq!(first["object"]["metadata"]["name"], "a");
    assert_eq!(api.create(&policy("b")).code, 201);
    let patched = api.patch(
        &Api::item("default", "a"),
        "application/merge-patch+json",
        r#"{"spec":{"retry":{"numRetries":4}}}"#,
    );
    assert_eq!(patched.code, 200);
    assert_eq!(
        api.send("DELETE", &Api::item("default", "b"), &[], None)
            .code,
        200
    );
    let kinds: Vec<(String, String)> = (0..3)
        .map(|_| {
            let e = next_event(&mut *lines);
            (
                e["type"].as_str().unwrap_or("").to_string(),
                e["object"]["metadata"]["name"]
                    .as_str()
                    .unwrap_or("")
                    .to_string(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("ADDED".into(), "b".into()),
            ("MODIFIED".into(), "a".into()),
            ("DELETED".into(), "b".into())
        ]
    );
}

#[test]
fn watch_resumes_from_a_resource_version_and_410_when_too_old() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut server = TestServer::start_in(dir.path(), &["--no-status-writer"]);
    let api = Api::new(&server, "resume");
    let a = api.create(&policy("a")).body;
    let rv_a = a["metadata"]["resourceVersion"]
        .as_str()
        .expect("rv")
        .to_string();
    assert_eq!(api.create(&policy("b")).code, 201);
    assert_eq!(api.create(&policy("c")).code, 201);
    let (code, mut lines) = api.watch(&format!("resourceVersion={rv_a}&timeoutSeconds=10"));
    assert_eq!(code, 200);
    let b = next_event(&mut *lines);
    let c = next_event(&mut *lines);
    assert_eq!(
        (b["type"].as_str(), b["object"]["metadata"]["name"].as_str()),
        (Some("ADDED"), Some("b"))
    );
    assert_eq!(c["object"]["metadata"]["name"], "c");
    drop(lines);

    // After a restart the history is gone: resuming from before it is 410 Gone (Expired).
    server.kill();
    let server = TestServer::start_in(dir.path(), &["--no-status-writer"]);
    let api = Api::new(&server, "resume");
    let r = api.get(&format!(
        "{}?watch=true&resourceVersion={rv_a}",
        Api::coll("default")
    ));
    assert_eq!(r.code, 410, "{}", r.text);
    assert_eq!(r.body["reason"], "Expired");
    assert!(
        r.body["message"]
            .as_str()
            .expect("m")
            .starts_with(&format!("too old resource version: {rv_a} ("))
    );
}

#[test]
fn bookmarks_when_asked() {
    let server = TestServer::start_with(&["--no-status-writer"]);
    let api = Api::new(&server, "bm");
    let created = api.create(&policy("a")).body;
    let rv = created["metadata"]["resourceVersion"]
        .as_str()
        .expect("rv")
        .to_string();
    let (_, mut lines) = api.watch(&format!(
        "resourceVersion={rv}&allowWatchBookmarks=true&timeoutSeconds=5"
    ));
    let e = next_event(&mut *lines);
    assert_eq!(e["type"], "BOOKMARK");
    assert_eq!(e["object"]["kind"], "BackendTrafficPolicy");
    assert_eq!(e["object"]["metadata"]["resourceVersion"], rv.as_str());
}

#[test]
fn watch_list_sends_state_then_an_initial_events_end_bookmark() {
    let server = TestServer::start_with(&["--no-status-writer"]);
    let api = Api::new(&server, "wl");
    assert_eq!(api.create(&policy("a")).code, 201);
    assert_eq!(api.create(&policy("b")).code, 201);
    let (_, mut lines) = api.watch(
        "sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true&timeoutSeconds=5",
    );
    let a = next_event(&mut *lines);
    let b = next_event(&mut *lines);
    assert_eq!(
        (a["type"].as_str(), b["type"].as_str()),
        (Some("ADDED"), Some("ADDED"))
    );
    let end = next_event(&mut *lines);
    assert_eq!(end["type"], "BOOKMARK");
    assert_eq!(
        end["object"]["metadata"]["annotations"]["k8s.io/initial-events-end"],
        "true"
    );
    assert_eq!(
        end["object"]["metadata"]["resourceVersion"],
        b["object"]["metadata"]["resourceVersion"]
    );
}

#[test]
fn selector_watches_see_objects_enter_and_leave() {
    let server = TestServer::start_with(&["--no-status-writer"]);
    let api = Api::new(&server, "enter");
    let start = api.create(&policy("a")).body;
    let rv = start["metadata"]["resourceVersion"]
        .as_str()
        .expect("rv")
        .to_string();
    let (_, mut lines) = api.watch(&format!(
        "resourceVersion={rv}&labelSelector=team%3Dedge&timeoutSeconds=10"
    ));
    let label = |value: &str| {
        let body = format!(r#"{{"metadata":{{"labels":{{"team":"{value}"}}}}}}"#);
        let r = api.patch(
            &Api::item("default", "a"),
            "application/merge-patch+json",
            &body,
        );
        assert_eq!(r.code, 200, "{}", r.text);
    };
    label("edge");
    // A patch that changes nothing stores nothing and sends no event.
    label("edge");
    let r = api.patch(
        &Api::item("default", "a"),
        "application/merge-patch+json",
        r#"{"spec":{"retry":{"numRetries":4}}}"#,
    );
    assert_eq!(r.code, 200);
    label("core");
    let kinds: Vec<String> = (0..3)
        .map(|_| {
            next_event(&mut *lines)["type"]
                .as_str()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    assert_eq!(kinds, ["ADDED", "MODIFIED", "DELETED"]);
}
