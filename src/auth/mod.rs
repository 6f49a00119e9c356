//! Logging in to Datum Cloud with OpenID Connect: discovery, the browser (authorization code +
//! PKCE) and device flows, service-account keys (RFC 7523 JWT-bearer), and keeping the stored
//! access token fresh for every other command.

pub mod browser;
pub mod device;
pub mod jwt;
pub mod oidc;
pub mod service_account;
pub mod store;

use std::path::PathBuf;
use thiserror::Error;

pub use store::LoginToken;

/// The scopes an interactive login asks for; `offline_access` brings the refresh token.
pub const SCOPES: &str = "openid profile email offline_access";

/// The public OAuth client ids Datum registered for its CLI (PKCE clients: ids, not secrets),
/// used when neither the flag, the environment nor the context names one.
pub fn builtin_client_id(issuer: &str) -> Option<&'static str> {
    let host = reqwest::Url::parse(issuer)
        .ok()?
        .host_str()?
        .to_ascii_lowercase();
    if host.ends_with(".staging.env.datum.net") {
        Some("325848904128073754")
    } else if host == "datum.net" || host.ends_with(".datum.net") {
        Some("328728232771788043")
    } else {
        None
    }
}

/// A refresh happens when the access token has less than this left.
pub const REFRESH_MARGIN_SECS: i64 = 60;

#[derive(Debug, Error)]
pub enum AuthError {
    #[error("invalid issuer {0:?}: {1}")]
    Issuer(String, String),
    #[error("refusing plain http for {0}: only loopback addresses may use http, others need https")]
    InsecureEndpoint(String),
    #[error("cannot reach {url}: {source}")]
    Http { url: String, source: reqwest::Error },
    #[error("unexpected answer from {url}: {reason}")]
    Protocol { url: String, reason: String },
    #[error("{}", oauth_text(.code, .description))]
    OAuth {
        code: String,
        description: Option<String>,
    },
    #[error("the identity provider did not approve the login in time (expired_token); start again")]
    DeviceExpired,
    #[error("the login was denied (access_denied)")]
    AccessDenied,
    #[error("the browser login failed: {0}")]
    Callback(String),
    #[error("no answer from the browser within {0} seconds")]
    CallbackTimeout(u64),
    #[error("service-account key {path}: {reason}")]
    Key { path: PathBuf, reason: String },
    #[error("the ID token is not valid: {0}")]
    IdToken(String),
    #[error(transparent)]
    Jwt(#[from] jwt::JwtError),
    #[error(transparent)]
    Config(#[from] crate::client::config::ConfigError),
    #[error("{what} {path}: {source}")]
    Io {
        what: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "the identity provider no longer accepts the login stored in context {context:?} ({detail})"
    )]
    LoginExpired { context: String, detail: String },
    #[error(
        "context {0:?} has no refresh token or service-account key to renew its expired access token"
    )]
    CannotRenew(String),
}

fn oauth_text(code: &str, description: &Option<String>) -> String {
    match description {
        Some(d) if !d.is_empty() => format!("the identity provider answered {code}: {d}"),
        _ => format!("the identity provider answered {code}"),
    }
}

impl AuthError {
    /// Whether the stored credential is dead and only a new login helps.
    pub fn needs_login(&self) -> bool {
        matches!(
            self,
            AuthError::LoginExpired { .. } | AuthError::CannotRenew(_)
        )
    }
}

/// Seconds since the Unix epoch.
pub(crate) fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

#[cfg(test)]
mod tests {
    #[test]
    fn datum_hosts_have_a_builtin_client_id() {
        use super::builtin_client_id as id;
        assert_eq!(id("https://auth.datum.net"), Some("328728232771788043"));
        assert_eq!(
            id("https://auth.staging.env.datum.net"),
            Some("325848904128073754")
        );
        assert_eq!(id("https://auth.example.com"), None);
        assert_eq!(id("https://evil-datum.net"), None);
    }
}
