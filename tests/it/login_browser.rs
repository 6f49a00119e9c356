//! `datumctl login` with the browser (authorization code + PKCE) against the loopback provider.

use crate::login_provider;

use login_provider::flows::*;
use login_provider::{CLIENT_ID, Provider, USER_EMAIL, USER_SUB};
use std::time::Duration;

const API: &str = "http://127.0.0.1:9";

#[test]
fn pkce_login_opens_the_browser_and_stores_a_private_context() {
    let provider = Provider::start();
    let home = tempfile::tempdir().expect("tmp");
    let run = browser_login(home.path(), &provider, API);
    assert_eq!(
        run.stdout,
        format!("Logged in to {API} as {USER_EMAIL} (context \"127.0.0.1:9\").\n")
    );
    provider.assert_no_violations();
    assert_eq!(provider.ledger().code_grants, 1);

    let config = read_config(home.path());
    assert_eq!(config.current_context.as_deref(), Some("127.0.0.1:9"));
    let ctx = config.context("127.0.0.1:9").expect("context created");
    assert_eq!(ctx.server.as_deref(), Some(API));
    assert_eq!(ctx.project.as_deref(), Some("p"));
    let oidc = ctx.oidc.as_ref().expect("oidc credential");
    assert_eq!(oidc.issuer, provider.url);
    assert_eq!(oidc.client_id, CLIENT_ID);
    assert!(
        oidc.refresh_token
            .as_deref()
            .is_some_and(|t| t.starts_with("refresh-token-"))
    );
    assert!(oidc.expiry.is_some());
    assert_eq!(mode(&config_path(home.path())), 0o600);

    let who = run_ok(home.path(), &["auth", "whoami"]);
    assert!(
        who.stdout.contains(&format!("Subject:     {USER_SUB}\n")),
        "{}",
        who.stdout
    );
    assert!(
        who.stdout.contains(&format!("Email:       {USER_EMAIL}\n")),
        "{}",
        who.stdout
    );
    assert!(
        who.stdout
            .contains(&format!("Issuer:      {}\n", provider.url)),
        "{}",
        who.stdout
    );
    assert!(who.stdout.contains("Expires:     20"), "{}", who.stdout);
    let token = run_ok(home.path(), &["auth", "get-token"]).stdout;
    assert_eq!(Some(token.trim()), ctx.token.as_deref());
}

/// `datumctl login` against `provider` with a browser that cannot start.
fn start_login(home: &std::path::Path, provider: &Provider) -> Running {
    spawn(login_cmd(home, provider, API, &["--client-id", CLIENT_ID]))
}

/// Waits for the authorize URL a running login prints; returns stderr so far and the URL.
fn authorize_url(running: &Running) -> (String, String) {
    let stderr = running.wait_stderr("/authorize?", Duration::from_secs(30));
    let url = stderr
        .split_whitespace()
        .find(|w| w.contains("/authorize?"))
        .expect("authorize URL on stderr")
        .to_string();
    (stderr, url)
}

fn run_ok(home: &std::path::Path, args: &[&str]) -> Run {
    run(datumctl_in(home, args)).ok()
}

#[test]
fn login_without_a_browser_still_prints_the_url_and_completes() {
    let provider = Provider::start();
    let home = tempfile::tempdir().expect("tmp");
    let running = start_login(home.path(), &provider);
    let (stderr, url) = authorize_url(&running);
    assert!(stderr.contains("Could not open a browser"), "{stderr}");
    assert!(url.contains("code_challenge_method=S256"), "{url}");
    assert_eq!(complete_in_browser(&url), 200);
    let run = running.finish(Duration::from_secs(30)).ok();
    assert!(run.stdout.starts_with("Logged in to "), "{}", run.stdout);
    provider.assert_no_violations();
}

#[test]
fn a_callback_with_the_wrong_state_ends_the_login() {
    let provider = Provider::start();
    let home = tempfile::tempdir().expect("tmp");
    let running = start_login(home.path(), &provider);
    let (_, url) = authorize_url(&running);
    let redirect = url
        .split(['?', '&'])
        .find_map(|kv| kv.strip_prefix("redirect_uri="))
        .expect("redirect_uri");
    let callback: String = form_urlencoded::parse(format!("u={redirect}").as_bytes())
        .next()
        .expect("decoded")
        .1
        .into_owned();
    // A stray favicon request is ignored; a forged answer ends the login.
    let base = callback.trim_end_matches("/datumctl/auth/callback");
    assert_eq!(
        login_provider::http_get(&format!("{base}/favicon.ico")).0,
        404
    );
    let (status, _, _) = login_provider::http_get(&format!("{callback}?code=stolen&state=forged"));
    assert_eq!(status, 400);
    let run = running.finish(Duration::from_secs(30));
    assert_eq!(run.code(), 1, "{}", run.all());
    assert!(
        run.stderr.contains("state does not match"),
        "{}",
        run.stderr
    );
    assert!(!config_path(home.path()).exists(), "nothing stored");
    assert_eq!(provider.ledger().code_grants, 0);
}

#[test]
fn client_id_is_required_and_plain_http_is_refused_off_loopback() {
    let home = tempfile::tempdir().expect("tmp");
    let run = run(datumctl_in(
        home.path(),
        &[
            "login",
            "--hostname",
            "http://auth.example.test",
            "--client-id",
            "x",
        ],
    ));
    assert_eq!(run.code(), 2, "{}", run.all());
    assert!(
        run.stderr.contains("only loopback addresses may use http"),
        "{}",
        run.stderr
    );
    let provider = Provider::start();
    let run = run_cmd(login_cmd(home.path(), &provider, API, &[]));
    assert_eq!(run.code(), 2, "{}", run.all());
    assert!(run.stderr.contains("--client-id"), "{}", run.stderr);
    let run = run_cmd(datumctl_in(
        home.path(),
        &["login", "--hostname", &provider.url, "--client-id", "x"],
    ));
    assert_eq!(run.code(), 2, "{}", run.all());
    assert!(run.stderr.contains("--server"), "{}", run.stderr);
}

fn run_cmd(cmd: std::process::Command) -> Run {
    run(cmd)
}

#[test]
fn an_id_token_from_another_login_is_refused() {
    let provider = Provider::start();
    provider.ledger().wrong_nonce = true;
    let home = tempfile::tempdir().expect("tmp");
    let running = start_login(home.path(), &provider);
    let (_, url) = authorize_url(&running);
    assert_eq!(complete_in_browser(&url), 200);
    let run = running.finish(Duration::from_secs(30));
    assert_eq!(run.code(), 3, "{}", run.all());
    assert!(
        run.stderr.contains("nonce does not match"),
        "{}",
        run.stderr
    );
    assert!(!config_path(home.path()).exists(), "nothing stored");
}

#[test]
fn get_token_speaks_kubectl_exec_credential() {
    let provider = Provider::start();
    let home = tempfile::tempdir().expect("tmp");
    browser_login(home.path(), &provider, API);
    let out = run_ok(home.path(), &["auth", "get-token", "-o", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(doc["kind"], "ExecCredential");
    assert_eq!(doc["apiVersion"], "client.authentication.k8s.io/v1");
    let ctx = read_config(home.path()).contexts[0].clone();
    assert_eq!(doc["status"]["token"].as_str(), ctx.token.as_deref());
    let expiry = ctx.oidc.and_then(|o| o.expiry).expect("expiry");
    assert_eq!(
        doc["status"]["expirationTimestamp"].as_str(),
        Some(expiry.as_str())
    );
    // What `auth update-kubeconfig` writes into the exec entry, in either version.
    for version in [
        "client.authentication.k8s.io/v1",
        "client.authentication.k8s.io/v1beta1",
    ] {
        let out = run_ok(home.path(), &["auth", "get-token", "--output", version]);
        let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
        assert_eq!(doc["apiVersion"], version);
        assert_eq!(
            doc["status"]["expirationTimestamp"].as_str(),
            Some(expiry.as_str())
        );
    }
    let bad = run(datumctl_in(
        home.path(),
        &["auth", "get-token", "-o", "yaml"],
    ));
    assert_eq!(bad.code(), 2, "{}", bad.all());
    assert_eq!(bad.stdout, "");
}

#[test]
fn a_named_context_keeps_its_client_id_for_the_next_login() {
    let provider = Provider::start();
    let home = tempfile::tempdir().expect("tmp");
    let login = |extra: &[&str]| {
        let mut cmd = datumctl_in(home.path(), &["--context", "work"]);
        cmd.args(["login", "--hostname", &provider.url, "--server", API]);
        cmd.args(extra);
        let running = spawn(cmd);
        let (_, url) = authorize_url(&running);
        assert!(url.contains(&format!("client_id={CLIENT_ID}&")), "{url}");
        assert_eq!(complete_in_browser(&url), 200);
        running.finish(Duration::from_secs(30)).ok()
    };
    let first = login(&["--client-id", CLIENT_ID]);
    assert!(
        first.stdout.contains("(context \"work\")"),
        "{}",
        first.stdout
    );
    // No flag, no environment: the context remembers the client id.
    login(&[]);
    assert_eq!(provider.ledger().code_grants, 2);
    let config = read_config(home.path());
    assert_eq!(config.contexts.len(), 1);
    assert_eq!(config.current_context.as_deref(), Some("work"));
    let out = run(datumctl_in(home.path(), &["--context", "work", "logout"])).ok();
    assert_eq!(out.stdout, "Logged out of context \"work\".\n");
    let again = run(datumctl_in(home.path(), &["logout"])).ok();
    assert_eq!(again.stdout, "Context \"work\" holds no credential.\n");
    provider.assert_no_violations();
}

#[test]
fn a_refusal_in_the_browser_ends_the_login_with_exit_3() {
    let provider = Provider::start();
    let home = tempfile::tempdir().expect("tmp");
    let running = start_login(home.path(), &provider);
    let (_, url) = authorize_url(&running);
    let param = |name: &str| {
        form_urlencoded::parse(url.split_once('?').expect("query").1.as_bytes())
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
            .expect("parameter")
    };
    let state: String = form_urlencoded::byte_serialize(param("state").as_bytes()).collect();
    let refused = format!(
        "{}?error=access_denied&state={state}",
        param("redirect_uri")
    );
    assert_eq!(login_provider::http_get(&refused).0, 400);
    let run = running.finish(Duration::from_secs(30));
    assert_eq!(run.code(), 3, "{}", run.all());
    assert!(
        run.stderr.contains("the login was denied"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_issuer_that_names_another_issuer_is_refused() {
    let provider = Provider::start();
    let home = tempfile::tempdir().expect("tmp");
    // Same server, other name: discovery answers with http://127.0.0.1:PORT.
    let alias = provider.url.replace("127.0.0.1", "localhost");
    let args = [
        "login",
        "--hostname",
        &alias,
        "--server",
        API,
        "--client-id",
        CLIENT_ID,
    ];
    let run = run(datumctl_in(home.path(), &args));
    assert_eq!(run.code(), 3, "{}", run.all());
    assert!(
        run.stderr
            .contains(&format!("names issuer \"{}\"", provider.url)),
        "{}",
        run.stderr
    );
    assert!(!config_path(home.path()).exists());
}
