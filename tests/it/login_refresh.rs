//! Using and renewing a stored login: refresh within 60 s of expiry, one refresh when two
//! processes race, a revoked refresh token, every command sending the renewed token to a real
//! `datumctl serve`, and no token in any output but `auth get-token`.

use crate::common;
use crate::login_provider;
use crate::serve_support;
use crate::support_faults;

use common::TestServer;
use login_provider::Provider;
use login_provider::flows::*;
use std::path::Path;
use std::time::Duration;
use support_faults::{Fault, FaultProxy};

const API: &str = "http://127.0.0.1:9";

fn get_token(home: &Path) -> Run {
    run(datumctl_in(home, &["auth", "get-token"]))
}

fn stored_token(home: &Path) -> String {
    let config = read_config(home);
    let current = config.current_context.clone().expect("current");
    config
        .context(&current)
        .and_then(|c| c.token.clone())
        .expect("token")
}

/// A `datumctl serve` that takes the access tokens the test provider issues
/// (`access-token-N`), with the directory holding its token file.
fn serve_for_provider(extra: &[&str]) -> (tempfile::TempDir, TestServer) {
    let tokens = tempfile::tempdir().expect("tmp");
    let token_file = tokens.path().join("tokens");
    let lines: Vec<String> = (1..200).map(|n| format!("access-token-{n}")).collect();
    std::fs::write(&token_file, lines.join("\n")).expect("token file");
    let mut args = extra.to_vec();
    args.extend(["--token-file", token_file.to_str().expect("utf8")]);
    (tokens, TestServer::start_with(&args))
}

#[test]
fn tokens_are_refreshed_only_within_a_minute_of_expiry() {
    let provider = Provider::start();
    let home = tempfile::tempdir().expect("tmp");
    browser_login(home.path(), &provider, API);
    let first = stored_token(home.path());
    let first_refresh = read_config(home.path()).contexts[0]
        .oidc
        .clone()
        .expect("oidc")
        .refresh_token;

    set_expiry_in(home.path(), 120);
    assert_eq!(get_token(home.path()).ok().stdout.trim(), first);
    assert_eq!(
        provider.ledger().refresh_grants,
        0,
        "two minutes left: no refresh"
    );

    set_expiry_in(home.path(), 59);
    let renewed = get_token(home.path()).ok().stdout.trim().to_string();
    assert_ne!(renewed, first);
    assert_eq!(provider.ledger().refresh_grants, 1);
    assert_eq!(stored_token(home.path()), renewed, "written back");
    let oidc = read_config(home.path()).contexts[0]
        .oidc
        .clone()
        .expect("oidc");
    assert_ne!(
        oidc.refresh_token, first_refresh,
        "the rotated refresh token is kept"
    );
    assert_eq!(mode(&config_path(home.path())), 0o600);
    // The provider issues an hour: no more refreshes now.
    assert_eq!(get_token(home.path()).ok().stdout.trim(), renewed);
    assert_eq!(provider.ledger().refresh_grants, 1);
    provider.assert_no_violations();
}

#[test]
fn two_processes_refreshing_at_once_refresh_once() {
    let provider = Provider::start();
    let home = tempfile::tempdir().expect("tmp");
    browser_login(home.path(), &provider, API);
    // A slow token endpoint keeps the first refresh in flight while the second process starts.
    provider.ledger().refresh_delay = std::time::Duration::from_millis(700);
    set_expiry_in(home.path(), 5);
    let a = spawn(datumctl_in(home.path(), &["auth", "get-token"]));
    let b = spawn(datumctl_in(home.path(), &["auth", "get-token"]));
    let (a, b) = (
        a.finish(std::time::Duration::from_secs(30)),
        b.finish(std::time::Duration::from_secs(30)),
    );
    let (a, b) = (a.ok(), b.ok());
    assert_eq!(a.stdout, b.stdout, "both use the one new token");
    assert_eq!(provider.ledger().refresh_grants, 1);
    assert_eq!(stored_token(home.path()), a.stdout.trim());
    // The file is whole: it parses, and holds no leftover temp files.
    let leftovers: Vec<_> = std::fs::read_dir(home.path())
        .expect("dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert_eq!(mode(&home.path().join("datumctl-config.yaml.lock")), 0o600);
    provider.assert_no_violations();
}

#[test]
fn a_revoked_refresh_token_asks_for_a_new_login_with_exit_3() {
    let provider = Provider::start();
    let home = tempfile::tempdir().expect("tmp");
    browser_login(home.path(), &provider, API);
    provider.revoke_refresh_tokens();
    set_expiry_in(home.path(), -10);
    let out = get_token(home.path());
    assert_eq!(out.code(), 3, "{}", out.all());
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr.contains("run `datumctl login` again"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("invalid_grant"), "{}", out.stderr);
}

#[test]
fn every_command_sends_the_renewed_token_and_no_output_shows_a_token() {
    let provider = Provider::start();
    let (_tokens, server) = serve_for_provider(&[]);
    let home = tempfile::tempdir().expect("tmp");
    let mut outputs = vec![browser_login(home.path(), &provider, &server.url).all()];

    let get = ["get", "backendtrafficpolicies", "-v", "9"];
    let listed = run(datumctl_in(home.path(), &get)).ok();
    assert!(
        listed.stderr.contains("Bearer <masked>"),
        "{}",
        listed.stderr
    );
    outputs.push(listed.all());
    set_expiry_in(home.path(), 10);
    let renewed = run(datumctl_in(home.path(), &get)).ok();
    assert_eq!(
        provider.ledger().refresh_grants,
        1,
        "get renewed the token first"
    );
    let logged = format!("POST {}/token 200 OK", provider.url);
    assert!(renewed.stderr.contains(&logged), "{}", renewed.stderr);
    outputs.push(renewed.all());
    for args in [
        &["auth", "whoami"][..],
        &["config", "view"],
        &["config", "get-contexts"],
    ] {
        outputs.push(run(datumctl_in(home.path(), args)).ok().all());
    }
    // Without a login the same server refuses: the token above is what let us in.
    let printed = get_token(home.path()).ok().stdout;
    assert_eq!(printed.trim(), stored_token(home.path()));
    outputs.push(run(datumctl_in(home.path(), &["logout"])).ok().all());
    let refused = run(datumctl_in(home.path(), &["get", "backendtrafficpolicies"]));
    assert_eq!(refused.code(), 3, "{}", refused.all());

    let issued = provider.ledger().issued.clone();
    assert!(issued.len() >= 6, "{issued:?}");
    for (i, text) in outputs.iter().enumerate() {
        for token in &issued {
            assert!(
                !text.contains(token.as_str()),
                "output {i} shows a token:\n{text}"
            );
        }
    }
    assert!(
        issued.iter().any(|t| t == printed.trim()),
        "get-token prints the real token"
    );
}

#[test]
fn a_pasted_token_replaces_the_login_and_is_never_renewed_over() {
    let provider = Provider::start();
    let home = tempfile::tempdir().expect("tmp");
    browser_login(home.path(), &provider, API);
    set_expiry_in(home.path(), 5);
    let mut paste = datumctl_in(home.path(), &["auth", "login", "--token-stdin"]);
    let pasted = tempfile::NamedTempFile::new().expect("tmp");
    std::fs::write(pasted.path(), "pasted-by-hand\n").expect("write");
    paste.stdin(std::fs::File::open(pasted.path()).expect("open"));
    run(paste).ok();
    assert_eq!(get_token(home.path()).ok().stdout, "pasted-by-hand\n");
    assert_eq!(provider.ledger().refresh_grants, 0);
}

#[test]
fn an_expired_login_without_a_refresh_token_asks_for_a_new_login() {
    let provider = Provider::start();
    let home = tempfile::tempdir().expect("tmp");
    browser_login(home.path(), &provider, API);
    let mut file = read_config(home.path());
    file.contexts[0].oidc.as_mut().expect("oidc").refresh_token = None;
    write_config(home.path(), &file);
    set_expiry_in(home.path(), -1);
    let out = get_token(home.path());
    assert_eq!(out.code(), 3, "{}", out.all());
    assert!(
        out.stderr.contains("has no refresh token"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("run `datumctl login` again"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_watch_that_outlives_its_token_renews_it_before_reconnecting() {
    let provider = Provider::start();
    let (_tokens, server) = serve_for_provider(&["--no-status-writer"]);
    // The first watch stream is cut in the middle of its second event.
    let proxy = FaultProxy::start(&server.url);
    proxy.inject(1, Fault::CutAfterLines(1), |s| {
        s.target.contains("watch=true")
    });
    let home = tempfile::tempdir().expect("tmp");
    browser_login(home.path(), &provider, &proxy.url);
    // Changes come from elsewhere, with a token of their own, so that only the watch renews.
    let api = serve_support::Api::new(&server, "p").with_token("access-token-199");
    let apply = |name: &str| assert_eq!(api.create(&serve_support::policy(name)).code, 201);
    let watch = spawn(datumctl_in(
        home.path(),
        &["get", "btp", "-w", "-o", "name", "-v", "6"],
    ));
    watch.wait_stderr("watch=true", Duration::from_secs(20));
    apply("first");
    // The token in use is now within a minute of expiring; the cut makes the watch reconnect.
    set_expiry_in(home.path(), 10);
    apply("second");
    let logged = format!("POST {}/token 200 OK", provider.url);
    let stderr = watch.wait_stderr(&logged, Duration::from_secs(20));
    assert_eq!(provider.ledger().refresh_grants, 1, "{stderr}");
    // Then the watch goes on, with the new token.
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        let text = watch.stderr.lock().expect("stderr").clone();
        let after = text.split(&logged).nth(1).unwrap_or_default();
        if after.contains("watch=true") && after.contains(" 200 OK") {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no watch after the renewal:\n{text}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let renewed = stored_token(home.path());
    let sent: Vec<_> = proxy
        .seen()
        .into_iter()
        .filter(|s| s.target.contains("watch=true"))
        .map(|s| s.authorization.unwrap_or_default())
        .collect();
    assert_eq!(sent.len(), 2, "{sent:?}");
    assert_ne!(sent[0], format!("Bearer {renewed}"));
    assert_eq!(sent[1], format!("Bearer {renewed}"));
    let mut child = watch.child;
    let _ = child.kill();
    provider.assert_no_violations();
}

/// Requests of one process that find the token due at once (here three on one thread, as
/// `tokio::join!` polls them) renew it once: the others wait for that renewal as tasks, and
/// the config lock is awaited, not blocked on (which would hang the thread the holder needs).
#[test]
fn concurrent_requests_in_one_process_renew_once() {
    use datumctl::client::credential::TokenSource;
    let provider = Provider::start();
    let home = tempfile::tempdir().expect("tmp");
    browser_login(home.path(), &provider, API);
    provider.ledger().refresh_delay = Duration::from_millis(300);
    set_expiry_in(home.path(), 5);
    let context = read_config(home.path())
        .current_context
        .expect("current context");
    let source = datumctl::auth::LoginToken::for_context(&config_path(home.path()), &context, None)
        .expect("config")
        .expect("a login");
    // On a thread of its own, so a renewal that blocks its thread fails the test, not hangs it.
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        let tokens = runtime.block_on(async {
            tokio::join!(source.token(None), source.token(None), source.token(None))
        });
        let _ = done.send(tokens);
    });
    let (a, b, c) = finished
        .recv_timeout(Duration::from_secs(30))
        .expect("the renewals finished within 30 s");
    let (a, b, c) = (a.expect("a"), b.expect("b"), c.expect("c"));
    assert_eq!((&a, &b), (&c, &c), "all use the one new token");
    assert_eq!(provider.ledger().refresh_grants, 1);
    assert_eq!(stored_token(home.path()), a);
    provider.assert_no_violations();
}
