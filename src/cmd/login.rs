//! `datumctl login` and `datumctl logout`: get a credential from an OpenID Connect issuer (browser,
//! device code, or service-account key), store it in a context, and remove it again.

use crate::auth::oidc::{self, Discovery, OAuthClient, TokenResponse};
use crate::auth::service_account::{self, ServiceAccountKey};
use crate::auth::store::{self, lock_config};
use crate::auth::{AuthError, browser, device, jwt, now};
use crate::cli::{GlobalFlag, LoginArgs};
use crate::client::config::{self, ContextEntry, OidcCredential};
use crate::cmd::Context;
use crate::error::{CliError, CmdResult, Outcome};
use std::path::{Path, PathBuf};

/// What a finished flow hands back.
struct Login {
    discovery: Discovery,
    client_id: String,
    tokens: TokenResponse,
    /// Claims of the verified ID token, if the issuer sent one.
    identity: Option<serde_json::Value>,
}

pub async fn run(args: &LoginArgs, ctx: &Context) -> CmdResult {
    let g = &ctx.global;
    let key = match &args.credentials {
        Some(file) => Some(ServiceAccountKey::read(file)?),
        None => None,
    };
    let mut issuer = oidc::issuer_url(&args.hostname)?;
    // A key belongs to one issuer: the one its token_uri names wins over --hostname.
    if let Some(own) = key.as_ref().and_then(|k| k.issuer()) {
        let own = oidc::issuer_url(&own)?;
        if own != issuer {
            ctx.printer
                .err(&format!("Using the issuer the key file names: {own}\n"));
            issuer = own;
        }
    }
    // --server, else the API the key file names, else the issuer's `auth.` host as `api.`.
    let server = if g.given(GlobalFlag::Server) {
        g.server.clone().filter(|s| !s.is_empty())
    } else {
        key.as_ref()
            .and_then(|k| k.api_endpoint.clone())
            .or_else(|| oidc::derive_api_server(&issuer))
    }
    .ok_or_else(|| {
        CliError::usage(format!(
            "cannot tell the API server from the issuer {issuer} (its host does not start with `auth.`)"
        ))
        .hint("pass the API server with --server URL")
    })?;
    let path = config::config_path()?;
    let existing = config::load(&path)?;
    let name = g.context.clone().unwrap_or_else(|| context_name(&server));
    let client_id = client_id_for(args, key.as_ref(), &existing, &name, &issuer)?;
    let client = OAuthClient::new((g.verbosity >= 6).then(|| ctx.printer.clone()))?;
    let login = authenticate(
        &client,
        &issuer,
        client_id,
        key.as_ref(),
        args.no_browser,
        &ctx.printer,
    )
    .await?;
    let key_file = match (&args.credentials, key.is_some()) {
        (Some(source), true) => Some(place_key(
            &path,
            source,
            &login.client_id,
            args.keep_key_in_place,
        )?),
        _ => None,
    };
    let project_hint = key.as_ref().and_then(|k| k.project_id.clone());
    save_login(&path, &name, &server, g, &login, key_file, project_hint)?;
    let claim = |name: &str| login.identity.as_ref().and_then(|c| c[name].as_str());
    let who = claim("email")
        .or(key.as_ref().and_then(|k| k.client_email.as_deref()))
        .or(claim("sub"))
        .unwrap_or(&login.client_id)
        .to_string();
    ctx.printer.out(&format!(
        "Logged in to {server} as {who} (context {name:?}).\n"
    ));
    Ok(Outcome::Success)
}

/// The OAuth client: the service account's own, else --client-id / DATUMCTL_CLIENT_ID, else
/// the one the context used with this issuer before, else Datum's for its own issuers.
fn client_id_for(
    args: &LoginArgs,
    key: Option<&ServiceAccountKey>,
    existing: &config::ConfigFile,
    context: &str,
    issuer: &str,
) -> Result<String, CliError> {
    if let Some(k) = key {
        return Ok(k.client_id.clone());
    }
    args.client_id
        .clone()
        .or_else(|| {
            existing
                .context(context)
                .and_then(|c| c.oidc.as_ref())
                .filter(|o| o.issuer.trim_end_matches('/') == issuer)
                .map(|o| o.client_id.clone())
        })
        .filter(|id| !id.is_empty())
        .or_else(|| crate::auth::builtin_client_id(issuer).map(str::to_string))
        .ok_or_else(|| {
            CliError::usage("no OAuth client id for this issuer").hint(
                "pass --client-id ID or set DATUMCTL_CLIENT_ID (the id of datumctl's app registration at your identity provider)",
            )
        })
}

/// Runs the flow (key, device or browser) and checks the ID token of an interactive login.
async fn authenticate(
    client: &OAuthClient,
    issuer: &str,
    client_id: String,
    key: Option<&ServiceAccountKey>,
    no_browser: bool,
    printer: &crate::print::Printer,
) -> Result<Login, AuthError> {
    let discovery = client.discover(issuer).await?;
    if let Some(k) = key {
        // The assertion's audience is the issuer exactly as it names itself.
        let tokens = k
            .exchange(client, &discovery.issuer, &discovery.token_endpoint)
            .await?;
        // Our own signed assertion authenticated us over TLS; the ID token (if any) is only
        // read for display, since issuers differ in whom they name as its audience here.
        let identity = tokens.id_token.as_deref().and_then(|t| jwt::claims(t).ok());
        return Ok(Login {
            discovery,
            client_id,
            tokens,
            identity,
        });
    }
    let (tokens, nonce) = if no_browser {
        (
            device::login(client, &discovery, &client_id, printer).await?,
            None,
        )
    } else {
        let done = browser::login(client, &discovery, &client_id, printer).await?;
        (done.tokens, Some(done.nonce))
    };
    let identity = match (&tokens.id_token, &discovery.jwks_uri) {
        (Some(id_token), Some(jwks_uri)) => {
            let jwks = client.jwks(jwks_uri).await?;
            Some(check_id_token(
                id_token,
                &jwks,
                issuer,
                &client_id,
                nonce.as_deref(),
            )?)
        }
        (Some(id_token), None) => Some(jwt::claims(id_token)?),
        (None, _) => None,
    };
    Ok(Login {
        discovery,
        client_id,
        tokens,
        identity,
    })
}

/// A context name for a server: its host (and port), e.g. `api.datum.net`.
fn context_name(server: &str) -> String {
    reqwest::Url::parse(server)
        .ok()
        .and_then(|u| {
            let host = u.host_str()?.to_string();
            Some(match u.port() {
                Some(p) => format!("{host}:{p}"),
                None => host,
            })
        })
        .unwrap_or_else(|| "datum".into())
}

/// Verifies the ID token's signature and the claims that bind it to this login.
fn check_id_token(
    id_token: &str,
    jwks: &serde_json::Value,
    issuer: &str,
    client_id: &str,
    nonce: Option<&str>,
) -> Result<serde_json::Value, AuthError> {
    let claims = match jwt::verify(id_token, jwks) {
        // The token came straight from the token endpoint over TLS, which OpenID Connect Core
        // §3.1.3.7 accepts as proof of origin; a signature we cannot check (not RS256) is no
        // reason to fail, a wrong one is.
        Err(jwt::JwtError::Algorithm(_)) => jwt::claims(id_token)?,
        other => other?,
    };
    if claims["iss"].as_str().map(|i| i.trim_end_matches('/')) != Some(issuer) {
        return Err(AuthError::IdToken(format!("issued by {}", claims["iss"])));
    }
    let audience_ok = match &claims["aud"] {
        serde_json::Value::String(a) => a == client_id,
        serde_json::Value::Array(list) => list.iter().any(|a| a == client_id),
        _ => false,
    };
    if !audience_ok {
        return Err(AuthError::IdToken(format!(
            "issued for {}, not {client_id}",
            claims["aud"]
        )));
    }
    if let Some(expected) = nonce
        && claims["nonce"].as_str() != Some(expected)
    {
        return Err(AuthError::IdToken(
            "its nonce does not match this login".into(),
        ));
    }
    Ok(claims)
}

/// The key file to store: a 0600 copy beside the config, or the original's absolute path.
fn place_key(
    config_path: &Path,
    source: &Path,
    client_id: &str,
    keep_in_place: bool,
) -> Result<PathBuf, AuthError> {
    let absolute = std::path::absolute(source).unwrap_or_else(|_| source.to_path_buf());
    if keep_in_place {
        return Ok(absolute);
    }
    let bytes = std::fs::read(source).map_err(|e| AuthError::Key {
        path: source.to_path_buf(),
        reason: e.to_string(),
    })?;
    let target = service_account::copied_key_path(config_path, client_id);
    config::write_private(&target, &bytes).map_err(|source| AuthError::Io {
        what: "cannot write",
        path: target.clone(),
        source,
    })?;
    #[cfg(unix)]
    if let Some(dir) = target.parent() {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
    }
    Ok(target)
}

fn save_login(
    path: &Path,
    name: &str,
    server: &str,
    g: &crate::cli::GlobalArgs,
    login: &Login,
    key_file: Option<PathBuf>,
    project_hint: Option<String>,
) -> Result<(), AuthError> {
    let _lock = lock_config(path)?;
    let mut file = config::load(path)?;
    if file.context(name).is_none() {
        file.contexts.push(ContextEntry {
            name: name.to_string(),
            ..Default::default()
        });
    }
    file.current_context = Some(name.to_string());
    let entry = file
        .context_mut(name)
        .ok_or_else(|| AuthError::CannotRenew(name.to_string()))?;
    entry.server = Some(server.to_string());
    if g.given(GlobalFlag::Project) {
        entry.project = g.project.clone();
    } else if entry.project.is_none() {
        entry.project = project_hint;
    }
    entry.oidc = Some(OidcCredential {
        issuer: login.discovery.issuer.clone(),
        client_id: login.client_id.clone(),
        token_endpoint: Some(login.discovery.token_endpoint.clone()),
        key_file,
        ..Default::default()
    });
    store::store_tokens(entry, &login.tokens, now());
    config::save(path, &file)?;
    Ok(())
}

pub fn logout(ctx: &Context) -> CmdResult {
    let path = config::config_path()?;
    let _lock = lock_config(&path)?;
    let mut file = config::load(&path)?;
    let name = ctx
        .global
        .context
        .clone()
        .or_else(|| file.current_context.clone())
        .ok_or_else(|| CliError::usage("no current context to log out of"))?;
    let entry = file.context_mut(&name).ok_or_else(|| {
        CliError::usage(format!(
            "context {name:?} does not exist in {}",
            path.display()
        ))
    })?;
    let had = entry.token.is_some() || entry.token_file.is_some() || entry.oidc.is_some();
    let copied_key = entry
        .oidc
        .as_ref()
        .and_then(|o| o.key_file.clone())
        .filter(|k| k.starts_with(service_account::keys_dir(&path)));
    entry.token = None;
    entry.token_file = None;
    entry.oidc = None;
    config::save(&path, &file).map_err(AuthError::from)?;
    if let Some(key) = copied_key {
        let _ = std::fs::remove_file(key);
    }
    ctx.printer.out(&if had {
        format!("Logged out of context {name:?}.\n")
    } else {
        format!("Context {name:?} holds no credential.\n")
    });
    Ok(Outcome::Success)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const PEM: &str = include_str!("../../tests/fixtures/TEST-ONLY-provider-signing-key.pem");

    #[test]
    fn contexts_are_named_after_the_api_host() {
        assert_eq!(context_name("https://api.datum.net"), "api.datum.net");
        assert_eq!(context_name("http://127.0.0.1:7780/"), "127.0.0.1:7780");
        assert_eq!(context_name("not a url"), "datum");
    }

    #[test]
    fn id_tokens_must_match_issuer_audience_and_nonce() {
        let key = jwt::SigningKey::from_pem(PEM).expect("test key");
        let jwks = json!({"keys": [key.public_jwk("k")]});
        let token = |claims: serde_json::Value| {
            key.sign(&json!({"alg": "RS256", "kid": "k"}), &claims)
                .expect("sign")
        };
        let good = token(
            json!({"iss": "https://auth.x/", "aud": ["other", "cli"], "nonce": "n1", "sub": "u"}),
        );
        let claims =
            check_id_token(&good, &jwks, "https://auth.x", "cli", Some("n1")).expect("valid");
        assert_eq!(claims["sub"], "u");
        assert!(check_id_token(&good, &jwks, "https://auth.x", "cli", None).is_ok());
        let refused = [
            (good.clone(), "https://auth.y", "cli", Some("n1")),
            (good.clone(), "https://auth.x", "someone-else", Some("n1")),
            (good.clone(), "https://auth.x", "cli", Some("n2")),
        ];
        for (t, iss, aud, nonce) in refused {
            assert!(matches!(
                check_id_token(&t, &jwks, iss, aud, nonce),
                Err(AuthError::IdToken(_))
            ));
        }
        let es256 = format!(
            "{}.{}.c2ln",
            jwt::b64url(br#"{"alg":"ES256"}"#),
            good.split('.').nth(1).expect("claims")
        );
        assert!(check_id_token(&es256, &jwks, "https://auth.x", "cli", Some("n1")).is_ok());
        assert!(check_id_token(&es256, &jwks, "https://auth.x", "cli", Some("n2")).is_err());
        let unsigned = format!("{}.", good.rsplit_once('.').expect("dot").0);
        assert!(check_id_token(&unsigned, &jwks, "https://auth.x", "cli", None).is_err());
    }
}
