//! `datumctl auth`: store, show and print the credential of the current context.

use crate::cli::AuthCommand;
use crate::client::config;
use crate::cmd::Context;
use crate::error::{CliError, CmdResult, Outcome};
use std::io::Read;

pub fn run(command: &AuthCommand, ctx: &Context) -> CmdResult {
    let path = config::config_path().map_err(|e| CliError::usage(e.to_string()))?;
    let mut file = config::load(&path).map_err(|e| CliError::usage(e.to_string()))?;
    let wanted = ctx
        .global
        .context
        .clone()
        .or_else(|| file.current_context.clone());
    match command {
        AuthCommand::Login { token_stdin } => {
            if !token_stdin {
                return Err(CliError::usage("interactive login is not available yet")
                    .hint("pipe a token in: `datumctl auth login --token-stdin < token.txt`")
                    .hint("in CI, set DATUMCTL_TOKEN instead"));
            }
            let name = wanted.ok_or_else(|| {
                CliError::usage("no current context to store the token in").hint(
                    "create one first: `datumctl config set-context NAME --server URL --project ID`",
                )
            })?;
            let mut token = String::new();
            std::io::stdin()
                .read_to_string(&mut token)
                .map_err(|e| CliError::usage(format!("cannot read the token from stdin: {e}")))?;
            let token = token.trim().to_string();
            if token.is_empty() {
                return Err(CliError::usage("no token on stdin"));
            }
            let entry = file.context_mut(&name).ok_or_else(|| {
                CliError::usage(format!(
                    "context {name:?} does not exist in {}",
                    path.display()
                ))
            })?;
            entry.token = Some(token);
            entry.token_file = None;
            // A pasted token replaces a `datumctl login`: renewing would silently overwrite it.
            entry.oidc = None;
            config::save(&path, &file).map_err(|e| CliError::failure(anyhow::Error::new(e)))?;
            ctx.printer.out(&format!(
                "Token stored for context {name:?} in {}\n",
                path.display()
            ));
        }
        AuthCommand::GetToken => {
            let mut target =
                crate::client::target::resolve(&ctx.global).map_err(crate::client::target_error)?;
            crate::auth::refresh_target(&mut target, &ctx.global)?;
            let Some(token) = target.token else {
                return Err(CliError::failure(anyhow::anyhow!("no token configured"))
                    .hint("log in with `datumctl login`, or store one with `datumctl auth login --token-stdin`"));
            };
            match ctx.global.output.as_deref() {
                None => ctx.printer.out(&format!("{token}\n")),
                Some("json") => {
                    // After a renewal the config holds the new expiry.
                    let reloaded =
                        config::load(&path).map_err(|e| CliError::usage(e.to_string()))?;
                    let expiry = reloaded
                        .selected(wanted.as_deref())
                        .and_then(|c| c.oidc.as_ref())
                        .filter(|_| ctx.global.token.is_none())
                        .and_then(|o| o.expiry.clone());
                    ctx.printer
                        .out(&format!("{}\n", exec_credential(&token, expiry.as_deref())));
                }
                Some(other) => {
                    return Err(CliError::usage(format!(
                        "unsupported output format {other:?} for get-token"
                    ))
                    .hint(
                        "omit -o for the bare token, or use -o json for a kubectl ExecCredential",
                    ));
                }
            }
        }
        AuthCommand::Whoami => {
            let target =
                crate::client::target::resolve(&ctx.global).map_err(crate::client::target_error)?;
            let oidc = file
                .selected(wanted.as_deref())
                .and_then(|c| c.oidc.as_ref())
                .filter(|_| ctx.global.token.is_none() && !target.kubeconfig);
            let credential = if ctx.global.token.is_some() {
                "bearer token from --token or DATUMCTL_TOKEN"
            } else if let Some(o) = oidc {
                if o.key_file.is_some() {
                    "service-account key (datumctl login --credentials)"
                } else {
                    "OpenID Connect login (datumctl login)"
                }
            } else if target.token.is_some() {
                "bearer token stored in the context"
            } else if target.tls.identity_pem.is_some() {
                "client certificate from the kubeconfig"
            } else {
                "none"
            };
            let mut text = format!(
                "Server:      {}\nProject:     {}\nContext:     {}\nCredential:  {credential}\n",
                target.server,
                target.project.as_deref().unwrap_or("<none>"),
                target.context.as_deref().unwrap_or("<none>"),
            );
            if let Some(o) = oidc {
                text.push_str(&identity_lines(o));
            }
            ctx.printer.out(&text);
        }
    }
    Ok(Outcome::Success)
}

/// Issuer, subject, email and expiry of an OpenID Connect login, from the ID token's claims
/// (the client id and stored expiry when there is none); never a token itself.
fn identity_lines(oidc: &config::OidcCredential) -> String {
    use crate::auth::{jwt, store};
    let claims = oidc
        .id_token
        .as_deref()
        .and_then(|t| jwt::claims(t).ok())
        .unwrap_or(serde_json::Value::Null);
    let subject = claims["sub"].as_str().unwrap_or(&oidc.client_id);
    let email = claims["email"].as_str().unwrap_or("<none>");
    let expires = claims["exp"]
        .as_i64()
        .or_else(|| oidc.expiry.as_deref().and_then(store::parse_time));
    let expires = match expires {
        Some(at) if at <= crate::auth::now() => format!("{} (expired)", store::format_time(at)),
        Some(at) => store::format_time(at),
        None => "<unknown>".into(),
    };
    format!(
        "Issuer:      {}\nSubject:     {subject}\nEmail:       {email}\nExpires:     {expires}\n",
        oidc.issuer
    )
}

/// A kubectl `ExecCredential`, so a kubeconfig `exec` entry can run `datumctl auth get-token -o json`.
fn exec_credential(token: &str, expiry: Option<&str>) -> String {
    let mut status = serde_json::json!({ "token": token });
    if let Some(at) = expiry {
        status["expirationTimestamp"] = serde_json::Value::String(at.to_string());
    }
    let credential = serde_json::json!({
        "kind": "ExecCredential",
        "apiVersion": "client.authentication.k8s.io/v1",
        "spec": { "interactive": false },
        "status": status,
    });
    serde_json::to_string_pretty(&credential).unwrap_or_default()
}
