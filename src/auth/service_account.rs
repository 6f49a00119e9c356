//! Service-account keys for CI: a JSON file with the account's client id, the key id and an
//! RSA private key. Each token comes from a fresh short-lived RS256 assertion exchanged with
//! the JWT-bearer grant (RFC 7523), so no refresh token is ever stored.

use super::jwt::{SigningKey, b64url};
use super::oidc::{OAuthClient, TokenResponse};
use super::{AuthError, now};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

pub const JWT_BEARER_GRANT: &str = "urn:ietf:params:oauth:grant-type:jwt-bearer";

/// What a key file that names no scope gets (no `offline_access`: assertions are re-minted).
pub const DEFAULT_SCOPE: &str = "openid profile email";

/// How long an assertion is good for: long enough for one token request, no longer.
pub const ASSERTION_LIFETIME_SECS: i64 = 300;

/// A parsed key file.
#[derive(Debug)]
pub struct ServiceAccountKey {
    pub client_id: String,
    pub key_id: String,
    pub key: SigningKey,
    /// The scopes to ask for (Datum's key files name the project audience here).
    pub scope: Option<String>,
    /// Datum key files also say which API and project the account belongs to, and its name.
    pub api_endpoint: Option<String>,
    pub project_id: Option<String>,
    pub client_email: Option<String>,
    /// The token endpoint the key is registered at; its origin is the issuer.
    pub token_uri: Option<String>,
}

/// The first string among `names` (key files spell their fields in more than one way).
fn field(doc: &Value, names: &[&str]) -> Option<String> {
    names
        .iter()
        .find_map(|n| doc[*n].as_str())
        .map(str::to_string)
        .filter(|s| !s.trim().is_empty())
}

impl ServiceAccountKey {
    pub fn read(path: &Path) -> Result<ServiceAccountKey, AuthError> {
        let text = std::fs::read_to_string(path).map_err(|e| AuthError::Key {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })?;
        Self::parse(&text).map_err(|reason| AuthError::Key {
            path: path.to_path_buf(),
            reason,
        })
    }

    pub fn parse(text: &str) -> Result<ServiceAccountKey, String> {
        let doc: Value =
            serde_json::from_str(text).map_err(|e| format!("not a JSON key file: {e}"))?;
        let missing = |what: &str, names: &[&str]| {
            format!("no {what} (one of the fields {})", names.join(", "))
        };
        const CLIENT: &[&str] = &["client_id", "clientId", "userId", "user_id"];
        const KEY_ID: &[&str] = &["key_id", "keyId", "private_key_id", "kid"];
        const PEM: &[&str] = &["private_key", "privateKey", "key"];
        let client_id = field(&doc, CLIENT).ok_or_else(|| missing("client id", CLIENT))?;
        let key_id = field(&doc, KEY_ID).ok_or_else(|| missing("key id", KEY_ID))?;
        let pem = field(&doc, PEM).ok_or_else(|| missing("private key", PEM))?;
        let key = SigningKey::from_pem(&pem).map_err(|e| e.to_string())?;
        Ok(ServiceAccountKey {
            client_id,
            key_id,
            key,
            scope: field(&doc, &["scope"]),
            api_endpoint: field(&doc, &["api_endpoint", "apiEndpoint"])
                .map(|e| e.trim_end_matches('/').to_string()),
            project_id: field(&doc, &["project_id", "projectId"]),
            client_email: field(&doc, &["client_email", "clientEmail"]),
            token_uri: field(&doc, &["token_uri", "tokenUri"]),
        })
    }

    /// The issuer (scheme, host and port of `token_uri`), when the key file names one.
    pub fn issuer(&self) -> Option<String> {
        let url = reqwest::Url::parse(self.token_uri.as_deref()?).ok()?;
        let origin = url.origin();
        origin.is_tuple().then(|| origin.ascii_serialization())
    }

    /// A signed assertion for `issuer`: iss = sub = the client id, aud = the issuer.
    pub fn assertion(&self, issuer: &str, issued_at: i64) -> Result<String, AuthError> {
        let mut jti = [0u8; 16];
        super::browser::fill_random(&mut jti);
        let header = json!({"alg": "RS256", "typ": "JWT", "kid": self.key_id});
        let claims = json!({
            "iss": self.client_id,
            "sub": self.client_id,
            "aud": issuer,
            "iat": issued_at,
            "exp": issued_at + ASSERTION_LIFETIME_SECS,
            "jti": b64url(&jti),
        });
        Ok(self.key.sign(&header, &claims)?)
    }

    /// Mints an assertion and exchanges it for tokens.
    pub async fn exchange(
        &self,
        client: &OAuthClient,
        issuer: &str,
        token_endpoint: &str,
    ) -> Result<TokenResponse, AuthError> {
        let assertion = self.assertion(issuer, now())?;
        client
            .token(
                token_endpoint,
                &[
                    ("grant_type", JWT_BEARER_GRANT),
                    ("assertion", &assertion),
                    ("scope", self.scope.as_deref().unwrap_or(DEFAULT_SCOPE)),
                ],
            )
            .await
    }
}

/// Where `datumctl login --credentials` copies a key: `<config dir>/keys/<client id>.json`.
pub fn copied_key_path(config_path: &Path, client_id: &str) -> PathBuf {
    let safe: String = client_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    keys_dir(config_path).join(format!("{}.json", safe.trim_start_matches('.')))
}

/// The directory of copied keys, beside the config file.
pub fn keys_dir(config_path: &Path) -> PathBuf {
    config_path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("keys")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PEM: &str = include_str!("../../tests/fixtures/TEST-ONLY-service-account-key.pem");

    #[test]
    fn reads_key_files_and_signs_assertions() {
        let file =
            json!({"type": "serviceaccount", "userId": "robot@p", "keyId": "k-1", "key": PEM});
        let key = ServiceAccountKey::parse(&file.to_string()).expect("key file");
        assert_eq!(
            (key.client_id.as_str(), key.key_id.as_str()),
            ("robot@p", "k-1")
        );
        let token = key.assertion("https://auth.example", 1000).expect("sign");
        let jwks = json!({"keys": [key.key.public_jwk("k-1")]});
        let claims = super::super::jwt::verify(&token, &jwks).expect("verifies");
        assert_eq!(claims["iss"], "robot@p");
        assert_eq!(claims["sub"], "robot@p");
        assert_eq!(claims["aud"], "https://auth.example");
        assert_eq!(claims["exp"], 1000 + ASSERTION_LIFETIME_SECS);
        let no_key = json!({"client_id": "a", "key_id": "b"});
        let err = ServiceAccountKey::parse(&no_key.to_string()).expect_err("no key");
        assert!(err.contains("private key"), "{err}");
    }

    #[test]
    fn copied_keys_get_safe_names() {
        let p = copied_key_path(Path::new("/h/datumctl/config.yaml"), "../robot@p");
        assert_eq!(p, Path::new("/h/datumctl/keys/_robot_p.json"));
    }
}
