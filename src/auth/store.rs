//! Keeping the stored login usable: before a command uses a context's access token, renew it
//! when it has less than a minute left (refresh token, or a fresh service-account assertion).
//! Renewals hold a lock file beside the config, re-read the config under it (another process
//! may have renewed already), and write back atomically (temp file, fsync, rename).

use super::oidc::{OAuthClient, TokenResponse};
use super::service_account::ServiceAccountKey;
use super::{AuthError, REFRESH_MARGIN_SECS, now};
use crate::client::config::{self, ContextEntry, OidcCredential};
use crate::client::credential::{CredentialError, TokenSource};
use futures_util::future::BoxFuture;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// An exclusive lock on the config file, held until dropped.
pub struct ConfigLock {
    _file: File,
}

pub fn lock_path(config_path: &Path) -> PathBuf {
    let mut name = config_path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_else(|| "config".into());
    name.push(".lock");
    config_path.with_file_name(name)
}

/// Blocks until this process holds the config lock.
pub fn lock_config(config_path: &Path) -> Result<ConfigLock, AuthError> {
    let (file, path) = open_lock(config_path)?;
    file.lock().map_err(|source| lock_error(&path, source))?;
    Ok(ConfigLock { _file: file })
}

/// How often a waiting renewal tries the lock again.
const LOCK_POLL: std::time::Duration = std::time::Duration::from_millis(20);

/// Waits (as a task, not a blocked thread) until this process holds the config lock: another
/// process may hold it for as long as its own renewal takes.
pub async fn lock_config_async(config_path: &Path) -> Result<ConfigLock, AuthError> {
    let (file, path) = open_lock(config_path)?;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(ConfigLock { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) => tokio::time::sleep(LOCK_POLL).await,
            Err(std::fs::TryLockError::Error(source)) => return Err(lock_error(&path, source)),
        }
    }
}

fn lock_error(path: &Path, source: std::io::Error) -> AuthError {
    AuthError::Io {
        what: "cannot lock",
        path: path.to_path_buf(),
        source,
    }
}

/// The lock file beside the config, created 0600 when missing.
fn open_lock(config_path: &Path) -> Result<(File, PathBuf), AuthError> {
    let path = lock_path(config_path);
    let io = |source| AuthError::Io {
        what: "cannot lock",
        path: path.clone(),
        source,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options.open(&path).map_err(io)?;
    Ok((file, path))
}

/// Seconds since the epoch of an RFC 3339 time.
pub fn parse_time(text: &str) -> Option<i64> {
    chrono::DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.timestamp())
}

pub fn format_time(secs: i64) -> String {
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_default()
}

/// Whether the access token has less than the margin left (an unreadable expiry counts as due;
/// no expiry at all means the issuer gave none, so it is used until the server refuses it).
pub fn renewal_due(oidc: &OidcCredential, now: i64) -> bool {
    match &oidc.expiry {
        Some(text) => parse_time(text).is_none_or(|at| at - now <= REFRESH_MARGIN_SECS),
        None => false,
    }
}

/// Stores a token response in a context: the access token, its expiry, and the refresh and ID
/// tokens when the issuer sent new ones (rotation).
pub fn store_tokens(entry: &mut ContextEntry, tokens: &TokenResponse, now: i64) {
    entry.token = Some(tokens.access_token.clone());
    entry.token_file = None;
    if let Some(oidc) = &mut entry.oidc {
        oidc.expiry = tokens.expires_at(now).map(format_time);
        if tokens.refresh_token.is_some() {
            oidc.refresh_token = tokens.refresh_token.clone();
        }
        if tokens.id_token.is_some() {
            oidc.id_token = tokens.id_token.clone();
        }
    }
}

/// A context's `datumctl login` as the client's token source: the stored access token, renewed
/// (under the config lock) when it is due or when the server has refused it.
#[derive(Debug)]
pub struct LoginToken {
    config_path: PathBuf,
    context: String,
    log: Option<crate::print::Printer>,
    /// Never held across an await: read, compared and replaced in one step.
    state: Mutex<LoginState>,
    /// Held for the whole of a renewal (which awaits the identity provider).
    renewing: tokio::sync::Mutex<()>,
}

/// The token in use, its login, and the config file's modification time when they were read:
/// a file changed since (another datumctl renewed, or the user logged in again) is read again.
#[derive(Debug)]
struct LoginState {
    token: String,
    oidc: OidcCredential,
    modified: Option<std::time::SystemTime>,
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

impl LoginToken {
    /// The login stored in context `name`, if it is one (a pasted token is not renewable).
    pub fn for_context(
        config_path: &Path,
        name: &str,
        log: Option<crate::print::Printer>,
    ) -> Result<Option<LoginToken>, config::ConfigError> {
        Ok(read_login(config_path, name)?.map(|state| LoginToken {
            config_path: config_path.to_path_buf(),
            context: name.to_string(),
            log,
            state: Mutex::new(state),
            renewing: tokio::sync::Mutex::new(()),
        }))
    }

    /// The current token's expiry (RFC 3339), as stored.
    pub fn expiry(&self) -> Option<String> {
        self.state
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .oidc
            .expiry
            .clone()
    }
}

/// The login stored in context `name`, if it is one (a pasted token is not renewable).
fn read_login(path: &Path, name: &str) -> Result<Option<LoginState>, config::ConfigError> {
    let modified = modified(path);
    let file = config::load(path)?;
    let Some(entry) = file.context(name) else {
        return Ok(None);
    };
    let (Some(oidc), Some(token)) = (&entry.oidc, &entry.token) else {
        return Ok(None);
    };
    Ok(Some(LoginState {
        token: token.clone(),
        oidc: oidc.clone(),
        modified,
    }))
}

impl LoginToken {
    /// The stored token, read again when the config file changed; and whether it must be
    /// renewed (it is the one the server refused, or it is due).
    fn current(&self, refused: Option<&str>) -> (String, bool) {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        if modified(&self.config_path) != state.modified
            && let Ok(Some(fresh)) = read_login(&self.config_path, &self.context)
        {
            *state = fresh;
        }
        let due = match refused {
            Some(t) => state.token == t,
            None => renewal_due(&state.oidc, now()),
        };
        (state.token.clone(), due)
    }

    /// Renews the token and keeps what the config now holds.
    async fn renew_now(&self, refused: Option<&str>) -> Result<String, AuthError> {
        let token = renew(&self.config_path, &self.context, self.log.clone(), refused).await?;
        let fresh = read_login(&self.config_path, &self.context)?;
        let state = match fresh {
            Some(state) if state.token == token => state,
            _ => LoginState {
                token: token.clone(),
                oidc: OidcCredential::default(),
                modified: None,
            },
        };
        *self.state.lock().unwrap_or_else(|p| p.into_inner()) = state;
        Ok(token)
    }
}

impl TokenSource for LoginToken {
    fn token<'a>(
        &'a self,
        refused: Option<&'a str>,
    ) -> BoxFuture<'a, Result<String, CredentialError>> {
        Box::pin(async move {
            let (token, due) = self.current(refused);
            if !due {
                return Ok(token);
            }
            // One renewal at a time in this process: the others wait here (without holding a
            // thread), then find the token renewed. The config lock orders other processes.
            let _renewing = self.renewing.lock().await;
            let (token, due) = self.current(refused);
            if !due {
                return Ok(token);
            }
            self.renew_now(refused).await.map_err(|e| {
                CredentialError::Renewal(if e.needs_login() {
                    format!("{e}: run `datumctl login` again")
                } else {
                    e.to_string()
                })
            })
        })
    }

    fn describe(&self) -> &'static str {
        if self
            .state
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .oidc
            .key_file
            .is_some()
        {
            "service-account key (datumctl login --credentials)"
        } else {
            "OpenID Connect login (datumctl login)"
        }
    }
}

/// Renews the access token of context `name` unless another process did while we waited for the
/// lock; returns the token to use.
/// With `refused`, the server has refused that token: renew it even before it is due, unless
/// the stored token is already another one.
pub async fn renew(
    config_path: &Path,
    name: &str,
    log: Option<crate::print::Printer>,
    refused: Option<&str>,
) -> Result<String, AuthError> {
    let _lock = lock_config_async(config_path).await?;
    let mut file = config::load(config_path)?;
    let entry = file
        .context_mut(name)
        .ok_or_else(|| AuthError::CannotRenew(name.to_string()))?;
    let oidc = entry
        .oidc
        .clone()
        .ok_or_else(|| AuthError::CannotRenew(name.to_string()))?;
    if let Some(token) = &entry.token {
        let must = match refused {
            Some(r) => r == token,
            None => renewal_due(&oidc, now()),
        };
        if !must {
            return Ok(token.clone());
        }
    }
    let client = OAuthClient::new(log)?;
    let tokens = async {
        let endpoint = match &oidc.token_endpoint {
            Some(e) => e.clone(),
            None => client.discover(&oidc.issuer).await?.token_endpoint,
        };
        super::oidc::check_endpoint(&endpoint)?;
        if let Some(key_file) = &oidc.key_file {
            let key = ServiceAccountKey::read(key_file)?;
            key.exchange(&client, &oidc.issuer, &endpoint).await
        } else if let Some(refresh) = &oidc.refresh_token {
            client
                .token(
                    &endpoint,
                    &[
                        ("grant_type", "refresh_token"),
                        ("refresh_token", refresh),
                        ("client_id", &oidc.client_id),
                    ],
                )
                .await
        } else {
            Err(AuthError::CannotRenew(name.to_string()))
        }
    }
    .await
    .map_err(|e| match e {
        AuthError::OAuth { code, description } if code == "invalid_grant" => {
            AuthError::LoginExpired {
                context: name.to_string(),
                detail: match description {
                    Some(d) => format!("invalid_grant: {d}"),
                    None => code,
                },
            }
        }
        other => other,
    })?;
    store_tokens(entry, &tokens, now());
    config::save(config_path, &file)?;
    Ok(tokens.access_token)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renewal_is_due_within_a_minute_of_expiry() {
        let mut oidc = OidcCredential {
            expiry: Some(format_time(1000)),
            ..Default::default()
        };
        assert!(!renewal_due(&oidc, 1000 - REFRESH_MARGIN_SECS - 1));
        assert!(renewal_due(&oidc, 1000 - REFRESH_MARGIN_SECS));
        assert!(renewal_due(&oidc, 2000));
        oidc.expiry = Some("garbage".into());
        assert!(renewal_due(&oidc, 0));
        oidc.expiry = None;
        assert!(!renewal_due(&oidc, i64::MAX));
        assert_eq!(parse_time(&format_time(1_800_000_000)), Some(1_800_000_000));
    }

    #[test]
    fn new_tokens_replace_old_ones_and_keep_the_refresh_token() {
        let mut entry = ContextEntry {
            name: "c".into(),
            token_file: Some("/t".into()),
            oidc: Some(OidcCredential {
                refresh_token: Some("r1".into()),
                ..Default::default()
            }),
            ..Default::default()
        };
        let tokens = TokenResponse {
            access_token: "a2".into(),
            expires_in: Some(60),
            refresh_token: None,
            id_token: Some("i2".into()),
        };
        store_tokens(&mut entry, &tokens, 0);
        let oidc = entry.oidc.as_ref().expect("oidc");
        assert_eq!(entry.token.as_deref(), Some("a2"));
        assert_eq!(entry.token_file, None);
        assert_eq!(oidc.refresh_token.as_deref(), Some("r1"));
        assert_eq!(oidc.id_token.as_deref(), Some("i2"));
        assert_eq!(oidc.expiry.as_deref(), Some("1970-01-01T00:01:00Z"));
        assert_eq!(
            lock_path(Path::new("/x/config.yaml")),
            Path::new("/x/config.yaml.lock")
        );
    }
}
