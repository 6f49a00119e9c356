//! `datumctl login --credentials key.json`: service-account keys for CI, exchanged with the
//! JWT-bearer grant (RFC 7523) at the loopback provider, which verifies each assertion.

use crate::login_provider;

use login_provider::flows::*;
use login_provider::{Provider, SA_CLIENT_ID, SA_KEY_ID, fixture};
use std::path::{Path, PathBuf};

const API: &str = "http://127.0.0.1:9";

/// A key file as an identity provider hands it out (test-only key).
fn key_file(dir: &Path, key_id: &str) -> PathBuf {
    let path = dir.join("robot-key.json");
    let doc = serde_json::json!({
        "type": "service_account",
        "client_id": SA_CLIENT_ID,
        "key_id": key_id,
        "private_key": fixture("TEST-ONLY-service-account-key.pem"),
    });
    std::fs::write(&path, doc.to_string()).expect("key file");
    path
}

#[test]
fn service_account_login_copies_the_key_and_re_mints_on_expiry() {
    let provider = Provider::start();
    let home = tempfile::tempdir().expect("tmp");
    let src = tempfile::tempdir().expect("tmp");
    let key = key_file(src.path(), SA_KEY_ID);
    let run = run(login_cmd(
        home.path(),
        &provider,
        API,
        &["--credentials", key.to_str().expect("utf8")],
    ))
    .ok();
    assert_eq!(
        run.stdout,
        format!("Logged in to {API} as {SA_CLIENT_ID} (context \"127.0.0.1:9\").\n")
    );
    provider.assert_no_violations();
    assert_eq!(provider.ledger().jwt_grants, 1);

    let config = read_config(home.path());
    let ctx = config.context("127.0.0.1:9").expect("context");
    let oidc = ctx.oidc.as_ref().expect("oidc");
    assert_eq!(oidc.client_id, SA_CLIENT_ID);
    assert_eq!(oidc.refresh_token, None, "service accounts re-mint instead");
    let copy = oidc.key_file.clone().expect("key file recorded");
    assert!(
        copy.starts_with(home.path().join("keys")),
        "{}",
        copy.display()
    );
    assert_eq!(
        std::fs::read(&copy).expect("copy"),
        std::fs::read(&key).expect("original")
    );
    assert_eq!(mode(&copy), 0o600);
    assert_eq!(mode(&home.path().join("keys")), 0o700);
    assert_eq!(mode(&config_path(home.path())), 0o600);

    // The copy is what later renewals use: the original may go away.
    std::fs::remove_file(&key).expect("remove original");
    let first = ctx.token.clone().expect("token");
    set_expiry_in(home.path(), 30);
    let renewed = run_in(home.path(), &["auth", "get-token"]).ok();
    assert_ne!(renewed.stdout.trim(), first);
    assert_eq!(provider.ledger().jwt_grants, 2, "re-minted once");
    provider.assert_no_violations();
    let who = run_in(home.path(), &["auth", "whoami"]).ok();
    assert!(
        who.stdout
            .contains(&format!("Subject:     {SA_CLIENT_ID}\n")),
        "{}",
        who.stdout
    );
    assert!(who.stdout.contains("service-account key"), "{}", who.stdout);

    // logout removes the credential and the copied key.
    let out = run_in(home.path(), &["logout"]).ok();
    assert_eq!(out.stdout, "Logged out of context \"127.0.0.1:9\".\n");
    assert!(!copy.exists());
    let ctx = read_config(home.path())
        .context("127.0.0.1:9")
        .cloned()
        .expect("context kept");
    assert_eq!((ctx.token, ctx.oidc), (None, None));
    let none = run_in(home.path(), &["auth", "get-token"]);
    assert_eq!(none.code(), 1, "{}", none.all());
}

fn run_in(home: &Path, args: &[&str]) -> Run {
    run(datumctl_in(home, args))
}

#[test]
fn keep_key_in_place_references_the_original() {
    let provider = Provider::start();
    let home = tempfile::tempdir().expect("tmp");
    let src = tempfile::tempdir().expect("tmp");
    let key = key_file(src.path(), SA_KEY_ID);
    run(login_cmd(
        home.path(),
        &provider,
        API,
        &[
            "--credentials",
            key.to_str().expect("utf8"),
            "--keep-key-in-place",
        ],
    ))
    .ok();
    let config = read_config(home.path());
    let oidc = config
        .context("127.0.0.1:9")
        .and_then(|c| c.oidc.as_ref())
        .expect("oidc");
    assert_eq!(oidc.key_file.as_deref(), Some(key.as_path()));
    assert!(!home.path().join("keys").exists());
    run_in(home.path(), &["logout"]).ok();
    assert!(key.exists(), "logout never deletes a key it did not copy");
}

#[test]
fn an_unknown_key_is_refused_with_exit_3_and_nothing_stored() {
    let provider = Provider::start();
    let home = tempfile::tempdir().expect("tmp");
    let src = tempfile::tempdir().expect("tmp");
    let key = key_file(src.path(), "revoked-key");
    let run = run(login_cmd(
        home.path(),
        &provider,
        API,
        &["--credentials", key.to_str().expect("utf8")],
    ));
    assert_eq!(run.code(), 3, "{}", run.all());
    assert!(run.stderr.contains("invalid_grant"), "{}", run.stderr);
    assert!(!config_path(home.path()).exists());
    assert_eq!(provider.ledger().jwt_grants, 0);
    // The provider saw (and refused) an assertion for an unregistered key.
    assert_eq!(provider.ledger().violations.len(), 1);

    let broken = src.path().join("broken.json");
    std::fs::write(&broken, r#"{"client_id": "x", "key_id": "y"}"#).expect("write");
    let out = run_in(
        home.path(),
        &[
            "login",
            "--hostname",
            &provider.url,
            "--server",
            API,
            "--credentials",
            broken.to_str().expect("utf8"),
        ],
    );
    assert_eq!(out.code(), 2, "{}", out.all());
    assert!(out.stderr.contains("no private key"), "{}", out.stderr);
}

#[test]
fn a_datum_key_file_names_the_api_project_scope_and_account() {
    let provider = Provider::start();
    let home = tempfile::tempdir().expect("tmp");
    let src = tempfile::tempdir().expect("tmp");
    let key = src.path().join("datum-key.json");
    let scope = "openid profile email urn:zitadel:iam:org:project:id:123:aud";
    let doc = serde_json::json!({
        "type": "datum_service_account",
        "api_endpoint": "http://127.0.0.1:8/",
        "token_uri": format!("{}/token", provider.url),
        "scope": scope,
        "project_id": "ci-project",
        "client_email": "robot@ci-project.iam.test",
        "client_id": SA_CLIENT_ID,
        "private_key_id": SA_KEY_ID,
        "private_key": fixture("TEST-ONLY-service-account-key.pem"),
    });
    std::fs::write(&key, doc.to_string()).expect("key file");
    // No --hostname: the key's token_uri names its issuer (the default would be auth.datum.net).
    let out = run_in(
        home.path(),
        &["login", "--credentials", key.to_str().expect("utf8")],
    )
    .ok();
    assert!(
        out.stderr.contains(&format!(
            "Using the issuer the key file names: {}",
            provider.url
        )),
        "{}",
        out.stderr
    );
    assert_eq!(
        out.stdout,
        "Logged in to http://127.0.0.1:8 as robot@ci-project.iam.test (context \"127.0.0.1:8\").\n"
    );
    assert_eq!(provider.ledger().jwt_scope.as_deref(), Some(scope));
    let ctx = read_config(home.path())
        .context("127.0.0.1:8")
        .cloned()
        .expect("context");
    assert_eq!(ctx.server.as_deref(), Some("http://127.0.0.1:8"));
    assert_eq!(ctx.project.as_deref(), Some("ci-project"));
    provider.assert_no_violations();
}
