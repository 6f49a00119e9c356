//! api-resources, api-versions, version, auth can-i, explain --api-version and delete's
//! --wait/--now/--grace-period, side by side with the real kubectl 1.37 against one
//! `datumctl serve` project: the same stdout, stderr and exit code.

use crate::common;
use crate::support_side_by_side;

use support_side_by_side::SideBySide;

#[test]
fn api_resources_matches_kubectl_for_every_flag() {
    let s = SideBySide::start();
    let table = s.same(&["api-resources"]);
    assert_eq!(
        table.out,
        "NAME                     SHORTNAMES   APIVERSION                       NAMESPACED   KIND\n\
         backendtrafficpolicies   btp          gateway.envoyproxy.io/v1alpha1   true         BackendTrafficPolicy\n"
    );
    for args in [
        &["api-resources", "-o", "wide"][..],
        &["api-resources", "-o", "name"],
        &["api-resources", "-o", "json"],
        &["api-resources", "-o", "yaml"],
        &["api-resources", "--no-headers"],
        &["api-resources", "-o", "wide", "--no-headers"],
        &["api-resources", "--namespaced=false"],
        &["api-resources", "--namespaced=true", "-o", "name"],
        &["api-resources", "--namespaced"],
        &["api-resources", "--api-group="],
        &["api-resources", "--api-group=gateway.envoyproxy.io"],
        &["api-resources", "--verbs=get,list"],
        &["api-resources", "--verbs=bogus"],
        &["api-resources", "--categories=envoy-gateway"],
        &["api-resources", "--sort-by=kind"],
        &["api-resources", "--sort-by=name", "-o", "wide"],
        &["api-resources", "--cached"],
        &["api-versions"],
    ] {
        s.same(args);
    }
    assert_eq!(
        s.same(&["api-resources", "-o", "name"]).out,
        "backendtrafficpolicies.gateway.envoyproxy.io\n"
    );
    assert_eq!(
        s.same(&["api-versions"]).out,
        "gateway.envoyproxy.io/v1alpha1\n"
    );
    let refused = s.same_but_usage_exit(&["api-resources", "--sort-by=bad"]);
    assert_eq!(refused.err, "error: --sort-by accepts only name or kind\n");
}

#[test]
fn api_resources_refuses_kyaml_and_unknown_formats() {
    let s = SideBySide::start();
    // kubectl also offers kyaml, which datumctl does not print: its list names one more format.
    let ours = s.datumctl(&["api-resources", "-o", "foo"]);
    assert_eq!(ours.code, 2);
    assert_eq!(
        ours.err,
        "error: unable to match a printer suitable for the output format \"foo\", allowed formats are: json,name,wide,yaml\n"
    );
}

#[test]
fn version_reports_the_servers_version_as_kubectl_does() {
    let s = SideBySide::start();
    let ours = s.datumctl(&["version"]);
    assert_eq!(ours.code, 0, "{ours:?}");
    let client_line = format!("Client Version: v{}\n", env!("CARGO_PKG_VERSION"));
    let server_line = format!(
        "Server Version: v1.37.0+datumctl-{}\n",
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(ours.out, format!("{client_line}{server_line}"));
    assert_eq!(s.datumctl(&["version", "--client"]).out, client_line);
    let json: serde_json::Value =
        serde_json::from_str(&s.datumctl(&["version", "-o", "json"]).out).expect("json");
    assert_eq!(
        json["clientVersion"]["gitVersion"],
        format!("v{}", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(json["serverVersion"]["major"], "1");
    assert_eq!(json["serverVersion"]["minor"], "37");
    let yaml = s.datumctl(&["version", "-o", "yaml"]).out;
    assert!(
        yaml.ends_with("\n\n") && yaml.contains("serverVersion:\n"),
        "{yaml}"
    );
    let bad = s.datumctl(&["version", "-o", "xml"]);
    assert_eq!(
        (bad.code, bad.err.as_str()),
        (2, "error: --output must be 'yaml' or 'json'\n")
    );
    let Some(theirs) = s.kubectl(&["version"]) else {
        return;
    };
    // kubectl's own client version and its Kustomize line are its own; the server's is shared.
    assert!(theirs.out.ends_with(&server_line), "{theirs:?}");
    for format in ["json", "yaml"] {
        let theirs = s.kubectl(&["version", "-o", format]).expect("kubectl");
        let ours = s.datumctl(&["version", "-o", format]);
        let server_part = |text: &str| {
            text.split_once("serverVersion")
                .map(|(_, rest)| rest.to_string())
                .unwrap_or_default()
        };
        assert_eq!(server_part(&ours.out), server_part(&theirs.out), "{format}");
        assert!(!server_part(&ours.out).is_empty());
    }
}

#[test]
fn version_without_a_server_prints_the_client_alone() {
    let home = tempfile::tempdir().expect("home");
    let o = common::datumctl(home.path())
        .arg("version")
        .output()
        .expect("run");
    assert_eq!(common::code(&o), 0, "{}", common::err(&o));
    assert_eq!(
        common::out(&o),
        format!("Client Version: v{}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn auth_can_i_answers_as_kubectl_from_the_servers_review() {
    let s = SideBySide::start();
    for (args, answer, code) in [
        (&["auth", "can-i", "get", "btp"][..], "yes\n", 0),
        (
            &[
                "auth",
                "can-i",
                "create",
                "backendtrafficpolicies.gateway.envoyproxy.io",
            ],
            "yes\n",
            0,
        ),
        (&["auth", "can-i", "delete", "btp/some-name"], "yes\n", 0),
        (
            &["auth", "can-i", "get", "btp.v1alpha1.gateway.envoyproxy.io"],
            "yes\n",
            0,
        ),
        (
            &["auth", "can-i", "update", "btp", "--subresource=status"],
            "yes\n",
            0,
        ),
        (
            &["auth", "can-i", "update", "btp", "--subresource=scale"],
            "no\n",
            1,
        ),
        (&["auth", "can-i", "list", "btp", "-A"], "yes\n", 0),
        (&["auth", "can-i", "list", "btp", "--quiet"], "", 0),
        (&["auth", "can-i", "get", "pods"], "no\n", 1),
        (&["auth", "can-i", "get", "btp.apps"], "no\n", 1),
        (&["auth", "can-i", "bogus", "btp"], "yes\n", 0),
        (&["auth", "can-i", "get", "/version"], "yes\n", 0),
        (&["auth", "can-i", "post", "/version"], "no\n", 1),
        (&["auth", "can-i", "get", "/logs/"], "no\n", 1),
    ] {
        let a = s.same(args);
        assert_eq!((a.out.as_str(), a.code), (answer, code), "{args:?}: {a:?}");
    }
    assert_eq!(
        s.same(&["auth", "can-i", "get", "pods"]).err,
        "Warning: the server doesn't have a resource type 'pods'\n\n"
    );
    assert_eq!(
        s.same(&["auth", "can-i", "bogus", "btp"]).err,
        "Warning: verb 'bogus' is not a known verb\n\n"
    );
    let a = s.same_but_usage_exit(&["auth", "can-i", "get", "/version", "--subresource=x"]);
    assert_eq!(
        a.err,
        "error: --subresource can not be used with NonResourceURL\n"
    );
}

#[test]
fn auth_can_i_lists_the_grant_as_kubectl() {
    let s = SideBySide::start();
    let table = s.same(&["auth", "can-i", "--list"]);
    assert_eq!(table.code, 0, "{table:?}");
    let mut lines = table.out.lines();
    assert_eq!(
        lines
            .next()
            .map(|h| h.split_whitespace().collect::<Vec<_>>().join(" ")),
        Some("Resources Non-Resource URLs Resource Names Verbs".to_string())
    );
    assert!(
        table
            .out
            .contains("\nbackendtrafficpolicies.gateway.envoyproxy.io          []                  []               [*]\n"),
        "{}",
        table.out
    );
    s.same(&["auth", "can-i", "--list", "--no-headers"]);
    s.same(&["auth", "can-i", "--list", "-n", "other"]);
    for (args, why) in [
        (
            &["auth", "can-i", "--list", "get"][..],
            "list option must be specified with no arguments",
        ),
        (
            &["auth", "can-i", "--list", "-A"],
            "list option can't be specified with neither quiet, all-namespaces nor subresource options",
        ),
        (
            &["auth", "can-i", "get", "btp", "--no-headers"],
            "--no-headers cannot be set without --list specified",
        ),
    ] {
        assert_eq!(s.same_but_usage_exit(args).err, format!("error: {why}\n"));
    }
}

#[test]
fn auth_can_i_needs_a_verb_and_a_resource() {
    let s = SideBySide::start();
    for args in [
        &["auth", "can-i", "get"][..],
        &["auth", "can-i", "get", "btp", "x"],
    ] {
        let a = s.datumctl(args);
        assert_eq!(a.code, 2, "{args:?}");
        assert!(
            a.err.starts_with(
                "error: you must specify two arguments: verb resource or verb resource/resourceName.\n"
            ),
            "{a:?}"
        );
    }
}

#[test]
fn explain_api_version_names_the_one_served() {
    let s = SideBySide::start();
    let ok = s.datumctl(&[
        "explain",
        "btp.spec.retry",
        "--api-version=gateway.envoyproxy.io/v1alpha1",
    ]);
    assert_eq!(ok.code, 0, "{ok:?}");
    assert!(
        ok.out.starts_with("GROUP:      gateway.envoyproxy.io\n"),
        "{ok:?}"
    );
    for (gv, shown) in [
        ("gateway.envoyproxy.io/v1", "gateway.envoyproxy.io/v1"),
        ("v1", "/v1"),
    ] {
        let flag = format!("--api-version={gv}");
        let ours = s.datumctl(&["explain", "btp", &flag]);
        let line = format!(
            "error: couldn't find resource for \"{shown}, Resource=backendtrafficpolicies\"\n"
        );
        assert_eq!(ours.code, 1);
        assert!(ours.err.starts_with(&line), "{ours:?}");
        if let Some(theirs) = s.kubectl(&["explain", "btp", &flag]) {
            assert_eq!((theirs.code, theirs.err), (1, line));
        }
    }
}

#[test]
fn delete_waits_and_takes_kubectls_grace_flags() {
    let s = SideBySide::start();
    s.apply_examples(&["multi-document"]);
    for args in [
        &["delete", "btp", "nope", "--now"][..],
        &["delete", "btp", "nope", "--wait=false"],
        &[
            "delete",
            "btp",
            "catalog-read",
            "--grace-period=-5",
            "--dry-run=client",
        ],
        &["delete", "btp", "catalog-read", "--now", "--dry-run=server"],
    ] {
        s.same(args);
    }
    let both = s.same_but_usage_exit(&["delete", "btp", "nope", "--grace-period=5", "--now"]);
    assert_eq!(
        both.err,
        "error: --now and --grace-period cannot be specified together\n"
    );
    // Each tool deletes one object its own way; the answers differ only by the name.
    let ours = s.datumctl(&["delete", "btp", "catalog-read", "--now", "--wait"]);
    assert_eq!(
        ours.out,
        "backendtrafficpolicy.gateway.envoyproxy.io \"catalog-read\" deleted from default namespace\n"
    );
    assert_eq!((ours.code, ours.err.as_str()), (0, ""));
    assert_eq!(s.datumctl(&["get", "btp", "catalog-read"]).code, 1);
    if let Some(theirs) = s.kubectl(&["delete", "btp", "catalog-write", "--grace-period=3"]) {
        assert_eq!(
            theirs.out,
            "backendtrafficpolicy.gateway.envoyproxy.io \"catalog-write\" deleted from default namespace\n"
        );
    }
    // A bare --wait is true and leaves the next word to be a name, as kubectl's bool flags do.
    let waited = s.same(&["delete", "--wait", "btp", "nope"]);
    assert_eq!(waited.code, 1, "{waited:?}");
    let bad = s.datumctl(&["delete", "btp", "catalog-grpc", "--timeout=soon"]);
    assert_eq!(bad.code, 2, "{bad:?}");
}

#[test]
fn auth_can_i_follows_the_token_files_project_grants() {
    let dir = tempfile::tempdir().expect("tmp");
    let tokens = dir.path().join("tokens");
    std::fs::write(
        &tokens,
        "granted-token,side-by-side\nelsewhere-token,other-project\n",
    )
    .expect("tokens");
    let server = common::TestServer::start_with(&["--token-file", tokens.to_str().expect("utf8")]);
    let can_i = |token: &str| {
        common::datumctl(dir.path())
            .args([
                "--server",
                &server.url,
                "--project",
                "side-by-side",
                "--token",
                token,
            ])
            .args(["auth", "can-i", "create", "btp"])
            .output()
            .expect("run")
    };
    let granted = can_i("granted-token");
    assert_eq!(
        (common::code(&granted), common::out(&granted).as_str()),
        (0, "yes\n"),
        "{}",
        common::err(&granted)
    );
    // A token for another project is refused before any review, as every request is.
    let elsewhere = can_i("elsewhere-token");
    assert_eq!(common::code(&elsewhere), 3, "{}", common::err(&elsewhere));
    assert!(common::out(&elsewhere).is_empty());
    assert!(!common::err(&elsewhere).contains("elsewhere-token"));
}
