//! The issuer side of OpenID Connect: where the issuer is (https, or plain http on loopback
//! only, for tests and local providers), its discovery document, and the token endpoint's
//! answers and OAuth errors.

use super::AuthError;
use crate::print::Printer;
use serde::Deserialize;
use serde_json::Value;
use std::time::Duration;

/// The issuer URL for `--hostname`: a bare host means https; a URL may say `http://` only when
/// it points at a loopback address.
pub fn issuer_url(hostname: &str) -> Result<String, AuthError> {
    let hostname = hostname.trim().trim_end_matches('/');
    if hostname.is_empty() {
        return Err(AuthError::Issuer(hostname.into(), "empty host".into()));
    }
    let url = if hostname.contains("://") {
        hostname.to_string()
    } else {
        format!("https://{hostname}")
    };
    let parsed =
        reqwest::Url::parse(&url).map_err(|e| AuthError::Issuer(hostname.into(), e.to_string()))?;
    if parsed.host_str().is_none() || !matches!(parsed.scheme(), "http" | "https") {
        return Err(AuthError::Issuer(
            hostname.into(),
            "expected a host name or an http(s) URL".into(),
        ));
    }
    check_endpoint(&url)?;
    Ok(url)
}

/// Whether `url` points at this machine (127.0.0.0/8, ::1, localhost).
pub fn is_loopback(url: &str) -> bool {
    let Ok(parsed) = reqwest::Url::parse(url) else {
        return false;
    };
    let host = parsed.host_str().unwrap_or("");
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Tokens travel only over https, or over http to this machine.
pub fn check_endpoint(url: &str) -> Result<(), AuthError> {
    if url.starts_with("https://") || (url.starts_with("http://") && is_loopback(url)) {
        Ok(())
    } else {
        Err(AuthError::InsecureEndpoint(url.to_string()))
    }
}

/// The API server for an issuer: `https://auth.datum.net` → `https://api.datum.net`.
pub fn derive_api_server(issuer: &str) -> Option<String> {
    let mut url = reqwest::Url::parse(issuer).ok()?;
    let host = url.host_str()?.strip_prefix("auth.")?.to_string();
    url.set_host(Some(&format!("api.{host}"))).ok()?;
    url.set_path("");
    Some(url.as_str().trim_end_matches('/').to_string())
}

/// The fields of `/.well-known/openid-configuration` login uses.
#[derive(Debug, Clone, Deserialize)]
pub struct Discovery {
    pub issuer: String,
    #[serde(default)]
    pub authorization_endpoint: Option<String>,
    pub token_endpoint: String,
    #[serde(default)]
    pub device_authorization_endpoint: Option<String>,
    #[serde(default)]
    pub jwks_uri: Option<String>,
}

/// A token endpoint's successful answer.
#[derive(Debug, Clone, Deserialize)]
pub struct TokenResponse {
    pub access_token: String,
    #[serde(default, deserialize_with = "lenient_seconds")]
    pub expires_in: Option<i64>,
    #[serde(default)]
    pub refresh_token: Option<String>,
    #[serde(default)]
    pub id_token: Option<String>,
}

/// Seconds as a JSON number or, as some issuers send them, a string.
pub fn lenient_seconds<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Number(n)) => n.as_i64(),
        Some(Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    })
}

impl TokenResponse {
    /// When the access token expires (seconds since the epoch): `expires_in`, else the token's
    /// own `exp` claim when it is a JWT, else unknown.
    pub fn expires_at(&self, now: i64) -> Option<i64> {
        match self.expires_in {
            Some(secs) => Some(now + secs),
            None => super::jwt::claims(&self.access_token)
                .ok()
                .and_then(|c| c["exp"].as_i64()),
        }
    }
}

/// HTTP to the issuer.
pub struct OAuthClient {
    http: reqwest::Client,
    /// Where `-v 6` request lines go (method, URL, status, time; never a body: they hold tokens).
    log: Option<Printer>,
}

impl OAuthClient {
    pub fn new(log: Option<Printer>) -> Result<OAuthClient, AuthError> {
        let http = reqwest::Client::builder()
            .use_rustls_tls()
            .user_agent(concat!("datumctl/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(60))
            // A redirect could carry the form to another host; the endpoints are exact.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|source| AuthError::Http {
                url: String::new(),
                source,
            })?;
        Ok(OAuthClient { http, log })
    }

    /// Sends a request, logging it at `-v 6`.
    async fn send(
        &self,
        method: &str,
        url: &str,
        request: reqwest::RequestBuilder,
    ) -> Result<reqwest::Response, AuthError> {
        let started = std::time::Instant::now();
        let resp = request.send().await.map_err(|source| AuthError::Http {
            url: url.into(),
            source,
        })?;
        if let Some(printer) = &self.log {
            printer.err(&crate::client::http::response_log_line(
                method,
                url,
                resp.status(),
                started.elapsed(),
            ));
        }
        Ok(resp)
    }

    /// Reads and checks the discovery document of `issuer`.
    pub async fn discover(&self, issuer: &str) -> Result<Discovery, AuthError> {
        let issuer = issuer.trim_end_matches('/');
        let url = format!("{issuer}/.well-known/openid-configuration");
        let resp = self
            .send(
                "GET",
                &url,
                self.http.get(&url).header("accept", "application/json"),
            )
            .await?;
        let body = read_json(&url, resp)
            .await?
            .map_err(|(status, _)| AuthError::Protocol {
                url: url.clone(),
                reason: format!("HTTP {status}; is this an OpenID Connect issuer?"),
            })?;
        let discovery: Discovery =
            serde_json::from_value(body).map_err(|e| AuthError::Protocol {
                url: url.clone(),
                reason: e.to_string(),
            })?;
        // OpenID Connect Discovery 1.0 §4.3: the document must name the issuer we asked.
        if discovery.issuer.trim_end_matches('/') != issuer {
            return Err(AuthError::Protocol {
                url,
                reason: format!(
                    "the document names issuer {:?}, not {issuer:?}",
                    discovery.issuer
                ),
            });
        }
        check_endpoint(&discovery.token_endpoint)?;
        for endpoint in [
            &discovery.authorization_endpoint,
            &discovery.device_authorization_endpoint,
            &discovery.jwks_uri,
        ]
        .into_iter()
        .flatten()
        {
            check_endpoint(endpoint)?;
        }
        Ok(discovery)
    }

    /// The issuer's signing keys.
    pub async fn jwks(&self, url: &str) -> Result<Value, AuthError> {
        let resp = self.send("GET", url, self.http.get(url)).await?;
        read_json(url, resp)
            .await?
            .map_err(|(status, _)| AuthError::Protocol {
                url: url.into(),
                reason: format!("HTTP {status}"),
            })
    }

    /// POSTs a form; a 4xx/5xx answer with an OAuth error body becomes `AuthError::OAuth`.
    pub async fn post_form(&self, url: &str, form: &[(&str, &str)]) -> Result<Value, AuthError> {
        let request = self
            .http
            .post(url)
            .header("accept", "application/json")
            .form(form);
        let resp = self.send("POST", url, request).await?;
        match read_json(url, resp).await? {
            Ok(body) => Ok(body),
            Err((status, body)) => match body["error"].as_str() {
                Some(code) => Err(AuthError::OAuth {
                    code: code.to_string(),
                    description: body["error_description"].as_str().map(str::to_string),
                }),
                None => Err(AuthError::Protocol {
                    url: url.into(),
                    reason: format!("HTTP {status}"),
                }),
            },
        }
    }

    /// One token request (any grant).
    pub async fn token(
        &self,
        url: &str,
        form: &[(&str, &str)],
    ) -> Result<TokenResponse, AuthError> {
        let body = self.post_form(url, form).await?;
        serde_json::from_value(body).map_err(|e| AuthError::Protocol {
            url: url.into(),
            reason: format!("not a token response: {e}"),
        })
    }
}

/// The JSON body, as `Ok` for a 2xx status and `Err((status, body))` otherwise (a body that is
/// not JSON reads as null).
async fn read_json(
    url: &str,
    resp: reqwest::Response,
) -> Result<Result<Value, (u16, Value)>, AuthError> {
    let status = resp.status();
    let bytes = resp.bytes().await.map_err(|source| AuthError::Http {
        url: url.into(),
        source,
    })?;
    let parsed = serde_json::from_slice::<Value>(&bytes);
    if status.is_success() {
        parsed.map(Ok).map_err(|e| AuthError::Protocol {
            url: url.into(),
            reason: format!("the body is not JSON: {e}"),
        })
    } else {
        Ok(Err((status.as_u16(), parsed.unwrap_or(Value::Null))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issuers_need_https_except_on_loopback() {
        assert_eq!(
            issuer_url("auth.datum.net").expect("bare host"),
            "https://auth.datum.net"
        );
        assert_eq!(
            issuer_url("http://127.0.0.1:8080/").expect("loopback"),
            "http://127.0.0.1:8080"
        );
        assert!(issuer_url("http://localhost:1").is_ok());
        assert!(issuer_url("http://[::1]:1").is_ok());
        assert!(matches!(
            issuer_url("http://auth.datum.net"),
            Err(AuthError::InsecureEndpoint(_))
        ));
        assert!(matches!(
            issuer_url("http://127.0.0.1.evil.example"),
            Err(AuthError::InsecureEndpoint(_))
        ));
        assert!(issuer_url("ftp://x").is_err());
        assert!(issuer_url("").is_err());
    }

    #[test]
    fn api_server_comes_from_the_auth_host() {
        assert_eq!(
            derive_api_server("https://auth.datum.net").as_deref(),
            Some("https://api.datum.net")
        );
        assert_eq!(
            derive_api_server("https://auth.staging.env.datum.net:8443").as_deref(),
            Some("https://api.staging.env.datum.net:8443")
        );
        assert_eq!(derive_api_server("http://127.0.0.1:9"), None);
    }

    #[test]
    fn expires_in_may_be_a_string() {
        let t: TokenResponse =
            serde_json::from_str(r#"{"access_token": "a", "expires_in": "3600"}"#).expect("parse");
        assert_eq!(t.expires_in, Some(3600));
        let t: TokenResponse = serde_json::from_str(r#"{"access_token": "a"}"#).expect("parse");
        assert_eq!(t.expires_in, None);
    }

    #[test]
    fn expiry_from_expires_in_or_the_token() {
        let t = TokenResponse {
            access_token: "opaque".into(),
            expires_in: Some(300),
            refresh_token: None,
            id_token: None,
        };
        assert_eq!(t.expires_at(1000), Some(1300));
        let t = TokenResponse {
            expires_in: None,
            ..t
        };
        assert_eq!(t.expires_at(1000), None);
    }
}
