//! `datumctl auth`: store, show and print the credential of the current context.

use crate::cli::AuthCommand;
use crate::client::config::{self, ConfigFile};
use crate::client::credential::Credential;
use crate::client::exec;
use crate::client::status::ClientError;
use crate::cmd::{Context, connect};
use crate::error::{CliError, CmdResult, Outcome};
use std::io::Read;
use std::path::Path;

pub async fn run(command: &AuthCommand, ctx: &Context) -> CmdResult {
    let path = config::config_path()?;
    let mut file = config::load(&path)?;
    let wanted = ctx
        .global
        .context
        .clone()
        .or_else(|| file.current_context.clone());
    match command {
        AuthCommand::Login { token_stdin } => login(*token_stdin, ctx, &path, &mut file, wanted)?,
        AuthCommand::GetToken => get_token(ctx, &path, wanted.as_deref()).await?,
        AuthCommand::UpdateKubeconfig => super::update_kubeconfig::run(ctx)?,
        AuthCommand::CanI(args) => return super::can_i::run(args, ctx).await,
        AuthCommand::Whoami => whoami(ctx, &file, wanted.as_deref())?,
    }
    Ok(Outcome::Success)
}

/// `auth login --token-stdin`: store a token read from stdin in the wanted context.
fn login(
    token_stdin: bool,
    ctx: &Context,
    path: &Path,
    file: &mut ConfigFile,
    wanted: Option<String>,
) -> Result<(), CliError> {
    if !token_stdin {
        return Err(CliError::usage(
            "auth login stores a token read from stdin and needs --token-stdin",
        )
        .hint("to sign in with a browser or a device code, run `datumctl login`")
        .hint("pipe a token in: `datumctl auth login --token-stdin < token.txt`")
        .hint("in CI, set DATUMCTL_TOKEN instead"));
    }
    let name = wanted.ok_or_else(|| {
        CliError::usage("no current context to store the token in")
            .hint("create one first: `datumctl config set-context NAME --server URL --project ID`")
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
    config::save(path, file).map_err(|e| CliError::failure(anyhow::Error::new(e)))?;
    ctx.printer.out(&format!(
        "Token stored for context {name:?} in {}\n",
        path.display()
    ));
    Ok(())
}

/// `auth whoami`: the server, project, context and kind of credential in use; never a secret.
fn whoami(ctx: &Context, file: &ConfigFile, wanted: Option<&str>) -> Result<(), CliError> {
    let target = connect::target(&ctx.global)?;
    for warning in &target.warnings {
        ctx.printer.warn(warning);
    }
    let oidc = file
        .selected(wanted)
        .and_then(|c| c.oidc.as_ref())
        .filter(|_| matches!(target.credential, Credential::Renewing(_)));
    let credential = if ctx.global.token.as_deref().is_some_and(|t| !t.is_empty()) {
        "bearer token from --token or DATUMCTL_TOKEN"
    } else if target.credential.is_some() {
        target.credential.kind()
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
    if let Some(user) = &target.impersonate.user {
        text.push_str(&format!("Acting as:   {user}\n"));
    }
    if let Some(o) = oidc {
        text.push_str(&identity_lines(o));
    }
    ctx.printer.out(&text);
    Ok(())
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

/// `auth get-token`: the current token (renewed first when due), bare or as an ExecCredential.
async fn get_token(ctx: &Context, path: &Path, wanted: Option<&str>) -> Result<(), CliError> {
    let api_version = match ctx.global.output.as_deref() {
        None => None,
        Some("json") | Some(exec::V1) => Some(exec::V1),
        Some(exec::V1BETA1) => Some(exec::V1BETA1),
        Some(other) => {
            return Err(CliError::usage(format!(
                "unsupported output format {other:?} for get-token"
            ))
            .hint(format!(
                "omit -o for the bare token, or use -o {} (or {}, or json) for a kubectl ExecCredential",
                exec::V1,
                exec::V1BETA1
            )));
        }
    };
    let target = connect::target(&ctx.global)?;
    for warning in &target.warnings {
        ctx.printer.warn(warning);
    }
    let token = target
        .credential
        .authorization()
        .await
        .map_err(|e| ClientError::Credential(e).into_cli(&target))?
        .and_then(|a| a.token);
    let Some(token) = token else {
        return Err(CliError::failure(anyhow::anyhow!("no token configured"))
            .hint("log in with `datumctl login`, or store one with `datumctl auth login --token-stdin`"));
    };
    let Some(api_version) = api_version else {
        ctx.printer.out(&format!("{token}\n"));
        return Ok(());
    };
    // After a renewal the config holds the new expiry.
    let expiry = if matches!(target.credential, Credential::Renewing(_)) {
        config::load(path)?
            .selected(wanted)
            .and_then(|c| c.oidc.as_ref())
            .and_then(|o| o.expiry.clone())
    } else {
        None
    };
    ctx.printer.out(&format!(
        "{}\n",
        exec_credential(api_version, &token, expiry.as_deref())
    ));
    Ok(())
}

/// A kubectl `ExecCredential`, so a kubeconfig `exec` entry can run
/// `datumctl auth get-token -o client.authentication.k8s.io/v1`.
fn exec_credential(api_version: &str, token: &str, expiry: Option<&str>) -> String {
    let mut status = serde_json::json!({ "token": token });
    if let Some(at) = expiry {
        status["expirationTimestamp"] = serde_json::Value::String(at.to_string());
    }
    let credential = serde_json::json!({
        "kind": "ExecCredential",
        "apiVersion": api_version,
        "spec": { "interactive": false },
        "status": status,
    });
    serde_json::to_string_pretty(&credential).unwrap_or_default()
}
