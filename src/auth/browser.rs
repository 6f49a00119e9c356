//! The browser login: authorization code with PKCE (S256, RFC 7636). A one-shot callback server
//! on 127.0.0.1 receives the code; the `state` value ties the answer to this login, the `nonce`
//! ties the ID token to it.

use super::jwt::b64url;
use super::oidc::{Discovery, OAuthClient, TokenResponse};
use super::{AuthError, SCOPES};
use crate::print::Printer;
use ring::rand::{SecureRandom, SystemRandom};
use std::collections::HashMap;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

pub const CALLBACK_PATH: &str = "/datumctl/auth/callback";

/// How long to wait for the browser before giving up.
const CALLBACK_WAIT_SECS: u64 = 300;

/// Fills `buf` from the system's secure random source.
pub fn fill_random(buf: &mut [u8]) {
    // The OS generator failing leaves nothing sensible to do but stop.
    SystemRandom::new()
        .fill(buf)
        .expect("the operating system's random number generator failed");
}

/// 32 random bytes, base64url: state, nonce and code verifiers.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    fill_random(&mut bytes);
    b64url(&bytes)
}

/// `BASE64URL(SHA256(verifier))`.
pub fn s256_challenge(verifier: &str) -> String {
    b64url(ring::digest::digest(&ring::digest::SHA256, verifier.as_bytes()).as_ref())
}

/// Tokens from a finished browser login, with the nonce the ID token must carry.
pub struct BrowserLogin {
    pub tokens: TokenResponse,
    pub nonce: String,
}

pub async fn login(
    client: &OAuthClient,
    discovery: &Discovery,
    client_id: &str,
    printer: &Printer,
) -> Result<BrowserLogin, AuthError> {
    let authorize =
        discovery
            .authorization_endpoint
            .as_deref()
            .ok_or_else(|| AuthError::Protocol {
                url: discovery.issuer.clone(),
                reason: "the issuer has no authorization_endpoint; use --no-browser".into(),
            })?;
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(|e| AuthError::Callback(format!("cannot listen on 127.0.0.1: {e}")))?;
    let port = listener
        .local_addr()
        .map_err(|e| AuthError::Callback(e.to_string()))?
        .port();
    let redirect_uri = format!("http://127.0.0.1:{port}{CALLBACK_PATH}");
    let (state, nonce, verifier) = (random_token(), random_token(), random_token());
    let mut url = reqwest::Url::parse(authorize).map_err(|e| AuthError::Protocol {
        url: authorize.into(),
        reason: e.to_string(),
    })?;
    url.query_pairs_mut()
        .append_pair("response_type", "code")
        .append_pair("client_id", client_id)
        .append_pair("redirect_uri", &redirect_uri)
        .append_pair("scope", SCOPES)
        .append_pair("state", &state)
        .append_pair("nonce", &nonce)
        .append_pair("code_challenge", &s256_challenge(&verifier))
        .append_pair("code_challenge_method", "S256");
    let opened = open_browser(url.as_str());
    printer.err(&format!(
        "{}visit this URL to log in:\n\n    {url}\n\nWaiting for the browser to finish the login...\n",
        if opened {
            "Opened your browser; if it did not show the login page, "
        } else {
            "Could not open a browser; "
        }
    ));
    let code = tokio::time::timeout(
        Duration::from_secs(CALLBACK_WAIT_SECS),
        wait_for_code(&listener, &state),
    )
    .await
    .map_err(|_| AuthError::CallbackTimeout(CALLBACK_WAIT_SECS))??;
    let tokens = client
        .token(
            &discovery.token_endpoint,
            &[
                ("grant_type", "authorization_code"),
                ("code", &code),
                ("redirect_uri", &redirect_uri),
                ("client_id", client_id),
                ("code_verifier", &verifier),
            ],
        )
        .await?;
    Ok(BrowserLogin { tokens, nonce })
}

/// Serves the callback until a request with our `state` arrives; other paths get 404 (browsers
/// ask for favicons), a wrong `state` or an error answer ends the login.
async fn wait_for_code(listener: &TcpListener, state: &str) -> Result<String, AuthError> {
    loop {
        let (mut stream, _) = listener
            .accept()
            .await
            .map_err(|e| AuthError::Callback(e.to_string()))?;
        let Some(target) = read_request_target(&mut stream).await else {
            continue;
        };
        let (path, query) = target.split_once('?').unwrap_or((&target, ""));
        if path != CALLBACK_PATH {
            respond(&mut stream, "404 Not Found", "Not found.").await;
            continue;
        }
        let params: HashMap<String, String> = form_urlencoded::parse(query.as_bytes())
            .into_owned()
            .collect();
        if params.get("state").map(String::as_str) != Some(state) {
            respond(
                &mut stream,
                "400 Bad Request",
                "This answer does not belong to the login datumctl started.",
            )
            .await;
            return Err(AuthError::Callback(
                "the callback's state does not match this login (possible forgery); start again"
                    .into(),
            ));
        }
        if let Some(error) = params.get("error") {
            respond(
                &mut stream,
                "400 Bad Request",
                "The login failed; see the terminal.",
            )
            .await;
            return Err(match error.as_str() {
                "access_denied" => AuthError::AccessDenied,
                _ => AuthError::OAuth {
                    code: error.clone(),
                    description: params.get("error_description").cloned(),
                },
            });
        }
        let Some(code) = params.get("code").filter(|c| !c.is_empty()) else {
            respond(&mut stream, "400 Bad Request", "No authorization code.").await;
            return Err(AuthError::Callback("the callback carried no code".into()));
        };
        respond(
            &mut stream,
            "200 OK",
            "You are logged in to datumctl. You can close this window.",
        )
        .await;
        return Ok(code.clone());
    }
}

/// The request target of a `GET` (at most 16 KiB of head is read).
async fn read_request_target(stream: &mut TcpStream) -> Option<String> {
    let mut head = Vec::new();
    let mut buf = [0u8; 2048];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 16 * 1024 {
        let read = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut buf))
            .await
            .ok()?
            .ok()?;
        if read == 0 {
            break;
        }
        head.extend_from_slice(&buf[..read]);
    }
    let line = String::from_utf8_lossy(&head);
    let mut parts = line.lines().next()?.split_whitespace();
    (parts.next()? == "GET").then(|| parts.next().map(str::to_string))?
}

async fn respond(stream: &mut TcpStream, status: &str, text: &str) {
    let body = format!("<!doctype html><title>datumctl</title><p>{text}</p>\n");
    let reply = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.write_all(reply.as_bytes()).await;
    let _ = stream.shutdown().await;
}

/// Starts the user's browser on `url`: `$BROWSER` (`%s` stands for the URL, else it is
/// appended), else the desktop's opener. Never fails the login; says whether it started one.
pub fn open_browser(url: &str) -> bool {
    let mut command = match std::env::var("BROWSER")
        .ok()
        .filter(|b| !b.trim().is_empty())
    {
        Some(browser) => {
            let first = browser.split(':').next().unwrap_or(&browser).to_string();
            let mut words = first.split_whitespace().map(str::to_string);
            let Some(program) = words.next() else {
                return false;
            };
            let mut args: Vec<String> = words.collect();
            if args.iter().any(|a| a.contains("%s")) {
                args = args.into_iter().map(|a| a.replace("%s", url)).collect();
            } else {
                args.push(url.to_string());
            }
            let mut c = std::process::Command::new(program);
            c.args(args);
            c
        }
        None if cfg!(target_os = "macos") => {
            let mut c = std::process::Command::new("open");
            c.arg(url);
            c
        }
        None if cfg!(windows) => {
            let mut c = std::process::Command::new("rundll32");
            c.args(["url.dll,FileProtocolHandler", url]);
            c
        }
        None => {
            let mut c = std::process::Command::new("xdg-open");
            c.arg(url);
            c
        }
    };
    command
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    match command.spawn() {
        Ok(mut child) => {
            // Reap it whenever it exits; the login does not wait for the browser.
            std::thread::spawn(move || child.wait());
            true
        }
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pkce_challenge_matches_rfc7636_appendix_b() {
        assert_eq!(
            s256_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
        let a = random_token();
        assert_eq!(a.len(), 43);
        assert_ne!(a, random_token());
    }
}
