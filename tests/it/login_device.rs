//! `datumctl login --no-browser`: the device authorization grant (RFC 8628) against the loopback
//! provider, which answers `authorization_pending` and `slow_down` and checks the polling pace.

use crate::login_provider;

use login_provider::flows::*;
use login_provider::{CLIENT_ID, Provider, USER_EMAIL};
use std::time::Duration;

const API: &str = "http://127.0.0.1:9";

/// Starts a device login and returns it with the user code it showed.
fn start(home: &std::path::Path, provider: &Provider) -> (Running, String) {
    let running = spawn(login_cmd(
        home,
        provider,
        API,
        &["--client-id", CLIENT_ID, "--no-browser"],
    ));
    let stderr = running.wait_stderr("Waiting for the login", Duration::from_secs(30));
    assert!(
        stderr.contains(&format!("{}/activate", provider.url)),
        "{stderr}"
    );
    let code = stderr
        .split_whitespace()
        .find(|w| w.starts_with("WXYZ-"))
        .expect("user code shown")
        .to_string();
    (running, code)
}

fn wait_for_polls(provider: &Provider, count: usize) {
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while provider
        .ledger()
        .devices
        .values()
        .map(|d| d.polls.len())
        .sum::<usize>()
        < count
    {
        assert!(
            std::time::Instant::now() < deadline,
            "datumctl stopped polling"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn device_login_waits_through_pending_and_slow_down() {
    let provider = Provider::start();
    let home = tempfile::tempdir().expect("tmp");
    let (running, code) = start(home.path(), &provider);
    // Poll 1: authorization_pending, poll 2: slow_down (interval 1 s -> 6 s), poll 3: pending.
    wait_for_polls(&provider, 3);
    provider.decide_device(&code, true);
    let run = running.finish(Duration::from_secs(40)).ok();
    assert_eq!(
        run.stdout,
        format!("Logged in to {API} as {USER_EMAIL} (context \"127.0.0.1:9\").\n")
    );
    provider.assert_no_violations();

    let ledger = provider.ledger();
    let device = ledger.devices.values().next().expect("device login");
    let answers: Vec<&str> = device.polls.iter().map(|(_, a)| a.as_str()).collect();
    assert_eq!(
        &answers[..3],
        [
            "authorization_pending",
            "slow_down",
            "authorization_pending"
        ]
    );
    assert_eq!(answers.last(), Some(&"ok"));
    let gaps: Vec<Duration> = device.polls.windows(2).map(|w| w[1].0 - w[0].0).collect();
    assert!(gaps[0] >= Duration::from_millis(950), "{gaps:?}");
    assert!(
        gaps[1] >= Duration::from_millis(5950),
        "slow_down must add 5 s: {gaps:?}"
    );
    let stored = read_config(home.path());
    let oidc = stored
        .context("127.0.0.1:9")
        .and_then(|c| c.oidc.as_ref())
        .expect("stored");
    assert!(oidc.refresh_token.is_some());
}

#[test]
fn a_denied_device_login_stops_with_exit_3() {
    let provider = Provider::start();
    provider.ledger().script_slow_down = false;
    let home = tempfile::tempdir().expect("tmp");
    let (running, code) = start(home.path(), &provider);
    wait_for_polls(&provider, 1);
    provider.decide_device(&code, false);
    let run = running.finish(Duration::from_secs(30));
    assert_eq!(run.code(), 3, "{}", run.all());
    assert!(
        run.stderr.contains("the login was denied (access_denied)"),
        "{}",
        run.stderr
    );
    assert!(!config_path(home.path()).exists());
    provider.assert_no_violations();
}

#[test]
fn an_expired_device_code_stops_with_a_clear_message() {
    let provider = Provider::start();
    {
        let mut ledger = provider.ledger();
        ledger.script_slow_down = false;
        ledger.device_expires_in = 2;
    }
    let home = tempfile::tempdir().expect("tmp");
    let (running, _code) = start(home.path(), &provider);
    let run = running.finish(Duration::from_secs(30));
    assert_eq!(run.code(), 3, "{}", run.all());
    assert!(
        run.stderr.contains("did not approve the login in time"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("datumctl login --no-browser"),
        "{}",
        run.stderr
    );
    provider.assert_no_violations();
}
