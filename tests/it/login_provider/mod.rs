//! A test-double OpenID Connect provider on loopback for the login tests (a real identity
//! provider cannot run in CI). It serves discovery, authorize, token, device and JWKS endpoints
//! and checks what a real one checks: the PKCE verifier, the device polling interval and
//! `slow_down`, and the JWT-bearer assertion's signature and claims. Every rule a client breaks
//! is recorded in `violations`, which each test asserts is empty.

pub mod flows;

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use ring::signature::{self, RsaKeyPair, RsaPublicKeyComponents};
use rustls_pki_types::PrivatePkcs8KeyDer;
use rustls_pki_types::pem::PemObject;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

pub const CLIENT_ID: &str = "datumctl-test";
pub const SA_CLIENT_ID: &str = "robot@ci.test";
pub const SA_KEY_ID: &str = "sa-key-1";
pub const USER_EMAIL: &str = "ada@example.test";
pub const USER_SUB: &str = "user-4242";
const PROVIDER_KID: &str = "provider-1";

pub fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn key_pair(pem: &str) -> RsaKeyPair {
    let der = PrivatePkcs8KeyDer::from_pem_slice(pem.as_bytes()).expect("PKCS#8 PEM");
    RsaKeyPair::from_pkcs8(der.secret_pkcs8_der()).expect("RSA key")
}

fn jwk(pair: &RsaKeyPair, kid: &str) -> Value {
    let public: RsaPublicKeyComponents<Vec<u8>> = pair.public().into();
    json!({"kty": "RSA", "alg": "RS256", "use": "sig", "kid": kid,
           "n": B64.encode(&public.n), "e": B64.encode(&public.e)})
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock")
        .as_secs() as i64
}

struct Grant {
    challenge: String,
    redirect_uri: String,
    nonce: String,
}

pub struct DevicePolls {
    pub user_code: String,
    pub approved: bool,
    pub denied: bool,
    pub expires_at: Instant,
    pub interval: Duration,
    /// When each poll arrived and what it was answered.
    pub polls: Vec<(Instant, String)>,
}

/// What the provider saw and decided; tests read and steer it.
#[derive(Default)]
pub struct Ledger {
    pub violations: Vec<String>,
    /// Every token handed out (access, refresh, ID), to prove none leaks into output.
    pub issued: Vec<String>,
    pub refresh_grants: usize,
    pub jwt_grants: usize,
    pub code_grants: usize,
    /// Refresh token -> still valid.
    pub refresh_tokens: HashMap<String, bool>,
    codes: HashMap<String, Grant>,
    pub devices: HashMap<String, DevicePolls>,
    /// Seconds an access token lives.
    pub expires_in: i64,
    /// Device grant lifetime and the interval it asks for.
    pub device_expires_in: u64,
    /// Answer the second device poll with `slow_down`.
    pub script_slow_down: bool,
    pub refresh_delay: Duration,
    /// The `scope` of the last JWT-bearer request.
    pub jwt_scope: Option<String>,
    /// Put another login's nonce into ID tokens (a replayed token).
    pub wrong_nonce: bool,
    counter: usize,
}

pub struct Provider {
    pub url: String,
    pub ledger: Arc<Mutex<Ledger>>,
    _shutdown: tokio::sync::oneshot::Sender<()>,
}

#[derive(Clone)]
struct Shared {
    issuer: String,
    ledger: Arc<Mutex<Ledger>>,
    signer: Arc<RsaKeyPair>,
    service_account: Arc<Value>,
}

impl Provider {
    pub fn start() -> Provider {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.set_nonblocking(true).expect("nonblocking");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        let ledger = Arc::new(Mutex::new(Ledger {
            expires_in: 3600,
            device_expires_in: 60,
            script_slow_down: true,
            ..Default::default()
        }));
        let shared = Shared {
            issuer: url.clone(),
            ledger: ledger.clone(),
            signer: Arc::new(key_pair(&fixture("TEST-ONLY-provider-signing-key.pem"))),
            service_account: Arc::new(jwk(
                &key_pair(&fixture("TEST-ONLY-service-account-key.pem")),
                SA_KEY_ID,
            )),
        };
        let app = Router::new()
            .route("/.well-known/openid-configuration", get(discovery))
            .route("/authorize", get(authorize))
            .route("/token", post(token))
            .route("/device", post(device))
            .route("/jwks", get(jwks))
            .with_state(shared);
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
                let _ = axum::serve(listener, app)
                    .with_graceful_shutdown(async {
                        let _ = rx.await;
                    })
                    .await;
            });
        });
        Provider {
            url,
            ledger,
            _shutdown: tx,
        }
    }

    pub fn ledger(&self) -> std::sync::MutexGuard<'_, Ledger> {
        self.ledger.lock().expect("ledger")
    }

    pub fn assert_no_violations(&self) {
        let v = &self.ledger().violations;
        assert!(v.is_empty(), "the client broke protocol rules: {v:#?}");
    }

    /// The user approves (or denies) the device login showing `user_code`.
    pub fn decide_device(&self, user_code: &str, approve: bool) {
        let mut ledger = self.ledger();
        let device = ledger
            .devices
            .values_mut()
            .find(|d| d.user_code == user_code)
            .unwrap_or_else(|| panic!("no device login with code {user_code}"));
        device.approved = approve;
        device.denied = !approve;
    }

    /// Revokes every refresh token (an admin ended the sessions).
    pub fn revoke_refresh_tokens(&self) {
        for valid in self.ledger().refresh_tokens.values_mut() {
            *valid = false;
        }
    }
}

fn oauth_error(code: &str, description: &str) -> Response {
    (
        StatusCode::BAD_REQUEST,
        Json(json!({"error": code, "error_description": description})),
    )
        .into_response()
}

async fn discovery(State(s): State<Shared>) -> Json<Value> {
    let i = &s.issuer;
    Json(json!({
        "issuer": i,
        "authorization_endpoint": format!("{i}/authorize"),
        "token_endpoint": format!("{i}/token"),
        "device_authorization_endpoint": format!("{i}/device"),
        "jwks_uri": format!("{i}/jwks"),
        "grant_types_supported": ["authorization_code", "refresh_token",
            "urn:ietf:params:oauth:grant-type:device_code",
            "urn:ietf:params:oauth:grant-type:jwt-bearer"],
        "code_challenge_methods_supported": ["S256"],
    }))
}

async fn jwks(State(s): State<Shared>) -> Json<Value> {
    Json(json!({"keys": [jwk(&s.signer, PROVIDER_KID)]}))
}

async fn authorize(State(s): State<Shared>, Query(q): Query<HashMap<String, String>>) -> Response {
    let mut ledger = s.ledger.lock().expect("ledger");
    let p = |k: &str| q.get(k).cloned().unwrap_or_default();
    let redirect = p("redirect_uri");
    let mut problems = Vec::new();
    if p("response_type") != "code" {
        problems.push("response_type is not code".to_string());
    }
    if p("client_id") != CLIENT_ID {
        problems.push(format!("unknown client_id {:?}", p("client_id")));
    }
    let loopback_callback =
        redirect.starts_with("http://127.0.0.1:") && redirect.ends_with("/datumctl/auth/callback");
    if !loopback_callback {
        problems.push(format!(
            "redirect_uri {redirect:?} is not the loopback callback"
        ));
    }
    let scopes: Vec<String> = p("scope").split(' ').map(str::to_string).collect();
    for wanted in ["openid", "profile", "email", "offline_access"] {
        if !scopes.iter().any(|s| s == wanted) {
            problems.push(format!("scope lacks {wanted}"));
        }
    }
    if p("code_challenge_method") != "S256" || p("code_challenge").len() != 43 {
        problems.push("no S256 code_challenge".into());
    }
    if p("state").len() < 16 || p("nonce").len() < 16 {
        problems.push("state or nonce too short".into());
    }
    if !problems.is_empty() {
        ledger
            .violations
            .extend(problems.iter().map(|m| format!("authorize: {m}")));
        return (StatusCode::BAD_REQUEST, problems.join("; ")).into_response();
    }
    ledger.counter += 1;
    let code = format!("code-{}", ledger.counter);
    ledger.codes.insert(
        code.clone(),
        Grant {
            challenge: p("code_challenge"),
            redirect_uri: redirect.clone(),
            nonce: p("nonce"),
        },
    );
    let location = format!(
        "{redirect}?code={code}&state={}",
        form_urlencoded::byte_serialize(p("state").as_bytes()).collect::<String>()
    );
    (StatusCode::FOUND, [(header::LOCATION, location)]).into_response()
}

async fn device(State(s): State<Shared>, body: Bytes) -> Response {
    let f = form(&body);
    let mut ledger = s.ledger.lock().expect("ledger");
    if f.get("client_id").map(String::as_str) != Some(CLIENT_ID) {
        ledger.violations.push("device: unknown client_id".into());
        return oauth_error("invalid_client", "unknown client");
    }
    ledger.counter += 1;
    let n = ledger.counter;
    let (device_code, user_code) = (format!("device-{n}"), format!("WXYZ-{n:04}"));
    let expires_in = ledger.device_expires_in;
    ledger.devices.insert(
        device_code.clone(),
        DevicePolls {
            user_code: user_code.clone(),
            approved: false,
            denied: false,
            expires_at: Instant::now() + Duration::from_secs(expires_in),
            interval: Duration::from_secs(1),
            polls: Vec::new(),
        },
    );
    Json(json!({
        "device_code": device_code, "user_code": user_code,
        "verification_uri": format!("{}/activate", s.issuer),
        "verification_uri_complete": format!("{}/activate?user_code={user_code}", s.issuer),
        "expires_in": expires_in, "interval": 1,
    }))
    .into_response()
}

fn form(body: &[u8]) -> HashMap<String, String> {
    form_urlencoded::parse(body).into_owned().collect()
}

fn sign(s: &Shared, claims: &Value) -> String {
    let header = json!({"alg": "RS256", "typ": "JWT", "kid": PROVIDER_KID});
    let input = format!(
        "{}.{}",
        B64.encode(header.to_string()),
        B64.encode(claims.to_string())
    );
    let mut sig = vec![0; s.signer.public().modulus_len()];
    s.signer
        .sign(
            &signature::RSA_PKCS1_SHA256,
            &ring::rand::SystemRandom::new(),
            input.as_bytes(),
            &mut sig,
        )
        .expect("sign");
    format!("{input}.{}", B64.encode(sig))
}

/// Issues an access token (predictable, so `datumctl serve --token-file` can accept it), a
/// rotated refresh token when `refresh`, and an ID token.
/// Tokens for the test user, with a refresh token, for datumctl's client id.
fn issue_user(s: &Shared, ledger: &mut Ledger, nonce: Option<&str>) -> Response {
    issue(
        s,
        ledger,
        USER_SUB,
        Some(USER_EMAIL),
        CLIENT_ID,
        nonce,
        true,
    )
}

fn issue(
    s: &Shared,
    ledger: &mut Ledger,
    sub: &str,
    email: Option<&str>,
    aud: &str,
    nonce: Option<&str>,
    refresh: bool,
) -> Response {
    ledger.counter += 1;
    let n = ledger.counter;
    let access = format!("access-token-{n}");
    let mut body =
        json!({"access_token": access, "token_type": "Bearer", "expires_in": ledger.expires_in});
    ledger.issued.push(access);
    if refresh {
        let rt = format!("refresh-token-{n}");
        ledger.refresh_tokens.insert(rt.clone(), true);
        ledger.issued.push(rt.clone());
        body["refresh_token"] = json!(rt);
    }
    let mut claims = json!({"iss": s.issuer, "sub": sub, "aud": aud, "iat": now(), "exp": now() + ledger.expires_in});
    if let Some(e) = email {
        claims["email"] = json!(e);
    }
    if let Some(n) = nonce {
        claims["nonce"] = json!(n);
    }
    let id = sign(s, &claims);
    ledger.issued.push(id.clone());
    body["id_token"] = json!(id);
    Json(body).into_response()
}

async fn token(State(s): State<Shared>, body: Bytes) -> Response {
    let f = form(&body);
    let p = |k: &str| f.get(k).cloned().unwrap_or_default();
    let grant = p("grant_type");
    if grant == "refresh_token" {
        let delay = s.ledger.lock().expect("ledger").refresh_delay;
        // Widens the window in which a second, unlocked refresh would collide.
        tokio::time::sleep(delay).await;
    }
    let mut ledger = s.ledger.lock().expect("ledger");
    let ledger = &mut *ledger;
    match grant.as_str() {
        "authorization_code" => {
            let Some(g) = ledger.codes.remove(&p("code")) else {
                ledger
                    .violations
                    .push("token: unknown or reused code".into());
                return oauth_error("invalid_grant", "unknown code");
            };
            let digest = ring::digest::digest(&ring::digest::SHA256, p("code_verifier").as_bytes());
            if B64.encode(digest.as_ref()) != g.challenge {
                ledger
                    .violations
                    .push("token: PKCE verifier does not match the challenge".into());
                return oauth_error("invalid_grant", "PKCE verification failed");
            }
            if p("redirect_uri") != g.redirect_uri || p("client_id") != CLIENT_ID {
                ledger
                    .violations
                    .push("token: redirect_uri or client_id differ from authorize".into());
                return oauth_error("invalid_grant", "redirect_uri mismatch");
            }
            ledger.code_grants += 1;
            let nonce = if ledger.wrong_nonce {
                "someone-elses-nonce".to_string()
            } else {
                g.nonce
            };
            issue_user(&s, ledger, Some(&nonce))
        }
        "refresh_token" => {
            if p("client_id") != CLIENT_ID {
                ledger.violations.push("refresh: wrong client_id".into());
            }
            match ledger.refresh_tokens.get_mut(&p("refresh_token")) {
                Some(valid) if *valid => *valid = false, // rotation: each refresh token works once
                _ => return oauth_error("invalid_grant", "refresh token revoked or already used"),
            }
            ledger.refresh_grants += 1;
            issue_user(&s, ledger, None)
        }
        "urn:ietf:params:oauth:grant-type:device_code" => {
            device_poll(&s, ledger, &p("device_code"))
        }
        "urn:ietf:params:oauth:grant-type:jwt-bearer" => match check_assertion(&s, &p("assertion"))
        {
            Ok(()) => {
                ledger.jwt_grants += 1;
                ledger.jwt_scope = f.get("scope").cloned();
                issue(&s, ledger, SA_CLIENT_ID, None, SA_CLIENT_ID, None, false)
            }
            Err(problem) => {
                ledger.violations.push(format!("jwt-bearer: {problem}"));
                oauth_error("invalid_grant", &problem)
            }
        },
        other => oauth_error("unsupported_grant_type", other),
    }
}

fn device_poll(s: &Shared, ledger: &mut Ledger, device_code: &str) -> Response {
    let slow_down_script = ledger.script_slow_down;
    let Some(d) = ledger.devices.get_mut(device_code) else {
        return oauth_error("invalid_grant", "unknown device code");
    };
    let at = Instant::now();
    // RFC 8628 §3.5: a client that polls faster than the interval is told to slow down.
    let too_early = d
        .polls
        .last()
        .is_some_and(|(last, _)| at.duration_since(*last) + Duration::from_millis(50) < d.interval);
    let answer = if at >= d.expires_at {
        "expired_token"
    } else if too_early {
        "slow_down"
    } else if d.denied {
        "access_denied"
    } else if slow_down_script && d.polls.len() == 1 {
        "slow_down"
    } else if d.approved {
        "ok"
    } else {
        "authorization_pending"
    };
    if answer == "slow_down" {
        d.interval += Duration::from_secs(5);
    }
    d.polls.push((at, answer.to_string()));
    if too_early {
        ledger.violations.push(format!(
            "device: polled before the interval had passed (poll {})",
            d_len(ledger, device_code)
        ));
    }
    match answer {
        "ok" => issue_user(s, ledger, None),
        code => oauth_error(code, "device login not finished"),
    }
}

fn d_len(ledger: &Ledger, device_code: &str) -> usize {
    ledger.devices.get(device_code).map_or(0, |d| d.polls.len())
}

/// RFC 7523 §3 checks on the service account's assertion, with the key registered for its kid.
fn check_assertion(s: &Shared, assertion: &str) -> Result<(), String> {
    let parts: Vec<&str> = assertion.split('.').collect();
    let [head, body, sig] = parts[..] else {
        return Err("not a JWT".into());
    };
    let decode = |seg: &str| -> Result<Value, String> {
        let bytes = B64.decode(seg).map_err(|e| e.to_string())?;
        serde_json::from_slice(&bytes).map_err(|e| e.to_string())
    };
    let (header, claims) = (decode(head)?, decode(body)?);
    if header["alg"] != "RS256" || header["kid"] != SA_KEY_ID {
        return Err(format!(
            "header {header} does not name RS256 and key {SA_KEY_ID}"
        ));
    }
    let key = &s.service_account;
    let n = B64
        .decode(key["n"].as_str().unwrap_or(""))
        .map_err(|e| e.to_string())?;
    let e = B64
        .decode(key["e"].as_str().unwrap_or(""))
        .map_err(|e| e.to_string())?;
    let sig = B64.decode(sig).map_err(|e| e.to_string())?;
    RsaPublicKeyComponents { n: &n, e: &e }
        .verify(
            &signature::RSA_PKCS1_2048_8192_SHA256,
            format!("{head}.{body}").as_bytes(),
            &sig,
        )
        .map_err(|_| "bad signature".to_string())?;
    if claims["iss"] != SA_CLIENT_ID || claims["sub"] != SA_CLIENT_ID {
        return Err(format!(
            "iss/sub are {}/{}, not the client id",
            claims["iss"], claims["sub"]
        ));
    }
    if claims["aud"] != s.issuer.as_str() {
        return Err(format!("aud {} is not the issuer", claims["aud"]));
    }
    let (iat, exp) = (
        claims["iat"].as_i64().unwrap_or(0),
        claims["exp"].as_i64().unwrap_or(0),
    );
    if exp <= now() || iat > now() + 5 || exp - iat > 600 {
        return Err(format!(
            "lifetime iat={iat} exp={exp} is not short and current"
        ));
    }
    Ok(())
}

/// A bare HTTP/1.1 GET on loopback: (status, Location header, body). Plays the browser.
pub fn http_get(url: &str) -> (u16, Option<String>, String) {
    let rest = url.strip_prefix("http://").expect("http URL");
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let mut stream = TcpStream::connect(host).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .expect("timeout");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .expect("write");
    let mut text = String::new();
    stream.read_to_string(&mut text).expect("read");
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let location = head.lines().find_map(|l| {
        l.split_once(':')
            .filter(|(k, _)| k.eq_ignore_ascii_case("location"))
            .map(|(_, v)| v.trim().to_string())
    });
    (status, location, body.to_string())
}
