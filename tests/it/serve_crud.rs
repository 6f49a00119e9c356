//! CRUD with Kubernetes semantics against a real `datumctl serve`: create, get, update with
//! optimistic concurrency, patches, delete preconditions, dryRun, fieldValidation, Table
//! output, errors as Status objects, body limits. The status subresource is in serve_status.

use crate::common;
use crate::serve_support;

use common::TestServer;
use serde_json::json;
use serve_support::{Api, policy};

fn quiet_server() -> TestServer {
    // No status writer: resourceVersions move only when the test writes.
    TestServer::start_with(&["--no-status-writer"])
}

#[test]
fn create_get_and_already_exists() {
    let server = quiet_server();
    let api = Api::new(&server, "crud");
    let created = api.create(&policy("a"));
    assert_eq!(created.code, 201, "{}", created.text);
    let meta = &created.body["metadata"];
    assert_eq!(meta["generation"], 1);
    assert!(meta["uid"].as_str().is_some_and(|u| u.len() == 36));
    assert!(
        meta["creationTimestamp"]
            .as_str()
            .is_some_and(|t| t.ends_with('Z'))
    );
    assert_eq!(meta["managedFields"][0]["manager"], "ureq");

    let got = api.get(&Api::item("default", "a"));
    assert_eq!(got.code, 200);
    assert_eq!(
        got.body["metadata"]["resourceVersion"],
        meta["resourceVersion"]
    );

    let again = api.create(&policy("a"));
    assert_eq!(again.code, 409);
    assert_eq!(again.body["reason"], "AlreadyExists");
    assert_eq!(
        again.body["message"],
        "backendtrafficpolicies.gateway.envoyproxy.io \"a\" already exists"
    );

    let missing = api.get(&Api::item("default", "nope"));
    assert_eq!(missing.code, 404);
    assert_eq!(
        missing.body,
        json!({"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
               "message": "backendtrafficpolicies.gateway.envoyproxy.io \"nope\" not found",
               "reason": "NotFound",
               "details": {"name": "nope", "group": "gateway.envoyproxy.io", "kind": "backendtrafficpolicies"},
               "code": 404})
    );
}

#[test]
fn generate_name_and_resource_versions_from_one_counter() {
    let server = quiet_server();
    let api = Api::new(&server, "gen");
    let mut p = policy("");
    p["metadata"] = json!({"generateName": "auto-"});
    let first = api.create(&p);
    assert_eq!(first.code, 201, "{}", first.text);
    let name = first.body["metadata"]["name"].as_str().expect("name");
    assert!(name.starts_with("auto-") && name.len() == 10, "{name}");
    let second = api.create(&p);
    let rv = |r: &serve_support::Reply| {
        r.body["metadata"]["resourceVersion"]
            .as_str()
            .and_then(|v| v.parse::<u64>().ok())
            .expect("rv")
    };
    assert_eq!(rv(&second), rv(&first) + 1);
    // Another project shares the counter, not the objects.
    let other = Api::new(&server, "gen-other").create(&policy("x"));
    assert_eq!(rv(&other), rv(&second) + 1);
    let listed = api.get(&Api::coll("default"));
    assert_eq!(listed.body["items"].as_array().map(Vec::len), Some(2));
}

#[test]
fn update_conflicts_on_stale_resource_version_and_bumps_generation_on_spec_only() {
    let server = quiet_server();
    let api = Api::new(&server, "upd");
    let created = api.create(&policy("a")).body;
    let mut changed = created.clone();
    changed["spec"]["retry"]["numRetries"] = json!(5);
    let updated = api.json("PUT", &Api::item("default", "a"), &changed);
    assert_eq!(updated.code, 200, "{}", updated.text);
    assert_eq!(updated.body["metadata"]["generation"], 2);

    // The same stale body again: 409 Conflict in kube's words.
    let stale = api.json("PUT", &Api::item("default", "a"), &changed);
    assert_eq!(stale.code, 409);
    assert_eq!(stale.body["reason"], "Conflict");
    assert_eq!(
        stale.body["message"],
        "Operation cannot be fulfilled on backendtrafficpolicies.gateway.envoyproxy.io \"a\": the object has been modified; please apply your changes to the latest version and try again"
    );

    // A label change is not a spec change.
    let mut labelled = updated.body.clone();
    labelled["metadata"]["labels"] = json!({"team": "edge"});
    let relabelled = api.json("PUT", &Api::item("default", "a"), &labelled);
    assert_eq!(relabelled.code, 200);
    assert_eq!(relabelled.body["metadata"]["generation"], 2);

    // No resourceVersion: CRs refuse unconditional updates.
    let mut blind = labelled.clone();
    blind["metadata"]
        .as_object_mut()
        .expect("meta")
        .remove("resourceVersion");
    let refused = api.json("PUT", &Api::item("default", "a"), &blind);
    assert_eq!(refused.code, 422, "{}", refused.text);
    assert_eq!(
        refused.body["details"]["causes"][0]["field"],
        "metadata.resourceVersion"
    );
    assert_eq!(
        api.json("PUT", &Api::item("default", "zz"), &blind).code,
        404
    );
}

#[test]
fn merge_and_json_patches() {
    let server = quiet_server();
    let api = Api::new(&server, "patch");
    let created = api.create(&policy("a")).body;
    let rv = created["metadata"]["resourceVersion"]
        .as_str()
        .expect("rv")
        .to_string();
    let merged = api.patch(
        &Api::item("default", "a"),
        "application/merge-patch+json",
        r#"{"spec":{"retry":{"numRetries":7}},"metadata":{"labels":{"x":"y"}}}"#,
    );
    assert_eq!(merged.code, 200, "{}", merged.text);
    assert_eq!(merged.body["spec"]["retry"]["numRetries"], 7);
    assert_eq!(merged.body["metadata"]["labels"]["x"], "y");

    // A merge patch carrying an old resourceVersion is a precondition.
    let stale = api.patch(
        &Api::item("default", "a"),
        "application/merge-patch+json",
        &format!(
            r#"{{"metadata":{{"resourceVersion":"{rv}"}},"spec":{{"retry":{{"numRetries":1}}}}}}"#
        ),
    );
    assert_eq!(stale.code, 409);

    let again = api.patch(
        &Api::item("default", "a"),
        "application/merge-patch+json",
        r#"{"spec":{"retry":{"numRetries":7}}}"#,
    );
    assert_eq!(
        again.body["metadata"]["resourceVersion"], merged.body["metadata"]["resourceVersion"],
        "a no-op patch stores nothing"
    );

    let jp = api.patch(
        &Api::item("default", "a"),
        "application/json-patch+json",
        r#"[{"op":"replace","path":"/spec/retry/numRetries","value":9},{"op":"remove","path":"/metadata/labels/x"}]"#,
    );
    assert_eq!(jp.code, 200, "{}", jp.text);
    assert_eq!(jp.body["spec"]["retry"]["numRetries"], 9);
    let failed = api.patch(
        &Api::item("default", "a"),
        "application/json-patch+json",
        r#"[{"op":"test","path":"/spec/retry/numRetries","value":1}]"#,
    );
    assert_eq!(failed.code, 422);
    let smp = api.patch(
        &Api::item("default", "a"),
        "application/strategic-merge-patch+json",
        "{}",
    );
    assert_eq!(smp.code, 415);
    let broken = api.patch(
        &Api::item("default", "a"),
        "application/merge-patch+json",
        "{not json",
    );
    assert_eq!(broken.code, 400);
    assert_eq!(broken.body["reason"], "BadRequest");
    let absent = api.patch(
        &Api::item("default", "nope"),
        "application/merge-patch+json",
        "{}",
    );
    assert_eq!(absent.code, 404);
}

#[test]
fn invalid_objects_get_422_with_causes_from_the_shared_validator() {
    let server = quiet_server();
    let api = Api::new(&server, "invalid");
    let mut bad = policy("bad");
    bad["spec"]["loadBalancer"] = json!({"type": "Bogus"});
    let r = api.create(&bad);
    assert_eq!(r.code, 422, "{}", r.text);
    assert_eq!(r.body["reason"], "Invalid");
    let message = r.body["message"].as_str().expect("message");
    assert!(
        message.starts_with("BackendTrafficPolicy.gateway.envoyproxy.io \"bad\" is invalid: "),
        "{message}"
    );
    assert!(
        message.contains("spec.loadBalancer.type: Unsupported value: \"Bogus\""),
        "{message}"
    );
    let cause = &r.body["details"]["causes"][0];
    assert_eq!(cause["field"], "spec.loadBalancer.type");
    assert_eq!(cause["reason"], "FieldValueNotSupported");
    assert_eq!(r.body["details"]["kind"], "BackendTrafficPolicy");

    // A CEL rule: ConsistentHash needs its settings.
    let mut cel = policy("cel");
    cel["spec"]["loadBalancer"] = json!({"type": "ConsistentHash"});
    let r = api.create(&cel);
    assert_eq!(r.code, 422, "{}", r.text);
    assert!(
        r.body["message"]
            .as_str()
            .expect("m")
            .contains("consistentHash field needs to be set")
    );
    assert_eq!(api.get(&Api::item("default", "cel")).code, 404);

    let mut named = policy("Bad_Name");
    named["metadata"]["name"] = json!("Bad_Name");
    assert_eq!(api.create(&named).code, 422);
}

#[test]
fn field_validation_strict_warn_ignore() {
    let server = quiet_server();
    let api = Api::new(&server, "fv");
    let mut p = policy("a");
    p["spec"]["bogus"] = json!(1);
    let strict = api.json(
        "POST",
        &format!("{}?fieldValidation=Strict", Api::coll("default")),
        &p,
    );
    assert_eq!(strict.code, 400);
    assert_eq!(
        strict.body["message"],
        "BackendTrafficPolicy in version \"v1alpha1\" cannot be handled as a BackendTrafficPolicy: strict decoding error: unknown field \"spec.bogus\""
    );
    let warn = api.json(
        "POST",
        &format!("{}?fieldValidation=Warn", Api::coll("default")),
        &p,
    );
    assert_eq!(warn.code, 201);
    assert_eq!(
        warn.header("warning"),
        ["299 - \"unknown field \\\"spec.bogus\\\"\""]
    );
    assert!(
        warn.body["spec"].get("bogus").is_none(),
        "unknown fields are pruned"
    );
    p["metadata"]["name"] = json!("b");
    let ignore = api.json(
        "POST",
        &format!("{}?fieldValidation=Ignore", Api::coll("default")),
        &p,
    );
    assert_eq!(ignore.code, 201);
    assert!(ignore.header("warning").is_empty());
}

#[test]
fn dry_run_writes_nothing() {
    let server = quiet_server();
    let api = Api::new(&server, "dry");
    let r = api.json(
        "POST",
        &format!("{}?dryRun=All", Api::coll("default")),
        &policy("a"),
    );
    assert_eq!(r.code, 201, "{}", r.text);
    assert_eq!(r.body["metadata"]["name"], "a");
    assert_eq!(api.get(&Api::item("default", "a")).code, 404);

    let created = api.create(&policy("a")).body;
    let p = api.patch(
        &format!("{}?dryRun=All", Api::item("default", "a")),
        "application/merge-patch+json",
        r#"{"spec":{"retry":{"numRetries":8}}}"#,
    );
    assert_eq!(p.body["spec"]["retry"]["numRetries"], 8);
    let now = api.get(&Api::item("default", "a")).body;
    assert_eq!(now["spec"]["retry"]["numRetries"], 3);
    assert_eq!(
        now["metadata"]["resourceVersion"],
        created["metadata"]["resourceVersion"]
    );
    let d = api.send(
        "DELETE",
        &format!("{}?dryRun=All", Api::item("default", "a")),
        &[],
        None,
    );
    assert_eq!(d.code, 200);
    assert_eq!(api.get(&Api::item("default", "a")).code, 200);
    assert_eq!(
        api.json(
            "POST",
            &format!("{}?dryRun=Some", Api::coll("default")),
            &policy("q")
        )
        .code,
        // ValidateCreateOptions: 422 on CreateOptions, as kube-apiserver answers.
        422
    );
}

#[test]
fn delete_with_preconditions_and_deletecollection() {
    let server = quiet_server();
    let api = Api::new(&server, "del");
    let a = api.create(&policy("a")).body;
    let wrong_uid = json!({"preconditions": {"uid": "00000000-0000-0000-0000-000000000000"}});
    let r = api.json("DELETE", &Api::item("default", "a"), &wrong_uid);
    assert_eq!(r.code, 409, "{}", r.text);
    assert!(
        r.body["message"]
            .as_str()
            .expect("m")
            .contains("Precondition failed: UID in precondition")
    );
    let stale_rv = json!({"preconditions": {"resourceVersion": "1"}});
    assert_eq!(
        api.json("DELETE", &Api::item("default", "a"), &stale_rv)
            .code,
        409
    );
    let right = json!({"preconditions": {"uid": a["metadata"]["uid"], "resourceVersion": a["metadata"]["resourceVersion"]}});
    let gone = api.json("DELETE", &Api::item("default", "a"), &right);
    assert_eq!(gone.code, 200, "{}", gone.text);
    assert_eq!(api.get(&Api::item("default", "a")).code, 404);
    assert_eq!(
        api.send("DELETE", &Api::item("default", "a"), &[], None)
            .code,
        404
    );

    for (name, tier) in [("b", "x"), ("c", "x"), ("d", "y")] {
        let mut p = policy(name);
        p["metadata"]["labels"] = json!({"tier": tier});
        assert_eq!(api.create(&p).code, 201);
    }
    let dc = api.send(
        "DELETE",
        &format!("{}?labelSelector=tier%3Dx", Api::coll("default")),
        &[],
        None,
    );
    assert_eq!(dc.code, 200, "{}", dc.text);
    assert_eq!(dc.body["items"].as_array().map(Vec::len), Some(2));
    let left = api.get(&Api::coll("default")).body;
    assert_eq!(left["items"][0]["metadata"]["name"], "d");
}

#[test]
fn table_output_for_list_and_get() {
    let server = quiet_server();
    let api = Api::new(&server, "table");
    api.create(&policy("a"));
    let accept = [(
        "Accept",
        "application/json;as=Table;v=v1;g=meta.k8s.io,application/json",
    )];
    let t = api.send("GET", &Api::coll("default"), &accept, None);
    assert_eq!(t.code, 200);
    assert_eq!(t.body["kind"], "Table");
    assert_eq!(t.body["columnDefinitions"][0]["name"], "Name");
    assert_eq!(t.body["columnDefinitions"][1]["name"], "Age");
    assert_eq!(t.body["rows"][0]["cells"][0], "a");
    assert!(
        t.body["rows"][0]["cells"][1]
            .as_str()
            .is_some_and(|a| a.ends_with('s'))
    );
    assert_eq!(t.body["rows"][0]["object"]["kind"], "PartialObjectMetadata");
    let one = api.send("GET", &Api::item("default", "a"), &accept, None);
    assert_eq!(one.body["rows"].as_array().map(Vec::len), Some(1));
}

#[test]
fn bodies_over_3_mib_get_413_and_garbage_400() {
    let server = quiet_server();
    let api = Api::new(&server, "limits");
    let big = vec![b' '; 3 * 1024 * 1024 + 1];
    let r = api.send(
        "POST",
        &Api::coll("default"),
        &[("Content-Type", "application/json")],
        Some(&big),
    );
    assert_eq!(r.code, 413);
    assert_eq!(r.body["reason"], "RequestEntityTooLarge");
    let r = api.send(
        "POST",
        &Api::coll("default"),
        &[("Content-Type", "application/json")],
        Some(b"{\"apiVersion\": "),
    );
    assert_eq!(r.code, 400);
    let r = api.send(
        "POST",
        &Api::coll("default"),
        &[("Content-Type", "application/json")],
        Some(b"[1,2]"),
    );
    assert_eq!(r.code, 400);
    let r = api.json(
        "POST",
        &Api::coll("default"),
        &json!({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "x"}}),
    );
    assert_eq!(r.code, 400);
    let yaml = "apiVersion: gateway.envoyproxy.io/v1alpha1\nkind: BackendTrafficPolicy\nmetadata:\n  name: from-yaml\nspec:\n  targetRefs:\n  - {group: gateway.networking.k8s.io, kind: Gateway, name: g}\n";
    let r = api.send(
        "POST",
        &Api::coll("default"),
        &[("Content-Type", "application/yaml")],
        Some(yaml.as_bytes()),
    );
    assert_eq!(r.code, 201, "{}", r.text);
    let r = api.send(
        "POST",
        &Api::coll("default"),
        &[("Content-Type", "application/vnd.kubernetes.protobuf")],
        Some(b"\x00"),
    );
    assert_eq!(r.code, 415);
    // The server is still fine.
    assert_eq!(api.create(&policy("ok")).code, 201);
}

#[test]
fn discovery_and_openapi() {
    let server = quiet_server();
    let api = Api::new(&server, "disc");
    let agg = api.send(
        "GET",
        "/apis",
        &[(
            "Accept",
            "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json",
        )],
        None,
    );
    assert_eq!(agg.code, 200);
    assert!(agg.header("content-type")[0].contains("as=APIGroupDiscoveryList"));
    let res = &agg.body["items"][0]["versions"][0]["resources"][0];
    assert_eq!(res["resource"], "backendtrafficpolicies");
    assert_eq!(res["shortNames"], json!(["btp"]));
    let legacy = api.get("/apis");
    assert_eq!(legacy.body["kind"], "APIGroupList");
    let list = api.get("/apis/gateway.envoyproxy.io/v1alpha1");
    assert_eq!(list.body["resources"][0]["namespaced"], true);
    assert_eq!(
        list.body["resources"][1]["name"],
        "backendtrafficpolicies/status"
    );
    assert_eq!(api.get("/version").body["major"], "1");
    let index = api.get("/openapi/v3");
    let url = index.body["paths"]["apis/gateway.envoyproxy.io/v1alpha1"]["serverRelativeURL"]
        .as_str()
        .expect("url")
        .to_string();
    assert!(url.contains("?hash="));
    let doc = api.get(&url);
    assert_eq!(doc.code, 200);
    assert!(
        doc.body["components"]["schemas"]["io.envoyproxy.gateway.v1alpha1.BackendTrafficPolicy"]
            .is_object()
    );
    assert_eq!(api.get("/openapi/v2").code, 404);
    assert_eq!(api.get("/apis/other.io/v1").code, 404);
    let bad_project = Api::new(&server, "Not_A_Label").get(&Api::coll("default"));
    assert_eq!(bad_project.code, 404);
}

#[test]
fn hostile_patches_are_refused_not_crashed_on() {
    let server = quiet_server();
    let api = Api::new(&server, "hostile");
    assert_eq!(api.create(&policy("a")).code, 201);
    let item = Api::item("default", "a");
    let deep_flow = "[".repeat(1_000_000);
    let deep_block: String = (0..2000)
        .map(|i| format!("{}k{i}:\n", " ".repeat(i)))
        .collect();
    for (content_type, body) in [
        ("application/merge-patch+json", r#""just a string""#),
        ("application/merge-patch+json", r#"[1, 2]"#),
        ("application/merge-patch+json", r#"{"metadata": "x"}"#),
        ("application/merge-patch+json", r#"{"apiVersion": null}"#),
        (
            "application/json-patch+json",
            r#"[{"op": "replace", "path": "", "value": 5}]"#,
        ),
        (
            "application/json-patch+json",
            r#"[{"op": "add", "path": "/metadata", "value": []}]"#,
        ),
        ("application/json-patch+json", r#"{"op": "add"}"#),
        (
            "application/json-patch+json",
            r#"[{"op": "move", "from": "/spec", "path": "/spec/x"}]"#,
        ),
        ("application/apply-patch+yaml", "metadata: 5\n"),
        ("application/apply-patch+yaml", "- a\n- b\n"),
        ("application/apply-patch+yaml", "a: &x 1\nb: *x\n"),
        ("application/apply-patch+yaml", deep_flow.as_str()),
        ("application/apply-patch+yaml", deep_block.as_str()),
        ("application/merge-patch+json", deep_flow.as_str()),
    ] {
        let r = api.patch(&format!("{item}?fieldManager=m"), content_type, body);
        assert!(
            (400..500).contains(&r.code),
            "{content_type} {body}: {} {}",
            r.code,
            r.text
        );
        assert_eq!(r.body["kind"], "Status", "{body}");
    }
    let put = api.json("PUT", &item, &json!({"apiVersion": "gateway.envoyproxy.io/v1alpha1", "kind": "BackendTrafficPolicy", "metadata": 7}));
    assert!((400..500).contains(&put.code), "{}", put.text);
    let still = api.get(&item);
    assert_eq!(still.code, 200);
    assert_eq!(still.body["spec"]["retry"]["numRetries"], 3);
}

#[test]
fn reapplying_a_file_whose_lists_get_defaults_writes_nothing() {
    let server = quiet_server();
    let home = tempfile::tempdir().expect("home");
    let file =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/global-rate-limit.yaml");
    let apply = || {
        let out = common::datumctl(home.path())
            .args(["apply", "-f"])
            .arg(&file)
            .args(["--server", &server.url, "--project", "noop"])
            .output()
            .expect("apply");
        assert!(out.status.success(), "{}", common::err(&out));
        common::out(&out)
    };
    assert!(apply().ends_with("created\n"));
    let api = Api::new(&server, "noop");
    let first = api.get(&Api::item("default", "public-api-quota")).body;
    // The patch spells the lists out again, so kubectl (and datumctl) say `configured`; what
    // matters is that the server writes nothing.
    for _ in 0..2 {
        assert_eq!(
            apply(),
            "backendtrafficpolicy.gateway.envoyproxy.io/public-api-quota configured\n"
        );
    }
    let now = api.get(&Api::item("default", "public-api-quota")).body;
    assert_eq!(
        now["metadata"]["resourceVersion"],
        first["metadata"]["resourceVersion"]
    );
    assert_eq!(now["metadata"]["generation"], 1);
    // Spelling out a default by merge patch changes nothing either.
    let patched = api.patch(
        &Api::item("default", "public-api-quota"),
        "application/merge-patch+json",
        r#"{"spec":{"rateLimit":{"global":{"rules":[{"clientSelectors":[{"headers":[{"name":"x-api-key","type":"Distinct","invert":false}]}],"limit":{"requests":100,"unit":"Minute"}},{"clientSelectors":[{"headers":[{"name":"x-api-key","type":"Distinct"}],"path":{"type":"PathPrefix","value":"/search"}}],"limit":{"requests":20,"unit":"Minute"}}]}}}}"#,
    );
    assert_eq!(patched.code, 200, "{}", patched.text);
    assert_eq!(
        patched.body["metadata"]["resourceVersion"],
        first["metadata"]["resourceVersion"]
    );
    assert_eq!(patched.body["metadata"]["generation"], 1);
}
