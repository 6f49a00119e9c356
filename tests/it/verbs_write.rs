//! create, replace, patch, label and annotate: the real kubectl 1.37 and datumctl side by side
//! against one `datumctl serve`, each on its own objects; the same stdout, stderr and exit code.

use crate::verbs_support;

use verbs_support::SideBySide;

/// Creates `@name` for both tools (through kubectl's and datumctl's create, compared).
fn created(s: &SideBySide, name: &str, retries: i64) {
    let seen = s.same(&["create", "-f", &s.policy_file(name, name, retries)]);
    assert_eq!(
        seen.stdout,
        format!("backendtrafficpolicy.gateway.envoyproxy.io/k-{name} created")
    );
}

/// A fresh side-by-side with `@name` created (`None`: no kubectl here, the test is skipped).
fn with_policy(name: &str, retries: i64) -> Option<SideBySide> {
    let s = SideBySide::start(&[])?;
    created(&s, name, retries);
    Some(s)
}

#[test]
fn create_as_kubectl_creates() {
    let Some(s) = SideBySide::start(&[]) else {
        return;
    };
    let file = s.policy_file("c", "c", 3);
    let dry = s.same(&["create", "-f", &file, "--dry-run=client"]);
    assert!(dry.stdout.ends_with("created (dry run)"), "{dry:?}");
    let dry = s.same(&["create", "-f", &file, "--dry-run=server"]);
    assert!(dry.stdout.ends_with("created (server dry run)"), "{dry:?}");
    s.same(&["create", "-f", &file, "--dry-run=server", "-o", "name"]);
    s.same(&["create", "-f", &file]);
    // Exists now: kubectl's AlreadyExists line naming the file, exit 1.
    let again = s.same(&["create", "-f", &file]);
    assert!(again.stderr.contains("already exists"), "{again:?}");
    assert_eq!(again.code, 1);
    // Invalid: refused (by the same validator, here or at the server) in the server's words.
    let bad = s.same(&["create", "-f", &s.policy_file("bad", "bad", -1)]);
    assert!(
        bad.stderr
            .starts_with("The BackendTrafficPolicy \"k-bad\" is invalid: spec.retry.numRetries"),
        "{bad:?}"
    );
    s.same(&["create", "-f", &s.policy_file("y", "y", 2), "-o", "yaml"]);
    // --validate=false and warn leave the verdict to the server, as kubectl's do.
    for mode in ["--validate=false", "--validate=warn"] {
        let bad = s.same(&["create", "-f", &s.policy_file("bad", "bad", -1), mode]);
        assert_eq!(bad.code, 1, "{bad:?}");
    }
    let typo = "@typo.yaml";
    s.write_both(
        typo,
        &SideBySide::policy_text("typo", 1).replace("  retry:", "  retyr: {}\n  retry:"),
    );
    let strict = s.same(&["create", "-f", &s.path(typo)]);
    assert!(strict.stderr.contains("unknown field"), "{strict:?}");
    let warned = s.same(&["create", "-f", &s.path(typo), "--validate=warn"]);
    assert!(warned.stderr.contains("unknown field"), "{warned:?}");
    s.same(&["delete", "-f", &s.path(typo)]);
    s.same(&["create", "-f", &s.path(typo), "--validate=false"]);
    s.same_usage_error(&["create"]);
}

#[test]
fn replace_and_replace_force() {
    let Some(s) = with_policy("r", 3) else {
        return;
    };
    let file = s.policy_file("r2", "r", 4);
    s.same(&["replace", "-f", &file, "--dry-run=client"]);
    s.same(&["replace", "-f", &file, "--dry-run=server"]);
    let replaced = s.same(&["replace", "-f", &file]);
    assert_eq!(
        replaced.stdout,
        "backendtrafficpolicy.gateway.envoyproxy.io/k-r replaced"
    );
    s.same(&["replace", "-f", &file, "-o", "name"]);
    let forced = s.same(&["replace", "--force", "-f", &file]);
    assert_eq!(
        forced.stdout,
        "backendtrafficpolicy.gateway.envoyproxy.io \"k-r\" deleted from default namespace\nbackendtrafficpolicy.gateway.envoyproxy.io/k-r replaced"
    );
    // Missing: NotFound naming the file; with --force it is simply created.
    let gone = s.policy_file("gone", "gone", 1);
    let missing = s.same(&["replace", "-f", &gone]);
    assert_eq!(missing.code, 1);
    s.same(&["replace", "--force", "-f", &gone]);
    // Invalid replacement of an existing object.
    let bad = s.same(&["replace", "-f", &s.policy_file("rbad", "r", -2)]);
    assert!(bad.stderr.contains("is invalid"), "{bad:?}");
    s.same_usage_error(&["replace", "--force", "--dry-run=server", "-f", &file]);
    s.same_usage_error(&["replace"]);
}

#[test]
fn patch_merge_json_and_refusals() {
    let Some(s) = with_policy("p", 3) else {
        return;
    };
    let merge = r#"{"spec":{"retry":{"numRetries":5}}}"#;
    let seen = s.same(&["patch", "btp", "@p", "--type", "merge", "-p", merge]);
    assert_eq!(
        seen.stdout,
        "backendtrafficpolicy.gateway.envoyproxy.io/k-p patched"
    );
    let seen = s.same(&["patch", "btp", "@p", "--type", "merge", "-p", merge]);
    assert_eq!(
        seen.stdout,
        "backendtrafficpolicy.gateway.envoyproxy.io/k-p patched (no change)"
    );
    s.same(&[
        "patch",
        "btp/@p",
        "--type=json",
        "-p",
        r#"[{"op":"replace","path":"/spec/retry/numRetries","value":6}]"#,
    ]);
    let seven = r#"{"spec":{"retry":{"numRetries":7}}}"#;
    for dry_run in [
        &["--dry-run=client"][..],
        &["--dry-run=server", "-o", "name"],
    ] {
        let patch = ["patch", "btp/@p", "--type", "merge", "-p", seven];
        s.same(&[&patch[..], dry_run].concat());
    }
    s.same(&[
        "patch",
        "btp/@p",
        "--type",
        "merge",
        "-p",
        "spec: {retry: {numRetries: 8}}",
        "-o",
        "json",
    ]);
    std::fs::write(
        s.path("patch.json"),
        r#"{"spec":{"retry":{"numRetries":9}}}"#,
    )
    .expect("patch file");
    s.same(&[
        "patch",
        "btp",
        "@p",
        "--type",
        "merge",
        "--patch-file",
        &s.path("patch.json"),
    ]);
    // Refusals: invalid result, strategic on a custom resource, a bad JSON patch, missing object.
    let invalid = s.same(&[
        "patch",
        "btp",
        "@p",
        "--type",
        "merge",
        "-p",
        r#"{"spec":{"retry":{"numRetries":-1}}}"#,
    ]);
    assert!(
        invalid
            .stderr
            .starts_with("The BackendTrafficPolicy \"k-p\" is invalid"),
        "{invalid:?}"
    );
    let strategic = s.same(&["patch", "btp", "@p", "-p", merge]);
    assert!(
        strategic
            .stderr
            .starts_with("error: application/strategic-merge-patch+json is not supported"),
        "{strategic:?}"
    );
    s.same(&[
        "patch",
        "btp",
        "@p",
        "--type",
        "json",
        "-p",
        r#"[{"op":"replace","path":"/spec/nothere/x","value":6}]"#,
    ]);
    s.same(&["patch", "btp", "@nope", "--type", "merge", "-p", "{}"]);
    s.same_usage_error(&["patch", "btp", "@p", "--type", "merge"]);
    s.same_usage_error(&["patch", "btp", "@p", "--type", "xml", "-p", "{}"]);
    s.same_usage_error(&[
        "patch",
        "btp",
        "@p",
        "--type",
        "merge",
        "-p",
        "{}",
        "--patch-file",
        &s.path("patch.json"),
    ]);
}

#[test]
fn label_and_annotate_as_kubectl() {
    let Some(s) = with_policy("l", 3) else {
        return;
    };
    let cases: &[&[&str]] = &[
        &["label", "btp", "@l", "team=edge"],
        &["label", "btp", "@l", "team=core"],
        &["label", "btp", "@l", "team=core", "--overwrite"],
        &["label", "btp", "@l", "team=core", "--overwrite"],
        &["label", "btp", "@l", "missing-"],
        &["label", "btp", "@l", "--list"],
        &["label", "btp/@l", "tier=gold", "--dry-run=client"],
        &[
            "label",
            "btp/@l",
            "tier=gold",
            "--dry-run=server",
            "-o",
            "name",
        ],
        &["label", "btp/@l", "tier=gold", "-o", "yaml"],
        &["label", "btp", "@l", "tier-", "team=x", "--overwrite"],
        &["label", "btp", "@l", "team-"],
        &["label", "btp", "@l", "bad key=v"],
        &["label", "btp", "@l", "new=1", "--resource-version=1"],
        // No label changes: nothing is sent, so the stale version is never checked.
        &["label", "btp", "@l", "team-", "--resource-version=1"],
        &["annotate", "btp", "@l", "owner-", "--resource-version=1"],
        &["label", "btp", "@nope", "a=b"],
        &["annotate", "btp", "@l", "owner=platform"],
        &["annotate", "btp", "@l", "owner=other"],
        &["annotate", "btp", "@l", "owner=other", "--overwrite"],
        &["annotate", "btp", "@l", "--list"],
        &["annotate", "btp", "@l", "note=x", "--dry-run=client"],
        &["annotate", "btp", "@l", "note=x", "--dry-run=server"],
        &["annotate", "btp", "@l", "owner-", "-o", "json"],
    ];
    for args in cases {
        s.same(args);
    }
    // The listed label, then a pinned resource version that is current.
    let listed = s.same(&["label", "btp", "@l", "--list"]);
    assert_eq!(listed.stdout, "");
    for usage in [
        &["label", "btp", "@l"][..],
        &["label", "btp", "@l", "a=b=c"],
        &["label", "btp", "@l", "a=1", "a-"],
        &["label", "btp", "@l", "x=y", "btp"],
        &["label", "btp", "@l", "@m", "x=y", "--resource-version=3"],
        &["annotate", "btp", "@l"],
    ] {
        s.same_usage_error(usage);
    }
}

#[test]
fn label_every_policy_with_all_and_selector() {
    let Some(s) = SideBySide::start(&[]) else {
        return;
    };
    // Each tool labels a namespace of its own objects: kubectl first, on k- objects only.
    created(&s, "s1", 1);
    let (k, _) = s.both(&["label", "btp", "@s1", "own=@x"], &[]);
    assert_eq!(k.code, 0);
    // --all reaches both tools' objects; annotate says `annotated` either way.
    let all = s.same(&["annotate", "btp", "--all", "seen=1", "--overwrite"]);
    assert_eq!(all.stdout.lines().count(), 2, "{all:?}");
    s.same_usage_error(&["label", "btp", "--all", "-l", "a=b", "x=y"]);
    let seen = s.same(&["label", "btp", "-l", "own=@x", "sel=1"]);
    assert_eq!(
        seen.stdout,
        "backendtrafficpolicy.gateway.envoyproxy.io/k-s1 labeled"
    );
}

/// Two documents naming one object are applied in input order, as kubectl applies a batch one
/// object after the other (several at a time, the second once raced the first to create it).
#[test]
fn apply_of_one_object_twice_in_a_batch_goes_in_order() {
    let Some(s) = SideBySide::start(&[]) else {
        return;
    };
    let batch = [("twice", 1), ("other", 1), ("twice", 2)]
        .map(|(name, retries)| SideBySide::policy_text(name, retries))
        .join("---\n");
    s.write_both("@batch.yaml", &batch);
    let applied = s.same(&["apply", "-f", &s.path("@batch.yaml")]);
    assert_eq!(applied.code, 0, "{applied:?}");
    assert!(
        applied.stdout.ends_with("/k-twice configured"),
        "{applied:?}"
    );
    let again = s.same(&["apply", "-f", &s.path("@batch.yaml"), "--dry-run=server"]);
    assert_eq!(again.code, 0, "{again:?}");
}

/// `delete --force`: kubectl's warning, its `force deleted` line, and its refusal of a grace
/// period.
#[test]
fn delete_force_as_kubectl() {
    let Some(s) = with_policy("f", 1) else {
        return;
    };
    s.same_usage_error(&["delete", "btp", "@f", "--force", "--grace-period=5"]);
    s.same_usage_error(&["delete", "btp", "@f", "--force", "--now"]);
    let dry = s.same(&["delete", "btp", "@f", "--force", "--dry-run=server"]);
    assert!(
        dry.stdout
            .ends_with("force deleted from default namespace (server dry run)"),
        "{dry:?}"
    );
    let gone = s.same(&["delete", "btp", "@f", "--force", "--grace-period=0"]);
    assert!(
        gone.stderr.starts_with("Warning: Immediate deletion"),
        "{gone:?}"
    );
    created(&s, "f", 1);
    s.same(&["delete", "btp", "@f", "--force", "-o", "name"]);
}
