//! The HTTP client: the credential consulted per request (and once more after a 401),
//! impersonation headers, TLS settings, per-request timeout, retries with backoff and
//! jitter for idempotent requests, `Warning:` headers to stderr, and `-v` request logging with
//! the Authorization value redacted.

use super::credential::Authorization;
use super::proxy::ProxyRule;
use super::status::{ApiStatus, ClientError};
use super::target::Target;
use super::tls::{self, SniRoute};
use crate::print::Printer;
use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderMap, RETRY_AFTER};
use reqwest::{Method, StatusCode};
use std::collections::HashSet;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// One request to send.
#[derive(Debug, Clone)]
pub struct ApiRequest {
    pub method: Method,
    pub url: String,
    pub query: Vec<(String, String)>,
    pub body: Option<Vec<u8>>,
    pub content_type: Option<&'static str>,
    /// No overall timeout (watches).
    pub streaming: bool,
    /// The Accept header, when not plain `application/json` (aggregated discovery).
    pub accept: Option<&'static str>,
}

impl ApiRequest {
    pub fn new(method: Method, url: impl Into<String>) -> Self {
        ApiRequest {
            method,
            url: url.into(),
            query: Vec::new(),
            body: None,
            content_type: None,
            streaming: false,
            accept: None,
        }
    }

    pub fn accept(mut self, accept: &'static str) -> Self {
        self.accept = Some(accept);
        self
    }

    pub fn query(mut self, key: &str, value: impl Into<String>) -> Self {
        self.query.push((key.to_string(), value.into()));
        self
    }

    pub fn json_body(mut self, content_type: &'static str, body: Vec<u8>) -> Self {
        self.content_type = Some(content_type);
        self.body = Some(body);
        self
    }

    fn idempotent(&self) -> bool {
        matches!(
            self.method,
            Method::GET | Method::HEAD | Method::PUT | Method::DELETE | Method::OPTIONS
        )
    }
}

/// How many times and how long to retry.
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    pub attempts: u32,
    pub base: Duration,
    pub cap: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            attempts: 4,
            base: Duration::from_millis(150),
            cap: Duration::from_secs(10),
        }
    }
}

/// A configured client for one target.
pub struct ApiClient {
    http: reqwest::Client,
    pub target: Target,
    pub verbosity: u8,
    pub printer: Printer,
    timeout: Option<Duration>,
    retry: RetryPolicy,
    warned: Mutex<HashSet<String>>,
    /// Sends requests to `tls-server-name` (resolved to the URL's host), so it is the SNI.
    sni: Option<SniRoute>,
}

/// `--request-timeout` as clap parses it: a Go-style duration, `0` (zero) meaning no timeout.
pub fn request_timeout_arg(text: &str) -> Result<Duration, String> {
    parse_timeout(text).map(Option::unwrap_or_default)
}

/// Go-style durations for `--request-timeout`: `30s`, `1m30s`, `500ms`, a bare number is
/// seconds, `0` means no timeout.
pub fn parse_timeout(text: &str) -> Result<Option<Duration>, String> {
    let text = text.trim();
    if let Ok(secs) = text.parse::<u64>() {
        return Ok((secs > 0).then(|| Duration::from_secs(secs)));
    }
    let mut total = 0f64;
    let mut rest = text;
    if rest.is_empty() {
        return Err("empty duration".into());
    }
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .ok_or_else(|| format!("missing unit in duration {text:?}"))?;
        let number: f64 = rest[..digits]
            .parse()
            .map_err(|_| format!("invalid duration {text:?}"))?;
        rest = &rest[digits..];
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let factor = match &rest[..unit_len] {
            "ns" => 1e-9,
            "us" | "µs" => 1e-6,
            "ms" => 1e-3,
            "s" => 1.0,
            "m" => 60.0,
            "h" => 3600.0,
            other => return Err(format!("unknown unit {other:?} in duration {text:?}")),
        };
        total += number * factor;
        rest = &rest[unit_len..];
    }
    Ok((total > 0.0).then(|| Duration::from_secs_f64(total)))
}

/// The text of a `Warning` header: `299 - "text"` → `text`.
pub fn warning_text(header: &str) -> String {
    let mut parts = header.splitn(3, ' ');
    let (_code, _agent, rest) = (parts.next(), parts.next(), parts.next());
    match rest {
        Some(r) if r.starts_with('"') => {
            let inner = r.trim_start_matches('"');
            let end = inner.rfind('"').unwrap_or(inner.len());
            inner[..end].replace("\\\"", "\"").replace("\\\\", "\\")
        }
        _ => header.to_string(),
    }
}

impl ApiClient {
    pub fn new(
        target: Target,
        verbosity: u8,
        printer: Printer,
        timeout: Option<Duration>,
    ) -> Result<ApiClient, ClientError> {
        let mut builder = reqwest::Client::builder()
            .use_rustls_tls()
            .user_agent(concat!("datumctl/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(Duration::from_secs(10))
            .pool_max_idle_per_host(64);
        let proxies = ProxyRule::new(
            target.tls.proxy_url.as_deref(),
            target.context.as_deref().unwrap_or(""),
        )?;
        let server_url = reqwest::Url::parse(&target.server).ok();
        let proxied = server_url.as_ref().and_then(|u| proxies.proxy_for(u));
        builder = builder.no_proxy();
        if !proxies.is_empty() {
            let rule = proxies.clone();
            builder = builder.proxy(reqwest::Proxy::custom(move |url| rule.proxy_for(url)));
        }
        let https = target.server.starts_with("https://");
        let mut sni = None;
        if https || proxied.as_ref().is_some_and(|p| p.scheme() == "https") {
            let mut config = tls::client_config(&target.tls)?;
            match (&target.tls.server_name, &server_url) {
                // Go sends no SNI for an IP address.
                (Some(name), _) if name.parse::<std::net::IpAddr>().is_ok() => {
                    config.enable_sni = false;
                }
                (Some(name), Some(url)) if proxied.is_none() => {
                    let route = SniRoute::new(url, name);
                    builder = builder.dns_resolver(std::sync::Arc::new(route.clone()));
                    sni = Some(route);
                }
                (Some(name), _) => printer.warn(&format!(
                    "tls-server-name {name:?} is checked in the server's certificate but not sent as SNI through the proxy"
                )),
                _ => {}
            }
            builder = builder.use_preconfigured_tls(config);
        }
        if !https {
            // Plain HTTP never needs the system's trust store, and reading it costs milliseconds;
            // a redirect to HTTPS is refused with the address to use instead.
            builder =
                builder
                    .tls_built_in_root_certs(false)
                    .redirect(reqwest::redirect::Policy::custom(|attempt| {
                        if attempt.url().scheme() == "https" {
                            let to = attempt.url().origin().ascii_serialization();
                            attempt.error(format!(
                                "the server redirects to {to}; use that address as --server"
                            ))
                        } else if attempt.previous().len() >= 10 {
                            attempt.error("too many redirects")
                        } else {
                            attempt.follow()
                        }
                    }));
        }
        if target.tls.insecure {
            printer.warn(&format!(
                "TLS certificate of {} is not verified (--insecure-skip-tls-verify); anyone on the path can read and change this traffic",
                target.server
            ));
        }
        let http = builder
            .build()
            .map_err(|e| ClientError::Setup(e.to_string()))?;
        Ok(ApiClient {
            http,
            target,
            verbosity,
            printer,
            timeout,
            retry: RetryPolicy::default(),
            warned: Mutex::new(HashSet::new()),
            sni,
        })
    }

    /// Replaces the retry policy (one attempt for a quick answer, as explain wants).
    pub fn set_retry(&mut self, retry: RetryPolicy) {
        self.retry = retry;
    }

    /// Sends `req`, retrying idempotent ones on connection errors, 429 and 503. Returns the
    /// response for a 2xx status, a `ClientError::Status` otherwise. The credential is asked
    /// for its header once per call; after a 401 a renewable one is renewed and the request
    /// sent once more (a 401 means the server did not act on it).
    pub async fn send(&self, req: &ApiRequest) -> Result<reqwest::Response, ClientError> {
        let mut attempt = 0;
        let mut auth = self.target.credential.authorization().await?;
        let mut renewed = false;
        loop {
            attempt += 1;
            let started = Instant::now();
            let outcome = self.send_once(req, auth.as_ref()).await;
            if let Ok(resp) = &outcome
                && resp.status() == StatusCode::UNAUTHORIZED
                && !renewed
                && self.target.credential.refused(auth.as_ref()).await?
            {
                self.log_response(req, resp, started.elapsed());
                renewed = true;
                attempt -= 1;
                auth = self.target.credential.authorization().await?;
                continue;
            }
            let retry_after = match &outcome {
                Ok(resp)
                    if resp.status() == StatusCode::TOO_MANY_REQUESTS
                        || resp.status() == StatusCode::SERVICE_UNAVAILABLE =>
                {
                    Some(retry_after(resp.headers()))
                }
                Err(e) if e.is_connect() => Some(None),
                // A redirect we refuse will be refused again.
                Err(e) if e.is_redirect() => None,
                // A connection cut before the answer is complete: safe to repeat only when the
                // request is idempotent (a POST may have been applied).
                Err(e) if req.idempotent() && !e.is_timeout() => Some(None),
                _ => None,
            };
            if let Ok(resp) = &outcome {
                self.log_response(req, resp, started.elapsed());
                self.print_warnings(resp.headers());
            }
            // 429 and 503 with Retry-After say the request was not processed, so even a POST
            // may go again, as client-go does.
            let told_to_wait = matches!(retry_after, Some(Some(_)));
            let can_retry = (req.idempotent() || told_to_wait) && attempt < self.retry.attempts;
            match (retry_after, can_retry) {
                (Some(server_wait), true) => {
                    let wait = server_wait.unwrap_or_else(|| self.backoff(attempt));
                    if self.verbosity >= 6 {
                        self.printer.err(&format!(
                            "retrying {} {} in {} ms (attempt {} of {})\n",
                            req.method,
                            req.url,
                            wait.as_millis(),
                            attempt + 1,
                            self.retry.attempts
                        ));
                    }
                    tokio::time::sleep(wait.min(self.retry.cap * 6)).await;
                }
                _ => {
                    let resp = outcome.map_err(|e| ClientError::from_transport(e, &req.url))?;
                    if resp.status().is_success() {
                        return Ok(resp);
                    }
                    let code = resp.status().as_u16();
                    let body = resp.bytes().await.unwrap_or_default();
                    self.log_body("Response Body", &body);
                    return Err(ClientError::Status(Box::new(ApiStatus::from_body(
                        code, &body,
                    ))));
                }
            }
        }
    }

    /// Sends and reads the whole JSON body.
    pub async fn send_json(&self, req: &ApiRequest) -> Result<serde_json::Value, ClientError> {
        let mut attempt = 1;
        let body = loop {
            let resp = self.send(req).await?;
            match resp.bytes().await {
                Ok(body) => break body,
                // The body was cut part-way: a GET is read again rather than half-used.
                Err(e) if req.idempotent() && !e.is_timeout() && attempt < self.retry.attempts => {
                    attempt += 1;
                    tokio::time::sleep(self.backoff(attempt)).await;
                }
                Err(e) => return Err(ClientError::from_transport(e, &req.url)),
            }
        };
        self.log_body("Response Body", &body);
        // Checking UTF-8 once up front decodes ~20% faster than checking string by string.
        match std::str::from_utf8(&body) {
            Ok(text) => serde_json::from_str(text),
            Err(_) => serde_json::from_slice(&body),
        }
        .map_err(|e| ClientError::Decode(format!("response from {}: {e}", req.url)))
    }

    /// Full jitter over an exponential backoff.
    fn backoff(&self, attempt: u32) -> Duration {
        let ceiling = self
            .retry
            .base
            .saturating_mul(1 << attempt.min(10))
            .min(self.retry.cap);
        ceiling.mul_f64(0.5 + fastrand::f64() * 0.5)
    }

    async fn send_once(
        &self,
        req: &ApiRequest,
        auth: Option<&Authorization>,
    ) -> Result<reqwest::Response, reqwest::Error> {
        let mut builder = self.http.request(req.method.clone(), &req.url);
        if !req.query.is_empty() {
            builder = builder.query(&req.query);
        }
        builder = builder.header(ACCEPT, req.accept.unwrap_or("application/json"));
        if let Some(auth) = auth {
            builder = builder.header(AUTHORIZATION, &auth.header);
        }
        for (name, value) in self.target.impersonate.headers() {
            builder = builder.header(name, value);
        }
        if let Some(ct) = req.content_type {
            builder = builder.header(CONTENT_TYPE, ct);
        }
        if let Some(body) = &req.body {
            builder = builder.body(body.clone());
        }
        if let (Some(t), false) = (self.timeout, req.streaming) {
            builder = builder.timeout(t);
        }
        let mut request = builder.build()?;
        if self.verbosity >= 6 {
            self.log_request(&request, req);
        }
        if let Some(route) = &self.sni {
            route.apply(&mut request);
        }
        self.http.execute(request).await
    }

    fn log_request(&self, request: &reqwest::Request, req: &ApiRequest) {
        if self.verbosity < 7 {
            return;
        }
        let mut text = format!("{} {}\n", request.method(), request.url());
        text.push_str("Request Headers:\n");
        for (name, value) in request.headers() {
            let shown = if name == AUTHORIZATION {
                redact_authorization(value.to_str().unwrap_or(""))
            } else {
                value.to_str().unwrap_or("<binary>").to_string()
            };
            text.push_str(&format!("    {name}: {shown}\n"));
        }
        self.printer.err(&text);
        if let Some(body) = &req.body {
            self.log_body("Request Body", body);
        }
    }

    fn log_response(&self, req: &ApiRequest, resp: &reqwest::Response, elapsed: Duration) {
        if self.verbosity < 6 {
            return;
        }
        let mut text = response_log_line(
            req.method.as_str(),
            resp.url().as_str(),
            resp.status(),
            elapsed,
        );
        if self.verbosity >= 8 {
            text.push_str("Response Headers:\n");
            for (name, value) in resp.headers() {
                text.push_str(&format!(
                    "    {name}: {}\n",
                    value.to_str().unwrap_or("<binary>")
                ));
            }
        }
        self.printer.err(&text);
    }

    pub(crate) fn log_body(&self, what: &str, body: &[u8]) {
        if self.verbosity < 8 {
            return;
        }
        let text = String::from_utf8_lossy(body);
        let limit = if self.verbosity >= 9 {
            usize::MAX
        } else {
            10240
        };
        let shown: String = text.chars().take(limit).collect();
        let cut = if shown.len() < text.len() {
            " [truncated]"
        } else {
            ""
        };
        self.printer.err(&format!("{what}: {shown}{cut}\n"));
    }

    fn print_warnings(&self, headers: &HeaderMap) {
        for value in headers.get_all("warning") {
            let text = warning_text(value.to_str().unwrap_or(""));
            let fresh = self
                .warned
                .lock()
                .map(|mut seen| seen.insert(text.clone()))
                .unwrap_or(true);
            if fresh {
                self.printer.warn(&text);
            }
        }
    }
}

/// `Bearer abcdef…` → `Bearer <masked>`; other schemes are masked whole.
pub fn redact_authorization(value: &str) -> String {
    match value.split_once(' ') {
        Some((scheme, _)) => format!("{scheme} <masked>"),
        None => "<masked>".into(),
    }
}

/// A `Retry-After` in seconds, if the server sent one.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    headers
        .get(RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim()
        .parse::<u64>()
        .ok()
        .map(Duration::from_secs)
}

/// kubectl's `-v 6` line for one answered request (`GET URL 200 OK in 12 milliseconds`), the
/// same for API calls and for the sign-in provider's.
pub fn response_log_line(method: &str, url: &str, status: StatusCode, elapsed: Duration) -> String {
    format!(
        "{method} {url} {} {} in {} milliseconds\n",
        status.as_u16(),
        status.canonical_reason().unwrap_or(""),
        elapsed.as_millis()
    )
}

#[cfg(test)]
mod tests {
    use super::super::credential::Credential;
    use super::*;

    #[test]
    fn the_v6_line_reads_as_kubectls() {
        let line = response_log_line(
            "GET",
            "https://h/x",
            StatusCode::NOT_FOUND,
            Duration::from_millis(12),
        );
        assert_eq!(line, "GET https://h/x 404 Not Found in 12 milliseconds\n");
    }

    #[test]
    fn timeouts_parse_like_go_durations() {
        assert_eq!(parse_timeout("0"), Ok(None));
        assert_eq!(parse_timeout("30"), Ok(Some(Duration::from_secs(30))));
        assert_eq!(parse_timeout("1m30s"), Ok(Some(Duration::from_secs(90))));
        assert_eq!(parse_timeout("500ms"), Ok(Some(Duration::from_millis(500))));
        assert!(parse_timeout("5x").is_err());
        assert!(parse_timeout("").is_err());
    }

    /// A one-connection-per-request HTTP server that answers with `replies` in turn and
    /// counts the requests it saw.
    async fn scripted(
        replies: Vec<&'static str>,
    ) -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
        use std::sync::atomic::{AtomicUsize, Ordering};
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        let seen = std::sync::Arc::new(AtomicUsize::new(0));
        let counter = seen.clone();
        tokio::spawn(async move {
            for reply in replies {
                let Ok((mut sock, _)) = listener.accept().await else {
                    return;
                };
                let mut buf = vec![0u8; 4096];
                let _ = sock.read(&mut buf).await;
                counter.fetch_add(1, Ordering::SeqCst);
                let _ = sock.write_all(reply.as_bytes()).await;
                let _ = sock.shutdown().await;
            }
        });
        (url, seen)
    }

    fn test_client(url: &str) -> ApiClient {
        let target = Target {
            base: url.to_string(),
            server: url.to_string(),
            namespace: "default".into(),
            credential: Credential::Bearer("t".into()),
            kubeconfig: true,
            ..Target::default()
        };
        let printer = Printer::new(
            crate::print::ColorChoice::Never,
            crate::print::ErrorFormat::Human,
        );
        ApiClient::new(target, 0, printer, None).expect("client")
    }

    const BUSY: &str = "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 0\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    const BUSY_NO_HINT: &str =
        "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    const OK: &str = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";

    #[tokio::test]
    async fn idempotent_requests_retry_on_503_and_others_only_when_told_to_wait() {
        use std::sync::atomic::Ordering;
        let (url, seen) = scripted(vec![BUSY, BUSY, OK]).await;
        let client = test_client(&url);
        let got = client
            .send_json(&ApiRequest::new(Method::GET, format!("{url}/x")))
            .await;
        assert!(got.is_ok(), "{got:?}");
        assert_eq!(seen.load(Ordering::SeqCst), 3);

        // Retry-After says the server did not take the request: a POST goes again.
        let (url, seen) = scripted(vec![BUSY, OK]).await;
        let client = test_client(&url);
        let posted = client
            .send_json(
                &ApiRequest::new(Method::POST, format!("{url}/x"))
                    .json_body("application/json", b"{}".to_vec()),
            )
            .await;
        assert!(posted.is_ok(), "{posted:?}");
        assert_eq!(seen.load(Ordering::SeqCst), 2);

        // Without it the POST may have been applied: it is not repeated.
        let (url, seen) = scripted(vec![BUSY_NO_HINT, OK]).await;
        let client = test_client(&url);
        let posted = client
            .send_json(
                &ApiRequest::new(Method::POST, format!("{url}/x"))
                    .json_body("application/json", b"{}".to_vec()),
            )
            .await;
        assert!(
            matches!(posted, Err(ClientError::Status(ref s)) if s.code == 503),
            "{posted:?}"
        );
        assert_eq!(seen.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn a_plain_http_server_redirecting_to_https_names_the_address_to_use() {
        const MOVED: &str = "HTTP/1.1 301 Moved Permanently\r\nLocation: https://127.0.0.1:9/x\r\nContent-Length: 0\r\n\r\n";
        let (url, _) = scripted(vec![MOVED]).await;
        let got = test_client(&url)
            .send_json(&ApiRequest::new(Method::GET, format!("{url}/x")))
            .await;
        let text = format!("{:?}", got.expect_err("refused"));
        assert!(
            text.contains("redirects to https://127.0.0.1:9; use that address as --server"),
            "{text}"
        );
    }

    #[test]
    fn warnings_and_redaction() {
        assert_eq!(
            warning_text("299 - \"spec.foo is deprecated\""),
            "spec.foo is deprecated"
        );
        assert_eq!(redact_authorization("Bearer s3cret"), "Bearer <masked>");
        assert!(!redact_authorization("s3cret").contains("s3cret"));
    }
}
