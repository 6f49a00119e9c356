//! TLS and connections side by side: the real kubectl 1.37 and datumctl read the same
//! kubeconfig against the same `datumctl serve` (TLS from `--tls-cert/--tls-key`, certificates
//! made with openssl per test), and both succeed or both refuse. Trust (a pinned CA, the CA:TRUE
//! self-signed certificate, the system roots), tls-server-name (name checked and SNI sent),
//! proxy-url through a CONNECT proxy and the `*_PROXY` variables, client certificates against
//! `serve --client-ca-file`, and datumctl's messages for each refusal.

use crate::common;
use crate::support_tls;

use common::{TestServer, code, err, out};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use support_tls::{KeyFormat, Pair, Pki, Tunnel};

/// Variables that would change where either tool connects or what it trusts.
const OUTSIDE_ENV: [&str; 9] = [
    "HTTPS_PROXY",
    "https_proxy",
    "HTTP_PROXY",
    "http_proxy",
    "NO_PROXY",
    "no_proxy",
    "ALL_PROXY",
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
];

/// One test's world: a temp dir, its certificates, kubectl.
struct Side {
    dir: tempfile::TempDir,
    pki: Pki,
    kubectl: PathBuf,
}

impl Side {
    fn new() -> Option<Side> {
        let kubectl = common::kubectl()?;
        let dir = tempfile::tempdir().expect("tmp");
        let pki = Pki::new(dir.path())?;
        Some(Side { dir, pki, kubectl })
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// A kubeconfig named `name`: one cluster at `server` with `cluster` (YAML lines indented
    /// four spaces) and one user with `user` (likewise).
    fn kubeconfig(&self, name: &str, server: &str, cluster: &[String], user: &[String]) -> PathBuf {
        let indent = |lines: &[String]| {
            lines
                .iter()
                .map(|l| format!("    {l}\n"))
                .collect::<String>()
        };
        // kubectl asks for a user name and password on an https server when the user has no
        // credential; a token this serve does not check stands in.
        let user = if user.is_empty() {
            "  user:\n    token: not-checked\n".to_string()
        } else {
            format!("  user:\n{}", indent(user))
        };
        let text = format!(
            "apiVersion: v1\nkind: Config\ncurrent-context: side\nclusters:\n- name: serve\n  cluster:\n    server: {server}\n{}contexts:\n- name: side\n  context:\n    cluster: serve\n    user: me\nusers:\n- name: me\n{user}",
            indent(cluster)
        );
        let path = self.path(name);
        std::fs::write(&path, text).expect("write kubeconfig");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600));
        }
        path
    }

    fn kubectl(&self, kubeconfig: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
        let mut cmd = Command::new(&self.kubectl);
        for var in OUTSIDE_ENV {
            cmd.env_remove(var);
        }
        cmd.args(args)
            .arg("--request-timeout=20s")
            .env("KUBECONFIG", kubeconfig)
            .env("HOME", self.dir.path())
            .envs(env.iter().copied())
            .output()
            .expect("run kubectl")
    }

    fn datumctl(&self, kubeconfig: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
        let home = self.path("home");
        std::fs::create_dir_all(&home).expect("home");
        let mut cmd = common::datumctl(&home);
        for var in OUTSIDE_ENV {
            cmd.env_remove(var);
        }
        cmd.arg("--kubeconfig")
            .arg(kubeconfig)
            .args(args)
            .args(["--request-timeout", "20s"])
            .envs(env.iter().copied())
            .output()
            .expect("run datumctl")
    }

    /// `get` by kubectl and by datumctl with the same kubeconfig and environment.
    fn both(&self, kubeconfig: &Path, env: &[(&str, &str)]) -> (Output, Output) {
        (
            self.kubectl(kubeconfig, env, &["get", "backendtrafficpolicies"]),
            self.datumctl(kubeconfig, env, &["get", "btp"]),
        )
    }
}

fn show(o: &Output) -> String {
    format!("exit {}\n{}{}", code(o), out(o), err(o))
}

/// Both listed the (empty) namespace.
fn assert_both_succeed(what: &str, (k, d): &(Output, Output)) {
    assert_eq!(code(k), 0, "{what}: kubectl\n{}", show(k));
    assert_eq!(code(d), 0, "{what}: datumctl\n{}", show(d));
    // datumctl alone warns that it does not verify with --insecure-skip-tls-verify.
    let unverified = |o: &Output| {
        err(o)
            .lines()
            .filter(|l| !l.starts_with("Warning: TLS certificate of"))
            .map(|l| format!("{l}\n"))
            .collect::<String>()
    };
    assert_eq!(err(k), unverified(d), "{what}");
}

/// Both refused; datumctl exits 3 and says `expected`.
fn assert_both_refuse(what: &str, (k, d): &(Output, Output), expected: &[&str]) {
    assert_ne!(code(k), 0, "{what}: kubectl accepted\n{}", show(k));
    assert_eq!(code(d), 3, "{what}: datumctl\n{}", show(d));
    for text in expected {
        assert!(err(d).contains(text), "{what}: {text:?} in\n{}", err(d));
    }
}

fn serve_tls(server: &Pair, extra: &[&str]) -> TestServer {
    let (cert, key) = (server.cert_str(), server.key_str());
    TestServer::start_with(&[&["--tls-cert", &cert, "--tls-key", &key][..], extra].concat())
}

fn project(server: &TestServer) -> String {
    server.project_url("tls")
}

#[test]
fn a_self_signed_ca_true_certificate_is_its_own_trust_anchor() {
    let Some(side) = Side::new() else { return };
    // The one-command recipe: `openssl req -x509 … -addext subjectAltName=IP:127.0.0.1`,
    // which marks the certificate CA:TRUE.
    let own = side.pki.self_signed("own", "serve", Some("IP:127.0.0.1"));
    let text = std::fs::read_to_string(&own.cert).expect("cert");
    assert!(text.contains("BEGIN CERTIFICATE"));
    let server = serve_tls(&own, &[]);
    let pinned = side.kubeconfig(
        "pinned",
        &project(&server),
        &[format!("certificate-authority: {}", own.cert_str())],
        &[],
    );
    assert_both_succeed("certificate as its own CA", &side.both(&pinned, &[]));
    // The same certificate inline, as certificate-authority-data.
    let data = side.kubeconfig(
        "data",
        &project(&server),
        &[format!(
            "certificate-authority-data: {}",
            base64_of(&std::fs::read(&own.cert).expect("cert"))
        )],
        &[],
    );
    assert_both_succeed("certificate-authority-data", &side.both(&data, &[]));
    // Not configured: neither trusts it.
    let bare = side.kubeconfig("bare", &project(&server), &[], &[]);
    assert_both_refuse(
        "no CA",
        &side.both(&bare, &[]),
        &["TLS handshake with", "trust it as the CA"],
    );
    // A name the certificate does not carry is refused even though it is the anchor.
    let by_name = side.kubeconfig(
        "by-name",
        &project(&server).replace("127.0.0.1", "localhost"),
        &[format!("certificate-authority: {}", own.cert_str())],
        &[],
    );
    assert_both_refuse(
        "anchor under another name",
        &side.both(&by_name, &[]),
        &["valid for 127.0.0.1, not localhost", "tls-server-name"],
    );
}

#[test]
fn a_configured_ca_is_the_only_trust_root() {
    let Some(side) = Side::new() else { return };
    // `public` plays a root of the system store: SSL_CERT_FILE makes it the system's only root
    // for both Go (kubectl) and rustls-native-certs (datumctl). `private` is the CA a
    // kubeconfig pins. A server signed by `public` is trusted through the system roots when no
    // CA is configured, and must be refused once the kubeconfig names `private`.
    let public = side.pki.self_signed("public-root", "public root", None);
    let private = side.pki.self_signed("private-ca", "private ca", None);
    let leaf = side.pki.server("leaf", &public, "IP:127.0.0.1");
    let server = serve_tls(&leaf, &[]);
    let system = [("SSL_CERT_FILE", public.cert.to_str().expect("utf-8"))];
    let open = side.kubeconfig("open", &project(&server), &[], &[]);
    assert_both_succeed("system roots", &side.both(&open, &system));
    let pinned = side.kubeconfig(
        "pinned",
        &project(&server),
        &[format!("certificate-authority: {}", private.cert_str())],
        &[],
    );
    assert_both_refuse(
        "pinned CA beside a system root",
        &side.both(&pinned, &system),
        &[
            "certificate signed by unknown authority",
            "only the configured CA",
            "private-ca.pem",
        ],
    );
    // The flag pins too.
    let flagged = side.datumctl(
        &open,
        &system,
        &["get", "btp", "--certificate-authority", &private.cert_str()],
    );
    assert_eq!(code(&flagged), 3, "{}", show(&flagged));
    // And the CA that did sign it works as the pinned one.
    let right = side.kubeconfig(
        "right",
        &project(&server),
        &[format!("certificate-authority: {}", public.cert_str())],
        &[],
    );
    assert_both_succeed("the signing CA pinned", &side.both(&right, &[]));
    // A system store without that root: nothing vouches for it.
    let other_store = [("SSL_CERT_FILE", private.cert.to_str().expect("utf-8"))];
    assert_both_refuse(
        "a system store without the root",
        &side.both(&open, &other_store),
        &[
            "certificate signed by unknown authority",
            "--certificate-authority",
        ],
    );
}

#[test]
fn insecure_skip_tls_verify_with_a_ca_is_refused_as_kubectl_refuses_it() {
    let Some(side) = Side::new() else { return };
    let own = side.pki.self_signed("own", "serve", Some("IP:127.0.0.1"));
    let server = serve_tls(&own, &[]);
    let both_set = side.kubeconfig(
        "both",
        &project(&server),
        &[
            format!("certificate-authority: {}", own.cert_str()),
            "insecure-skip-tls-verify: true".into(),
        ],
        &[],
    );
    let (k, d) = side.both(&both_set, &[]);
    let words = "specifying a root certificates file with the insecure flag is not allowed";
    assert!(err(&k).contains(words), "{}", show(&k));
    assert_eq!(code(&d), 3, "{}", show(&d));
    assert!(err(&d).contains(words), "{}", show(&d));
    // The flag alone overrides the kubeconfig's CA, in both.
    let pinned = side.kubeconfig(
        "pinned",
        &project(&server),
        &[format!(
            "certificate-authority: {}",
            side.path("missing-ca.pem").display()
        )],
        &[],
    );
    let k = side.kubectl(
        &pinned,
        &[],
        &[
            "get",
            "backendtrafficpolicies",
            "--insecure-skip-tls-verify",
        ],
    );
    let d = side.datumctl(&pinned, &[], &["get", "btp", "--insecure-skip-tls-verify"]);
    assert_both_succeed("--insecure-skip-tls-verify", &(k, d));
    // Without the flag, the missing CA file is named as what it is.
    let d = side.datumctl(&pinned, &[], &["get", "btp"]);
    assert_ne!(code(&d), 0);
    assert!(
        err(&d).contains("cannot read certificate authority")
            && err(&d).contains("missing-ca.pem")
            && !err(&d).contains("cannot read kubeconfig"),
        "{}",
        show(&d)
    );
}

#[test]
fn tls_server_name_is_the_name_checked_and_the_sni_sent() {
    let Some(side) = Side::new() else { return };
    let ca = side.pki.self_signed("ca", "test ca", None);
    // Issued for a name that is not the URL's host (127.0.0.1).
    let leaf = side.pki.server("internal", &ca, "DNS:api.internal.test");
    let server = serve_tls(&leaf, &[]);
    let addr = server.url.trim_start_matches("https://").to_string();
    // A relay in front of serve reads the SNI of each ClientHello.
    let relay = Tunnel::relay(&addr);
    let url = project(&server).replace(&addr, &format!("127.0.0.1:{}", relay.port));
    let ca_line = format!("certificate-authority: {}", ca.cert_str());
    let plain = side.kubeconfig("plain", &url, std::slice::from_ref(&ca_line), &[]);
    assert_both_refuse(
        "certificate for another name",
        &side.both(&plain, &[]),
        &[
            "valid for api.internal.test, not 127.0.0.1",
            "tls-server-name",
        ],
    );
    let named = side.kubeconfig(
        "named",
        &url,
        &[ca_line, "tls-server-name: api.internal.test".into()],
        &[],
    );
    let before = relay.hops().len();
    assert_both_succeed("tls-server-name", &side.both(&named, &[]));
    let hops = relay.hops();
    assert!(hops.len() > before + 1, "{hops:?}");
    for hop in &hops[before..] {
        assert_eq!(hop.sni.as_deref(), Some("api.internal.test"), "{hops:?}");
    }
    // The flag, for both tools.
    let k = side.kubectl(
        &plain,
        &[],
        &[
            "get",
            "backendtrafficpolicies",
            "--tls-server-name",
            "api.internal.test",
        ],
    );
    let d = side.datumctl(
        &plain,
        &[],
        &["get", "btp", "--tls-server-name", "api.internal.test"],
    );
    assert_both_succeed("--tls-server-name", &(k, d));
    // A wrong tls-server-name is named in the refusal.
    let d = side.datumctl(
        &plain,
        &[],
        &["get", "btp", "--tls-server-name", "other.test"],
    );
    assert_eq!(code(&d), 3, "{}", show(&d));
    assert!(
        err(&d).contains("not other.test") && err(&d).contains("tls-server-name \"other.test\""),
        "{}",
        show(&d)
    );
}

#[test]
fn proxy_url_and_proxy_variables_as_client_go_uses_them() {
    let Some(side) = Side::new() else { return };
    let own = side.pki.self_signed("own", "serve", Some("IP:127.0.0.1"));
    let server = serve_tls(&own, &[]);
    let addr = server.url.trim_start_matches("https://").to_string();
    let proxy = Tunnel::connect_proxy();
    let ca_line = format!("certificate-authority: {}", own.cert_str());
    let via = side.kubeconfig(
        "via",
        &project(&server),
        &[ca_line.clone(), format!("proxy-url: {}", proxy.url)],
        &[],
    );
    let k = side.kubectl(&via, &[], &["get", "backendtrafficpolicies"]);
    let after_kubectl = proxy.hops().len();
    let d = side.datumctl(&via, &[], &["get", "btp"]);
    assert_both_succeed("proxy-url", &(k, d));
    let hops = proxy.hops();
    assert!(
        after_kubectl >= 1,
        "kubectl did not use the proxy: {hops:?}"
    );
    assert!(
        hops.len() > after_kubectl,
        "datumctl did not use the proxy: {hops:?}"
    );
    for hop in &hops {
        assert_eq!(hop.connect.as_deref(), Some(addr.as_str()), "{hops:?}");
    }
    // The environment: a loopback server is never proxied (Go's rule), so a dead proxy in
    // HTTPS_PROXY changes nothing; proxy-url overrides the variables.
    let dead = "http://127.0.0.1:9";
    let direct = side.kubeconfig("direct", &project(&server), &[ca_line], &[]);
    assert_both_succeed(
        "HTTPS_PROXY and a loopback server",
        &side.both(&direct, &[("HTTPS_PROXY", dead)]),
    );
    let seen = proxy.hops().len();
    assert_both_succeed(
        "proxy-url over HTTPS_PROXY",
        &side.both(&via, &[("HTTPS_PROXY", dead), ("NO_PROXY", "*")]),
    );
    assert!(proxy.hops().len() >= seen + 2, "{:?}", proxy.hops());
    // SOCKS5: both hand the proxy the server's address.
    let socks = Tunnel::socks5();
    let via_socks = side.kubeconfig(
        "via-socks",
        &project(&server),
        &[
            format!("certificate-authority: {}", own.cert_str()),
            format!("proxy-url: {}", socks.url),
        ],
        &[],
    );
    let k = side.kubectl(&via_socks, &[], &["get", "backendtrafficpolicies"]);
    let after_kubectl = socks.hops().len();
    let d = side.datumctl(&via_socks, &[], &["get", "btp"]);
    assert_both_succeed("proxy-url socks5", &(k, d));
    let hops = socks.hops();
    assert!(after_kubectl >= 1 && hops.len() > after_kubectl, "{hops:?}");
    for hop in &hops {
        assert_eq!(hop.connect.as_deref(), Some(addr.as_str()), "{hops:?}");
    }
    // A proxy-url scheme kubectl refuses is refused.
    let ftp = side.kubeconfig(
        "ftp",
        &project(&server),
        &["proxy-url: ftp://127.0.0.1:21".into()],
        &[],
    );
    let (k, d) = side.both(&ftp, &[]);
    assert_ne!(code(&k), 0, "{}", show(&k));
    assert_ne!(code(&d), 0, "{}", show(&d));
    assert!(
        err(&d).contains("proxy-url \"ftp://127.0.0.1:21\""),
        "{}",
        show(&d)
    );
}

#[test]
fn client_certificates_authenticate_as_their_common_name() {
    let Some(side) = Side::new() else { return };
    let own = side.pki.self_signed("own", "serve", Some("IP:127.0.0.1"));
    let client_ca = side.pki.self_signed("client-ca", "client ca", None);
    let tokens = side.path("tokens");
    std::fs::write(&tokens, "s3cret-token\n").expect("tokens");
    let server = serve_tls(
        &own,
        &[
            "--client-ca-file",
            &client_ca.cert_str(),
            "--token-file",
            tokens.to_str().expect("utf-8"),
        ],
    );
    let ca_line = format!("certificate-authority: {}", own.cert_str());
    let user_of = |pair: &Pair| {
        vec![
            format!("client-certificate: {}", pair.cert_str()),
            format!("client-key: {}", pair.key_str()),
        ]
    };
    for (name, subject, format, groups) in [
        (
            "alice",
            "/O=dev/O=ops/CN=alice",
            KeyFormat::RsaPkcs1,
            "[dev ops system:authenticated]",
        ),
        (
            "bob",
            "/CN=bob",
            KeyFormat::EcSec1,
            "[system:authenticated]",
        ),
        (
            "carol",
            "/O=dev/CN=carol",
            KeyFormat::Pkcs8,
            "[dev system:authenticated]",
        ),
    ] {
        let pair = side.pki.client(name, &client_ca, subject, format);
        let kc = side.kubeconfig(
            name,
            &project(&server),
            std::slice::from_ref(&ca_line),
            &user_of(&pair),
        );
        assert_both_succeed(
            &format!("{format:?} client certificate"),
            &side.both(&kc, &[]),
        );
        // The server took the certificate's CN as the user, its O as the groups.
        let who = side.kubectl(&kc, &[], &["auth", "whoami"]);
        assert_eq!(code(&who), 0, "{}", show(&who));
        let text = out(&who);
        assert!(
            text.lines()
                .any(|l| l.split_whitespace().eq(["Username", name])),
            "{text}"
        );
        assert!(text.contains(groups), "{text}");
    }
    // No certificate and an unknown token: both get 401.
    let anonymous = side.kubeconfig(
        "anonymous",
        &project(&server),
        std::slice::from_ref(&ca_line),
        &[],
    );
    assert_both_refuse(
        "no credential",
        &side.both(&anonymous, &[]),
        &["You must be logged in to the server"],
    );
    // A certificate from a CA the server does not know is no credential; the token still is.
    let stranger_ca = side.pki.self_signed("stranger-ca", "stranger", None);
    let stranger = side
        .pki
        .client("stranger", &stranger_ca, "/CN=mallory", KeyFormat::EcSec1);
    let mut with_token = user_of(&stranger);
    let kc = side.kubeconfig(
        "stranger",
        &project(&server),
        std::slice::from_ref(&ca_line),
        &with_token,
    );
    assert_both_refuse(
        "unknown client CA",
        &side.both(&kc, &[]),
        &["You must be logged in"],
    );
    with_token.push("token: s3cret-token".into());
    let kc = side.kubeconfig(
        "stranger-token",
        &project(&server),
        std::slice::from_ref(&ca_line),
        &with_token,
    );
    assert_both_succeed("unknown client CA with a token", &side.both(&kc, &[]));
    // A key that is not the certificate's: both refuse before sending, datumctl says so.
    let alice = side.path("alice.pem");
    let mismatched = side.kubeconfig(
        "mismatched",
        &project(&server),
        std::slice::from_ref(&ca_line),
        &[
            format!("client-certificate: {}", alice.display()),
            format!("client-key: {}", side.path("bob.key").display()),
        ],
    );
    assert_both_refuse(
        "mismatched key",
        &side.both(&mismatched, &[]),
        &[
            "the client key does not match the client certificate",
            "user \"me\"",
        ],
    );
    // A certificate without its key is an error naming the missing part.
    let no_key = side.kubeconfig(
        "no-key",
        &project(&server),
        std::slice::from_ref(&ca_line),
        &[format!("client-certificate: {}", alice.display())],
    );
    let (k, d) = side.both(&no_key, &[]);
    assert_ne!(code(&k), 0, "{}", show(&k));
    assert_ne!(code(&d), 0, "{}", show(&d));
    assert!(
        err(&d).contains("client-key-data or client-key must be specified"),
        "{}",
        show(&d)
    );
}

fn base64_of(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}
