//! Contexts and credentials: the config commands, precedence (flag > environment > context),
//! 0600 files, `auth login --token-stdin`, tokens never shown (`config view`, `-v 9`), and the
//! exit codes 0/1/2/3.

use crate::common;

use common::snapshot::assert_transcript;
use common::{TestServer, code, datumctl, err, out};
use std::path::Path;
use std::process::Output;

fn run(home: &Path, args: &[&str]) -> Output {
    datumctl(home).args(args).output().expect("run datumctl")
}

/// `config set-context NAME --server SERVER --project PROJECT EXTRA…`, which must succeed.
fn set_context(home: &Path, name: &str, server: &str, project: &str, extra: &[&str]) {
    let o = datumctl(home)
        .args([
            "config",
            "set-context",
            name,
            "--server",
            server,
            "--project",
            project,
        ])
        .args(extra)
        .output()
        .expect("run datumctl");
    assert_eq!(code(&o), 0, "set-context {name}: {}", err(&o));
}

/// A port nothing listens on.
fn dead_server() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    drop(listener);
    format!("http://127.0.0.1:{port}")
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).expect("stat").permissions().mode() & 0o777
}

#[test]
fn contexts_are_created_listed_switched_viewed_and_deleted() {
    let home = tempfile::tempdir().expect("home");
    let h = home.path();
    let config = h.join("datumctl-config.yaml");
    let o = run(
        h,
        &[
            "config",
            "set-context",
            "local",
            "--server",
            "http://127.0.0.1:1",
            "--project",
            "p1",
            "--token",
            "s3cret-token",
        ],
    );
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert_eq!(
        out(&o),
        "Context \"local\" created.\nSwitched to context \"local\".\n"
    );
    #[cfg(unix)]
    assert_eq!(mode(&config), 0o600);
    let o = run(
        h,
        &[
            "config",
            "set-context",
            "prod",
            "--server",
            "https://api.example",
            "--project",
            "p2",
            "-n",
            "team",
        ],
    );
    assert_eq!(out(&o), "Context \"prod\" created.\n");
    let o = run(h, &["config", "set-context", "prod", "--project", "p3"]);
    assert_eq!(out(&o), "Context \"prod\" modified.\n");
    assert_eq!(out(&run(h, &["config", "current-context"])), "local\n");
    let o = run(h, &["config", "get-contexts"]);
    assert_eq!(
        out(&o),
        "CURRENT   NAME    SERVER                PROJECT   NAMESPACE\n*         local   http://127.0.0.1:1    p1        \n          prod    https://api.example   p3        team\n"
    );
    assert_eq!(
        out(&run(h, &["config", "use-context", "prod"])),
        "Switched to context \"prod\".\n"
    );
    assert_eq!(out(&run(h, &["config", "current-context"])), "prod\n");
    let view = run(h, &["config", "view"]);
    assert!(!out(&view).contains("s3cret-token"), "{}", out(&view));
    assert!(out(&view).contains("token: REDACTED"), "{}", out(&view));
    assert!(
        std::fs::read_to_string(&config)
            .expect("read")
            .contains("s3cret-token")
    );
    let missing = run(h, &["config", "use-context", "nope"]);
    assert_eq!(code(&missing), 1);
    assert!(
        err(&missing).contains("no context exists with the name: \"nope\""),
        "{}",
        err(&missing)
    );
    let o = run(h, &["config", "delete-context", "prod"]);
    assert_eq!(code(&o), 0);
    assert!(
        err(&o).contains("removed your active context"),
        "{}",
        err(&o)
    );
    assert_eq!(code(&run(h, &["config", "current-context"])), 1);
}

#[test]
fn set_context_ignores_the_environment() {
    let home = tempfile::tempdir().expect("home");
    let h = home.path();
    let o = datumctl(h)
        .env("DATUMCTL_SERVER", "http://from-env:1")
        .args(["config", "set-context", "c", "--project", "p"])
        .output()
        .expect("run");
    assert_eq!(code(&o), 0, "{}", err(&o));
    let view = out(&run(h, &["config", "view"]));
    assert!(!view.contains("from-env"), "{view}");
}

#[test]
fn server_and_project_precedence_flag_then_env_then_context() {
    let server = TestServer::start();
    let home = tempfile::tempdir().expect("home");
    let h = home.path();
    let dead = dead_server();
    // Context points at the live server and project "ctx".
    set_context(h, "c", &server.url, "ctx", &[]);
    let manifest = h.join("p.yaml");
    std::fs::write(&manifest, "apiVersion: gateway.envoyproxy.io/v1alpha1\nkind: BackendTrafficPolicy\nmetadata:\n  name: x\nspec:\n  targetRefs:\n  - {group: gateway.networking.k8s.io, kind: Gateway, name: g}\n").expect("write");
    let m = manifest.to_string_lossy().into_owned();
    let o = run(h, &["apply", "-f", &m]);
    assert_eq!(code(&o), 0, "context alone: {}", err(&o));
    // The environment beats the context: a dead server fails with exit 3.
    let o = datumctl(h)
        .env("DATUMCTL_SERVER", &dead)
        .args(["get", "btp"])
        .output()
        .expect("run");
    assert_eq!(code(&o), 3, "{}", err(&o));
    assert!(err(&o).contains("hint: is the server at"), "{}", err(&o));
    // The flag beats the environment.
    let o = datumctl(h)
        .env("DATUMCTL_SERVER", &dead)
        .args(["get", "btp", "x", "-o", "name", "--server", &server.url])
        .output()
        .expect("run");
    assert_eq!(code(&o), 0, "{}", err(&o));
    // Project: env beats the context, flag beats env; the object lives in "ctx" only.
    let o = datumctl(h)
        .env("DATUM_PROJECT", "other")
        .args(["get", "btp", "x"])
        .output()
        .expect("run");
    assert_eq!(code(&o), 1, "{}", err(&o));
    let o = datumctl(h)
        .env("DATUM_PROJECT", "other")
        .args(["get", "btp", "x", "--project", "ctx", "-o", "name"])
        .output()
        .expect("run");
    assert_eq!(
        out(&o),
        "backendtrafficpolicy.gateway.envoyproxy.io/x\n",
        "{}",
        err(&o)
    );
}

#[test]
fn tokens_login_precedence_redaction_and_exit_codes() {
    let dir = tempfile::tempdir().expect("tmp");
    let tokens = dir.path().join("tokens");
    std::fs::write(&tokens, "good-token\nnarrow-token,elsewhere\n").expect("write tokens");
    let tokens_arg = tokens.to_string_lossy().into_owned();
    let server = TestServer::start_with(&["--token-file", &tokens_arg]);
    let home = tempfile::tempdir().expect("home");
    let h = home.path();
    set_context(h, "c", &server.url, "p", &[]);
    // No token: 401 is exit 3 with a login hint.
    assert_transcript("client_config__unauthorized", &run(h, &["get", "btp"]), &[]);
    // auth login stores the token in the 0600 config.
    let o = common::output_with_stdin(
        datumctl(h).args(["auth", "login", "--token-stdin"]),
        b"good-token\n",
    );
    assert_eq!(code(&o), 0, "{}", err(&o));
    #[cfg(unix)]
    assert_eq!(mode(&h.join("datumctl-config.yaml")), 0o600);
    let o = run(h, &["get", "btp"]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert_eq!(err(&o), "No resources found in default namespace.\n");
    // The environment's token beats the stored one, the flag beats the environment.
    let o = datumctl(h)
        .env("DATUMCTL_TOKEN", "bad")
        .args(["get", "btp"])
        .output()
        .expect("run");
    assert_eq!(code(&o), 3, "{}", err(&o));
    let o = datumctl(h)
        .env("DATUMCTL_TOKEN", "bad")
        .args(["get", "btp", "--token", "good-token"])
        .output()
        .expect("run");
    assert_eq!(code(&o), 0, "{}", err(&o));
    // -v 9 logs requests, headers and bodies, never the token.
    let o = run(h, &["get", "btp", "-v", "9", "--token", "good-token"]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    let log = err(&o);
    assert!(log.contains("GET http://127.0.0.1:"), "{log}");
    assert!(log.contains("authorization: Bearer <masked>"), "{log}");
    assert!(log.contains("Response Body: {"), "{log}");
    assert!(!log.contains("good-token"), "{log}");
    assert!(!out(&run(h, &["config", "view"])).contains("good-token"));
    // A token for other projects is refused with 403: exit 3, naming the project.
    let o = run(h, &["get", "btp", "--token", "narrow-token"]);
    assert_transcript("client_config__forbidden", &o, &[]);
}

#[test]
fn exit_codes_usage_and_unreachable() {
    let home = tempfile::tempdir().expect("home");
    let h = home.path();
    let no_server = run(h, &["get", "btp"]);
    assert_transcript("client_config__no_server", &no_server, &[]);
    let dead = dead_server();
    let bad_output = run(
        h,
        &[
            "get",
            "btp",
            "--server",
            &dead,
            "--project",
            "p",
            "-o",
            "xml",
        ],
    );
    assert_eq!(code(&bad_output), 2);
    // (-k, kustomize, is not offered: it is not supported.)
    let no_file = run(h, &["apply", "--server", &dead, "--project", "p"]);
    assert_transcript("client_config__apply_without_file", &no_file, &[]);
    let conflict = run(
        h,
        &["apply", "-f", "x.yaml", "--server-side", "--dry-run=client"],
    );
    assert_transcript("client_config__flag_conflict", &conflict, &[]);
    let unreachable = run(h, &["get", "btp", "--server", &dead, "--project", "p"]);
    // The OS's error number differs between systems; its words are what a user reads.
    assert_transcript(
        "client_config__unreachable",
        &unreachable,
        &[(r" \(os error \d+\)", "")],
    );
    let closed_https = run(
        h,
        &[
            "get",
            "btp",
            "--server",
            &dead.replace("http:", "https:"),
            "--project",
            "p",
            "--request-timeout",
            "2s",
        ],
    );
    assert_eq!(code(&closed_https), 3, "{}", err(&closed_https));
    let wrong_type = run(h, &["get", "pods", "--server", &dead, "--project", "p"]);
    assert_transcript("client_config__unknown_resource_type", &wrong_type, &[]);
}

#[test]
fn kubeconfig_reaches_a_plain_cluster_path() {
    let server = TestServer::start();
    let home = tempfile::tempdir().expect("home");
    let h = home.path();
    let kc = h.join("kubeconfig");
    std::fs::write(
        &kc,
        common::kubeconfig_text(&server.project_url("kc"), "team"),
    )
    .expect("write kubeconfig");
    let kc_arg = kc.to_string_lossy().into_owned();
    let o = run(h, &["get", "btp", "--kubeconfig", &kc_arg]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    // The kubeconfig's namespace is used.
    assert_eq!(err(&o), "No resources found in team namespace.\n");
    let o = datumctl(h)
        .env("KUBECONFIG", &kc)
        .args(["get", "btp", "-A"])
        .output()
        .expect("run");
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert_eq!(err(&o), "No resources found\n");
}

#[test]
fn tls_is_verified_unless_told_otherwise() {
    let dir = tempfile::tempdir().expect("tmp");
    let Some((ca, cert, key)) = common::test_certificates(dir.path()) else {
        eprintln!("openssl not available; skipping");
        return;
    };
    let server = TestServer::start_with(&["--tls-cert", &cert, "--tls-key", &key]);
    let home = tempfile::tempdir().expect("home");
    let h = home.path();
    let base = ["get", "btp", "--server", &server.url, "--project", "p"];
    // The server needs a moment to answer TLS; retry the verified request until it does.
    let mut verified = run(h, &[&base[..], &["--certificate-authority", &ca]].concat());
    for _ in 0..50 {
        if code(&verified) == 0 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        verified = run(h, &[&base[..], &["--certificate-authority", &ca]].concat());
    }
    assert_eq!(code(&verified), 0, "{}", err(&verified));
    let unknown = run(h, &base);
    assert_eq!(code(&unknown), 3, "{}", err(&unknown));
    assert!(
        err(&unknown).contains("TLS handshake with"),
        "{}",
        err(&unknown)
    );
    assert!(
        err(&unknown).contains("--certificate-authority"),
        "{}",
        err(&unknown)
    );
    let insecure = run(h, &[&base[..], &["--insecure-skip-tls-verify"]].concat());
    assert_eq!(code(&insecure), 0, "{}", err(&insecure));
    assert!(
        err(&insecure).contains("Warning: TLS certificate of"),
        "{}",
        err(&insecure)
    );
    // A context remembers the CA file.
    set_context(
        h,
        "tls",
        &server.url,
        "p",
        &["--certificate-authority", &ca],
    );
    let o = run(h, &["get", "btp"]);
    assert_eq!(code(&o), 0, "{}", err(&o));
}

#[test]
fn request_timeout_gives_up_with_exit_3() {
    // A server that accepts connections and never answers.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for conn in listener.incoming().map_while(Result::ok) {
            held.push(conn);
        }
    });
    let home = tempfile::tempdir().expect("home");
    let started = std::time::Instant::now();
    let get_within = |timeout: &str| {
        let args = ["get", "btp", "--server", &url, "--project", "p"];
        run(
            home.path(),
            &[&args[..], &["--request-timeout", timeout]].concat(),
        )
    };
    let o = get_within("500ms");
    assert_eq!(code(&o), 3, "{}", err(&o));
    assert!(err(&o).contains("timed out"), "{}", err(&o));
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    let bad = get_within("soon");
    assert_eq!(code(&bad), 2, "{}", err(&bad));
}

#[test]
fn a_context_profile_is_one_of_the_profiles_or_an_error_naming_the_file() {
    let home = tempfile::tempdir().expect("home");
    let h = home.path();
    let o = run(
        h,
        &[
            "config",
            "set-context",
            "a",
            "--server",
            &dead_server(),
            "--project",
            "p",
            "--profile",
            "datum",
        ],
    );
    assert_eq!(code(&o), 0, "{}", err(&o));
    let path = h.join("datumctl-config.yaml");
    let text = std::fs::read_to_string(&path).expect("config");
    assert!(text.contains("profile: datum"), "{text}");
    // A profile datumctl does not know was once ignored silently; now it names the file and the choices.
    std::fs::write(&path, text.replace("profile: datum", "profile: strict")).expect("write");
    let o = run(h, &["config", "use-context", "a"]);
    assert_eq!(code(&o), 2, "{}", err(&o));
    let e = err(&o);
    assert!(
        e.contains("datumctl-config.yaml") && e.contains("unknown variant `strict`"),
        "{e}"
    );
    assert!(e.contains("`upstream` or `datum`"), "{e}");
}
