//! Bearer tokens (401 without, 403 for another project), TLS with rustls, and the request
//! log that never prints credentials — against a real `datumctl serve`.

use crate::common;
use crate::serve_support;

use common::TestServer;
use serve_support::{Api, policy};
use std::process::Stdio;
use std::time::Duration;

fn token_file(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("tokens");
    std::fs::write(
        &path,
        "# who may do what\nadmin-token\nteam-token,alpha,beta\n",
    )
    .expect("tokens");
    path
}

#[test]
fn tokens_gate_projects() {
    let dir = tempfile::tempdir().expect("tmp");
    let tokens = token_file(dir.path());
    let server = TestServer::start_with(&["--token-file", tokens.to_str().expect("utf8")]);
    let anonymous = Api::new(&server, "alpha").get(&Api::coll("default"));
    assert_eq!(anonymous.code, 401);
    assert_eq!(anonymous.body["kind"], "Status");
    assert_eq!(anonymous.body["reason"], "Unauthorized");
    let wrong = Api::new(&server, "alpha")
        .with_token("nope")
        .get(&Api::coll("default"));
    assert_eq!(wrong.code, 401);
    let team = Api::new(&server, "alpha").with_token("team-token");
    assert_eq!(team.create(&policy("a")).code, 201);
    let elsewhere = Api::new(&server, "gamma")
        .with_token("team-token")
        .get(&Api::coll("default"));
    assert_eq!(elsewhere.code, 403);
    assert_eq!(elsewhere.body["reason"], "Forbidden");
    let admin = Api::new(&server, "gamma").with_token("admin-token");
    assert_eq!(admin.get(&Api::coll("default")).code, 200);
    // Health checks stay open for probes.
    let health = ureq::get(&format!("{}/readyz", server.url))
        .call()
        .expect("readyz");
    assert_eq!(health.status(), 200);
}

#[test]
fn request_log_at_v2_never_shows_the_token() {
    let dir = tempfile::tempdir().expect("tmp");
    let tokens = token_file(dir.path());
    let tokens = tokens.to_str().expect("utf8");
    let (mut child, url, _stdout) = common::spawn_serve(
        &dir.path().join("data"),
        &["-v", "2", "--token-file", tokens],
        Stdio::piped(),
    );
    let base = common::project_base(&url, "alpha");
    let mut reply = None;
    for _ in 0..100 {
        match ureq::get(&format!("{base}{}", Api::coll("default")))
            .set("Authorization", "Bearer admin-token")
            .call()
        {
            Ok(r) => {
                reply = Some(r.status());
                break;
            }
            Err(_) => std::thread::sleep(Duration::from_millis(20)),
        }
    }
    assert_eq!(reply, Some(200));
    let _ = child.kill();
    let output = child.wait_with_output().expect("wait");
    let log = String::from_utf8_lossy(&output.stderr);
    assert!(
        log.contains("GET /apis/resourcemanager.miloapis.com/v1alpha1/projects/alpha/control-plane/apis/gateway.envoyproxy.io/v1alpha1/namespaces/default/backendtrafficpolicies 200"),
        "{log}"
    );
    assert!(!log.contains("admin-token"), "{log}");
}

#[test]
fn serves_tls_with_the_given_certificate() {
    let dir = tempfile::tempdir().expect("tmp");
    let Some((ca, cert, key)) = common::test_certificates(dir.path()) else {
        eprintln!("openssl not available; skipping");
        return;
    };
    let server = TestServer::start_with(&["--tls-cert", &cert, "--tls-key", &key]);
    assert!(
        server.url.starts_with("https://127.0.0.1:"),
        "{}",
        server.url
    );
    let pem = std::fs::read(&ca).expect("ca");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("rt");
    let (code, body) = runtime.block_on(async {
        let client = reqwest::Client::builder()
            .add_root_certificate(reqwest::Certificate::from_pem(&pem).expect("pem"))
            .build()
            .expect("client");
        let url = format!("{}{}", server.project_url("tls"), Api::coll("default"));
        let mut last = None;
        for _ in 0..100 {
            match client.get(&url).send().await {
                Ok(r) => {
                    let code = r.status().as_u16();
                    return (code, r.text().await.unwrap_or_default());
                }
                Err(e) => last = Some(e),
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("no TLS answer: {last:?}");
    });
    assert_eq!(code, 200, "{body}");
    assert!(body.contains("BackendTrafficPolicyList"));
    // Plain HTTP to the TLS port gets no API answer.
    let plain = ureq::get(&format!(
        "{}/readyz",
        server.url.replace("https://", "http://")
    ))
    .timeout(Duration::from_secs(3))
    .call();
    assert!(plain.is_err());
}

#[test]
fn token_lines_that_could_widen_access_refuse_to_start() {
    let dir = tempfile::tempdir().expect("tmp");
    for (text, line) in [
        ("s3cr3t,\n", 1),
        ("# ok\nroot\ns3cr3t, ,alpha\n", 3),
        (",alpha\n", 1),
        ("s3cr3t,alpha\ns3cr3t,beta\n", 2),
    ] {
        let path = dir.path().join("tokens");
        std::fs::write(&path, text).expect("tokens");
        let out = std::process::Command::new(common::bin())
            .args(["serve", "--addr", "127.0.0.1:0", "--data-dir"])
            .arg(dir.path().join("data"))
            .arg("--token-file")
            .arg(&path)
            .stdin(Stdio::null())
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{text:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{text:?} started serving");
        assert!(
            stderr.contains(&format!("line {line}:")),
            "{text:?}: {stderr}"
        );
        assert!(
            !stderr.contains("s3cr3t"),
            "{text:?} printed the token: {stderr}"
        );
    }
}

#[test]
fn sighup_reloads_the_token_file() {
    let dir = tempfile::tempdir().expect("tmp");
    let tokens = token_file(dir.path());
    let server = TestServer::start_with(&["--token-file", tokens.to_str().expect("utf8")]);
    let team = Api::new(&server, "alpha").with_token("team-token");
    assert_eq!(team.get(&Api::coll("default")).code, 200);
    let hup = |pid: u32| {
        let sent = std::process::Command::new("kill")
            .args(["-HUP", &pid.to_string()])
            .status()
            .expect("kill");
        assert!(sent.success());
    };
    // A broken file keeps the tokens in force.
    std::fs::write(&tokens, "admin-token\nteam-token,\n").expect("tokens");
    hup(server.child.id());
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(team.get(&Api::coll("default")).code, 200);
    // The team token removed: it stops working without a restart.
    std::fs::write(&tokens, "admin-token\n").expect("tokens");
    hup(server.child.id());
    let mut code = 0;
    for _ in 0..100 {
        code = team.get(&Api::coll("default")).code;
        if code == 401 {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(code, 401, "the removed token still worked");
    let admin = Api::new(&server, "alpha").with_token("admin-token");
    assert_eq!(admin.get(&Api::coll("default")).code, 200);
}
