//! Security properties end to end: the token never appears in any output at any `-v` level, in
//! `config view`, or in errors; a readable credential file is warned about; names that try to
//! leave their path segment are refused by client and server; a project-limited token cannot
//! reach another project by path tricks; the server's log at its highest verbosity shows no
//! Authorization value.
//!
//! Covered elsewhere and not repeated here: TLS verification on by default, refused without
//! `--certificate-authority` and accepted with it (client_config.rs
//! `tls_is_verified_unless_told_otherwise`); 401 without a token and 403 for another project's
//! token (serve_security.rs `tokens_gate_projects`, client_config.rs exit 3); 413 over 3 MiB
//! (serve_crud.rs `bodies_over_3_mib_get_413_and_garbage_400`); files written 0600
//! (client_config.rs).

use crate::common;
use crate::serve_support;

use common::{TestServer, datumctl};
use serve_support::{Api, policy};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Output, Stdio};
use std::time::Duration;

const TOKEN: &str = "tok-7f3a9c1e-SECRET";
const WRONG: &str = "tok-wrong-0b5d-SECRET";

fn all_text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn token_file(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("tokens");
    std::fs::write(&path, format!("{TOKEN},alpha\n")).expect("tokens");
    path
}

/// A `datumctl serve` that takes TOKEN for project alpha only (its token file in `dir`).
fn serve_with_token(dir: &Path) -> TestServer {
    TestServer::start_with(&[
        "--no-status-writer",
        "--token-file",
        token_file(dir).to_str().expect("utf8"),
    ])
}

fn login(home: &Path, server: &str) {
    let o = datumctl(home)
        .args([
            "config",
            "set-context",
            "sec",
            "--server",
            server,
            "--project",
            "alpha",
        ])
        .output()
        .expect("set-context");
    assert_eq!(o.status.code(), Some(0), "{}", all_text(&o));
    let o = datumctl(home)
        .args(["config", "use-context", "sec"])
        .output()
        .expect("use-context");
    assert_eq!(o.status.code(), Some(0), "{}", all_text(&o));
    let o = common::output_with_stdin(
        datumctl(home).args(["auth", "login", "--token-stdin"]),
        TOKEN.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", all_text(&o));
    assert!(!all_text(&o).contains(TOKEN));
}

#[test]
fn the_token_never_appears_at_any_verbosity_in_any_output() {
    let dir = tempfile::tempdir().expect("tmp");
    let server = serve_with_token(dir.path());
    let home = tempfile::tempdir().expect("home");
    let h = home.path();
    login(h, &server.url);
    let file = h.join("p.yaml");
    std::fs::write(
        &file,
        common::Policy::new("a").target("HTTPRoute", "r").yaml(),
    )
    .expect("write");
    let f = file.to_str().expect("utf8");
    let dead = format!(
        "http://127.0.0.1:{}",
        std::net::TcpListener::bind("127.0.0.1:0")
            .expect("bind")
            .local_addr()
            .expect("addr")
            .port()
    );
    let mut runs = 0;
    for v in 0..=9 {
        let level = v.to_string();
        let commands: Vec<Vec<&str>> = vec![
            vec!["apply", "-f", f],
            vec!["get", "btp"],
            vec!["get", "btp", "a", "-o", "yaml"],
            vec!["describe", "btp", "a"],
            vec!["diff", "-f", f],
            vec!["get", "btp", "missing"],
            vec!["delete", "btp", "a"],
            // Errors: a wrong token (401), another project (403), no server at all.
            vec!["get", "btp", "--token", WRONG],
            vec!["get", "btp", "--project", "beta"],
            vec!["get", "btp", "--server", &dead, "--request-timeout", "2s"],
            vec!["get", "btp", "--error-format", "json", "--project", "beta"],
        ];
        for args in commands {
            let o = datumctl(h)
                .args(&args)
                .args(["-v", &level])
                .output()
                .expect("run");
            let text = all_text(&o);
            assert!(
                !text.contains(TOKEN),
                "-v {v} {args:?} showed the token:\n{text}"
            );
            assert!(
                !text.contains(WRONG),
                "-v {v} {args:?} showed the token:\n{text}"
            );
            assert!(!text.contains("SECRET"), "-v {v} {args:?}:\n{text}");
            runs += 1;
        }
        // The outcomes are real: the run did reach the server with the token.
        let o = datumctl(h)
            .args(["get", "btp", "-v", &level])
            .output()
            .expect("run");
        assert_eq!(o.status.code(), Some(0), "{}", all_text(&o));
    }
    assert_eq!(runs, 110);
    // The same through the environment and the flag at the loudest level.
    for how in ["env", "flag"] {
        let mut cmd = datumctl(h);
        cmd.args(["get", "btp", "-v", "9", "--context", "sec"]);
        if how == "env" {
            cmd.env("DATUMCTL_TOKEN", TOKEN);
        } else {
            cmd.args(["--token", TOKEN]);
        }
        let o = cmd.output().expect("run");
        assert_eq!(o.status.code(), Some(0), "{}", all_text(&o));
        let text = all_text(&o);
        assert!(text.contains("Bearer <masked>"), "{how}: {text}");
        assert!(!text.contains(TOKEN), "{how}: {text}");
    }
    for args in [
        vec!["config", "view"],
        vec!["config", "view", "-o", "json"],
        vec!["config", "get-contexts"],
        vec!["config", "current-context"],
    ] {
        let o = datumctl(h).args(&args).output().expect("run");
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", all_text(&o));
        assert!(!all_text(&o).contains(TOKEN), "{args:?}: {}", all_text(&o));
    }
    // It is stored, though: the config file has it, and only its owner can read it.
    let config = std::fs::read_to_string(h.join("datumctl-config.yaml")).expect("config");
    assert!(config.contains(TOKEN));
}

#[cfg(unix)]
#[test]
fn a_credential_file_others_can_read_is_warned_about() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tmp");
    let server = serve_with_token(dir.path());
    let home = tempfile::tempdir().expect("home");
    let h = home.path();
    login(h, &server.url);
    let config = h.join("datumctl-config.yaml");
    let mode = |file: &std::path::Path| {
        std::fs::metadata(file).expect("meta").permissions().mode() & 0o777
    };
    assert_eq!(mode(&config), 0o600);
    let get = || datumctl(h).args(["get", "btp"]).output().expect("run");
    // `get` still works, and warns that `file` (mode `loose`) holds a credential others can read.
    let warned = |file: &std::path::Path, loose: u32| {
        let o = get();
        assert_eq!(o.status.code(), Some(0), "{}", all_text(&o));
        let e = String::from_utf8_lossy(&o.stderr);
        assert!(
            e.contains(&format!(
                "Warning: {} holds a credential and is readable by other users (mode {loose:04o})",
                file.display()
            )),
            "{loose:o}: {e}"
        );
        assert!(e.contains("chmod 600"), "{e}");
        assert!(!e.contains(TOKEN));
    };
    let quiet = get();
    assert_eq!(quiet.status.code(), Some(0), "{}", all_text(&quiet));
    assert!(
        !all_text(&quiet).contains("Warning"),
        "{}",
        all_text(&quiet)
    );
    for loose in [0o644, 0o640, 0o604] {
        std::fs::set_permissions(&config, std::fs::Permissions::from_mode(loose)).expect("chmod");
        warned(&config, loose);
    }
    // A token from the flag does not come from the file: no warning.
    let o = datumctl(h)
        .args(["get", "btp", "--token", TOKEN])
        .output()
        .expect("run");
    assert!(!all_text(&o).contains("Warning"), "{}", all_text(&o));
    // Writing the config again puts it back to 0600.
    let o = datumctl(h)
        .args(["config", "use-context", "sec"])
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(mode(&config), 0o600);

    // A context's token file is the credential's file: its mode is the one checked.
    let token = h.join("token");
    std::fs::write(&token, TOKEN).expect("token file");
    std::fs::set_permissions(&token, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let token_arg = token.to_str().expect("utf8");
    for args in [
        &["config", "set-context", "viafile", "--server", &server.url][..],
        &["config", "set-context", "viafile", "--project", "alpha"],
        &[
            "config",
            "set-context",
            "viafile",
            "--token-file",
            token_arg,
        ],
        &["config", "use-context", "viafile"],
    ] {
        let o = datumctl(h).args(args).output().expect("config");
        assert_eq!(o.status.code(), Some(0), "{}", all_text(&o));
    }
    warned(&token, 0o644);
    std::fs::set_permissions(&token, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let o = get();
    assert!(!all_text(&o).contains("Warning"), "{}", all_text(&o));
}

/// A raw HTTP/1.1 GET with the path exactly as given (no client-side normalisation).
fn raw_get(addr: &str, path: &str, token: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n"
    )
    .expect("write");
    let mut reply = String::new();
    let _ = s.read_to_string(&mut reply);
    let code = reply
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (code, reply)
}

#[test]
fn names_and_paths_cannot_step_outside_their_segment() {
    let dir = tempfile::tempdir().expect("tmp");
    let tokens = dir.path().join("tokens");
    std::fs::write(&tokens, "admin\nalpha-only,alpha\n").expect("tokens");
    let server = TestServer::start_with(&[
        "--no-status-writer",
        "--token-file",
        tokens.to_str().expect("utf8"),
    ]);
    let admin_beta = Api::new(&server, "beta").with_token("admin");
    assert_eq!(admin_beta.create(&policy("beta-secret")).code, 201);
    let alpha = Api::new(&server, "alpha").with_token("alpha-only");
    assert_eq!(alpha.create(&policy("mine")).code, 201);
    let home = tempfile::tempdir().expect("home");
    let h = home.path();
    // The client refuses such names before building a URL.
    for name in ["../x", "..", ".", "%2e%2e", "a/b", "..%2Fbeta"] {
        for verb in ["get", "describe", "delete"] {
            let o = datumctl(h)
                .args([
                    verb,
                    "btp",
                    name,
                    "--server",
                    &server.url,
                    "--project",
                    "alpha",
                ])
                .args(["--token", "alpha-only"])
                .output()
                .expect("run");
            let e = String::from_utf8_lossy(&o.stderr);
            if name.contains('/') {
                // A slash makes the word TYPE/NAME, which cannot follow a type (kubectl's rule).
                assert_eq!(o.status.code(), Some(2), "{verb} {name}: {}", all_text(&o));
                assert!(
                    e.starts_with("error: there is no need to specify a resource type"),
                    "{verb} {name}: {e}"
                );
            } else {
                assert_eq!(o.status.code(), Some(1), "{verb} {name}: {}", all_text(&o));
                assert!(
                    e.starts_with(&format!("error: invalid resource name {name:?}: [may not")),
                    "{verb} {name}: {e}"
                );
            }
            assert!(o.stdout.is_empty(), "{verb} {name}");
        }
    }
    // apply and the server's name validation refuse them as object names.
    let file = h.join("bad.yaml");
    std::fs::write(
        &file,
        common::Policy::new("../beta")
            .target("HTTPRoute", "r")
            .yaml(),
    )
    .expect("write");
    let o = datumctl(h)
        .args(["apply", "-f", file.to_str().expect("utf8")])
        .args([
            "--server",
            &server.url,
            "--project",
            "alpha",
            "--token",
            "alpha-only",
        ])
        .output()
        .expect("apply");
    assert_eq!(o.status.code(), Some(1), "{}", all_text(&o));
    assert!(all_text(&o).contains("metadata.name"), "{}", all_text(&o));
    for name in ["../beta", "..", "a/b", "%2e%2e", "A_B"] {
        let r = alpha.create(&policy(name));
        assert_eq!(r.code, 422, "{name}: {}", r.text);
        assert_eq!(r.body["reason"], "Invalid", "{name}");
    }
    // Raw paths with dot segments, encoded or not, never reach beta with alpha's token.
    let addr = server.url.trim_start_matches("http://").to_string();
    let prefix = "/apis/resourcemanager.miloapis.com/v1alpha1/projects";
    let tail = "control-plane/apis/gateway.envoyproxy.io/v1alpha1/namespaces/default/backendtrafficpolicies";
    for path in [
        format!("{prefix}/alpha/control-plane/../../beta/{tail}"),
        format!("{prefix}/alpha/{tail}/../../../../../../../beta/{tail}"),
        format!("{prefix}/alpha/control-plane/%2e%2e/%2e%2e/beta/{tail}"),
        format!("{prefix}/%2e%2e/beta/{tail}"),
        format!("{prefix}/alpha%2F..%2Fbeta/{tail}"),
        format!("{prefix}/alpha/{tail}/..%2F..%2Fbeta"),
        format!("{prefix}/alpha/{tail}/%2e%2e"),
        format!(
            "{prefix}/alpha/control-plane/apis/gateway.envoyproxy.io/v1alpha1/namespaces/%2e%2e/backendtrafficpolicies"
        ),
    ] {
        let (code, reply) = raw_get(&addr, &path, "alpha-only");
        assert!(matches!(code, 400 | 403 | 404), "{path}: {code}\n{reply}");
        assert!(!reply.contains("beta-secret"), "{path}: {reply}");
    }
    // The plain way in still works, and beta is still refused to alpha's token.
    assert_eq!(alpha.get(&Api::item("default", "mine")).code, 200);
    let (code, _) = raw_get(&addr, &format!("{prefix}/beta/{tail}"), "alpha-only");
    assert_eq!(code, 403);
}

#[test]
fn the_server_log_at_its_loudest_shows_no_authorization_value() {
    let dir = tempfile::tempdir().expect("tmp");
    let tokens = token_file(dir.path());
    let (mut child, url, _stdout) = common::spawn_serve(
        &dir.path().join("data"),
        &["-v", "9", "--token-file", tokens.to_str().expect("utf8")],
        Stdio::piped(),
    );
    let addr = url.trim_start_matches("http://").to_string();
    let path = format!(
        "{}{}",
        common::project_base("", "alpha"),
        Api::coll("default")
    );
    let mut answered = None;
    for _ in 0..100 {
        if TcpStream::connect(&addr).is_ok() {
            answered = Some(raw_get(&addr, &path, TOKEN).0);
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(answered, Some(200));
    assert_eq!(raw_get(&addr, &path, WRONG).0, 401);
    let _ = child.kill();
    let output = child.wait_with_output().expect("wait");
    let log = String::from_utf8_lossy(&output.stderr);
    assert!(log.contains(" 200 "), "{log}");
    assert!(log.contains(" 401 "), "{log}");
    assert!(!log.contains("SECRET"), "{log}");
}

/// `datumctl serve --token-file FILE`: what it prints on stderr before it is stopped.
fn serve_stderr_with_tokens(tokens: &Path, data: &Path) -> String {
    let (mut child, url, _stdout) = common::spawn_serve(
        data,
        &["--token-file", tokens.to_str().expect("utf8")],
        Stdio::piped(),
    );
    let addr = url.trim_start_matches("http://").to_string();
    // Warnings are printed before serving starts: once it answers, they are out.
    let mut ready = false;
    for _ in 0..200 {
        if TcpStream::connect(&addr).is_ok() && raw_get(&addr, "/readyz", "x").0 == 200 {
            ready = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(ready, "serve never became ready");
    let _ = child.kill();
    let output = child.wait_with_output().expect("wait");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[cfg(unix)]
#[test]
fn serve_warns_when_its_token_file_is_readable_by_others() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tmp");
    let tokens = token_file(dir.path());
    std::fs::set_permissions(&tokens, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let log = serve_stderr_with_tokens(&tokens, &dir.path().join("d1"));
    assert!(
        log.contains(&format!(
            "Warning: {} holds bearer tokens and is readable by other users (mode 0644)",
            tokens.display()
        )),
        "{log}"
    );
    assert!(!log.contains("SECRET"), "{log}");
    std::fs::set_permissions(&tokens, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let log = serve_stderr_with_tokens(&tokens, &dir.path().join("d2"));
    assert!(!log.contains("Warning"), "{log}");
}
