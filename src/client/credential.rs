//! The one way credentials reach the client: a `Credential` the client consults for every
//! request (and once more after a 401), plus the impersonation headers. The command layer picks
//! the credential; the client never knows where a token was stored or how a login is renewed.
//! Asking for the header is async: a due credential renews itself on the runtime the request
//! runs on (no thread or runtime of its own).

use super::exec::{ExecError, ExecPlugin};
use base64::Engine;
use futures_util::future::BoxFuture;
use std::path::PathBuf;
use std::sync::Arc;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum CredentialError {
    #[error(transparent)]
    Exec(#[from] ExecError),
    #[error("cannot read token file {path}: {source}")]
    TokenFile {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}")]
    Renewal(String),
}

/// A token that can be renewed (a `datumctl login` kept fresh by the auth layer).
pub trait TokenSource: Send + Sync + std::fmt::Debug {
    /// The token to send now, renewed first when it is due. With `refused`, the server has just
    /// answered 401 to that token: renew unless it has changed meanwhile. (A boxed future keeps
    /// the trait usable as `dyn`.)
    fn token<'a>(
        &'a self,
        refused: Option<&'a str>,
    ) -> BoxFuture<'a, Result<String, CredentialError>>;
    /// Whether the token came from a file others may read (for the permission warning).
    fn describe(&self) -> &'static str;
}

/// How requests authenticate.
#[derive(Debug, Clone, Default)]
pub enum Credential {
    #[default]
    None,
    /// A bearer token given directly (`--token`, a context's or kubeconfig user's `token`).
    Bearer(String),
    /// A bearer token read from a file on each request, as client-go re-reads `tokenFile`;
    /// `fallback` is the user's `token`, used while the file cannot be read.
    TokenFile {
        path: PathBuf,
        fallback: Option<String>,
    },
    /// `username` / `password`: `Authorization: Basic …`.
    Basic { username: String, password: String },
    /// A client-go credential plugin (`user.exec`).
    Exec(Arc<ExecPlugin>),
    /// A renewable login (`datumctl login`).
    Renewing(Arc<dyn TokenSource>),
}

/// What one request carries in `Authorization`, and what to tell the source on a 401.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authorization {
    pub header: String,
    /// The bearer token sent, if any.
    pub token: Option<String>,
}

impl Credential {
    /// Whether anything is sent.
    pub fn is_some(&self) -> bool {
        !matches!(self, Credential::None)
    }

    /// The header for the next request, or none.
    pub async fn authorization(&self) -> Result<Option<Authorization>, CredentialError> {
        let bearer = |t: String| {
            Some(Authorization {
                header: format!("Bearer {t}"),
                token: Some(t),
            })
        };
        Ok(match self {
            Credential::None => None,
            Credential::Bearer(t) => bearer(t.clone()),
            Credential::TokenFile { path, fallback } => match read_token_file(path) {
                Ok(t) => bearer(t),
                Err(e) => match fallback {
                    Some(t) => bearer(t.clone()),
                    None => return Err(e),
                },
            },
            Credential::Basic { username, password } => Some(Authorization {
                header: basic_header(username, password),
                token: None,
            }),
            Credential::Exec(plugin) => plugin.credentials().await?.token.clone().and_then(bearer),
            Credential::Renewing(source) => bearer(source.token(None).await?),
        })
    }

    /// After a 401 to `sent`: renew a renewable credential once. Returns whether retrying the
    /// request may help (the credential changed).
    pub async fn refused(&self, sent: Option<&Authorization>) -> Result<bool, CredentialError> {
        let token = sent.and_then(|a| a.token.as_deref());
        match self {
            Credential::Exec(plugin) => {
                let fresh = plugin.refresh(token).await?;
                Ok(fresh.token.as_deref() != token)
            }
            Credential::Renewing(source) => {
                let fresh = source.token(token).await?;
                Ok(Some(fresh.as_str()) != token)
            }
            _ => Ok(false),
        }
    }

    /// What whoami shows for it; never the secret.
    pub fn kind(&self) -> &'static str {
        match self {
            Credential::None => "none",
            Credential::Bearer(_) => "bearer token",
            Credential::TokenFile { .. } => "bearer token from a token file",
            Credential::Basic { .. } => "basic auth (username and password)",
            Credential::Exec(_) => "exec credential plugin",
            Credential::Renewing(source) => source.describe(),
        }
    }
}

/// A token file's contents, trimmed; an empty file is an error, as in client-go.
pub fn read_token_file(path: &std::path::Path) -> Result<String, CredentialError> {
    let text = std::fs::read_to_string(path).map_err(|source| CredentialError::TokenFile {
        path: path.to_path_buf(),
        source,
    })?;
    let token = text.trim();
    if token.is_empty() {
        return Err(CredentialError::TokenFile {
            path: path.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, "the file is empty"),
        });
    }
    Ok(token.to_string())
}

/// `Basic base64(user:password)`.
pub fn basic_header(username: &str, password: &str) -> String {
    let raw = format!("{username}:{password}");
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(raw)
    )
}

/// Acting as another user (`--as`, `--as-group`, `--as-uid`, a kubeconfig user's `as*`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Impersonation {
    pub user: Option<String>,
    pub uid: Option<String>,
    pub groups: Vec<String>,
    /// `as-user-extra`: key and values, in the kubeconfig's order.
    pub extra: Vec<(String, Vec<String>)>,
}

impl Impersonation {
    pub fn is_empty(&self) -> bool {
        self.user.is_none()
    }

    /// These settings (flags) over `base` (a kubeconfig user's): each one given replaces it.
    pub fn merged_over(&self, base: &Impersonation) -> Impersonation {
        Impersonation {
            user: self.user.clone().or_else(|| base.user.clone()),
            uid: self.uid.clone().or_else(|| base.uid.clone()),
            groups: if self.groups.is_empty() {
                base.groups.clone()
            } else {
                self.groups.clone()
            },
            extra: base.extra.clone(),
        }
    }

    /// The headers client-go sends: `Impersonate-User`, `-Uid`, one `Impersonate-Group` per
    /// group, one `Impersonate-Extra-KEY` per value (the key percent-encoded).
    pub fn headers(&self) -> Vec<(String, String)> {
        let Some(user) = &self.user else {
            return Vec::new();
        };
        let mut out = vec![("Impersonate-User".to_string(), user.clone())];
        if let Some(uid) = &self.uid {
            out.push(("Impersonate-Uid".into(), uid.clone()));
        }
        for g in &self.groups {
            out.push(("Impersonate-Group".into(), g.clone()));
        }
        for (key, values) in &self.extra {
            for v in values {
                out.push((
                    format!("Impersonate-Extra-{}", escape_extra_key(key)),
                    v.clone(),
                ));
            }
        }
        out
    }
}

/// client-go's `headerKeyEscape`: bytes that are legal in a header name stay, except `%`;
/// every other byte becomes `%XX`.
fn escape_extra_key(key: &str) -> String {
    let mut out = String::new();
    for b in key.bytes() {
        let legal = b.is_ascii_alphanumeric() || b"!#$&'*+-.^_`|~".contains(&b);
        if legal {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Whether `url`'s host is a loopback address (127.0.0.0/8, ::1, localhost), where plain http
/// cannot be read by anyone else on the network.
pub fn is_loopback_url(url: &str) -> bool {
    let Ok(parsed) = reqwest::Url::parse(url) else {
        return false;
    };
    let Some(host) = parsed.host_str() else {
        return false;
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impersonation_headers_follow_client_go() {
        let imp = Impersonation {
            user: Some("jane".into()),
            uid: Some("42".into()),
            groups: vec!["dev".into(), "ops".into()],
            extra: vec![("reason/why".into(), vec!["audit".into(), "x".into()])],
        };
        let h = imp.headers();
        assert_eq!(h[0], ("Impersonate-User".into(), "jane".into()));
        assert_eq!(h[1], ("Impersonate-Uid".into(), "42".into()));
        assert_eq!(h[2].0, "Impersonate-Group");
        assert_eq!(h[3].1, "ops");
        assert_eq!(
            h[4],
            ("Impersonate-Extra-reason%2Fwhy".into(), "audit".into())
        );
        assert_eq!(h.len(), 6);
        assert!(Impersonation::default().headers().is_empty());
    }

    #[test]
    fn loopback_is_recognised_and_nothing_else() {
        for url in [
            "http://127.0.0.1:7780",
            "http://127.3.4.5/x",
            "http://localhost:1",
            "http://[::1]:80",
        ] {
            assert!(is_loopback_url(url), "{url}");
        }
        for url in [
            "http://10.0.0.1",
            "http://api.example.com",
            "http://localhost.evil.com",
            "http://[::2]",
            "not a url",
        ] {
            assert!(!is_loopback_url(url), "{url}");
        }
    }

    #[tokio::test]
    async fn basic_and_token_file_headers() {
        assert_eq!(basic_header("admin", "s3"), "Basic YWRtaW46czM=");
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("t");
        std::fs::write(&path, "  abc\n").expect("write");
        let c = Credential::TokenFile {
            path: path.clone(),
            fallback: Some("old".into()),
        };
        let auth = c.authorization().await.expect("ok").expect("some");
        assert_eq!(auth.header, "Bearer abc");
        std::fs::remove_file(&path).expect("rm");
        assert_eq!(
            c.authorization().await.expect("ok").expect("some").header,
            "Bearer old"
        );
        let bare = Credential::TokenFile {
            path,
            fallback: None,
        };
        assert!(bare.authorization().await.is_err());
    }
}
