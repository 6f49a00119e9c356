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
            config::save(&path, &file).map_err(|e| CliError::failure(anyhow::Error::new(e)))?;
            ctx.printer.out(&format!(
                "Token stored for context {name:?} in {}\n",
                path.display()
            ));
        }
        AuthCommand::GetToken => {
            let target =
                crate::client::target::resolve(&ctx.global).map_err(crate::client::target_error)?;
            match target.token {
                Some(t) => ctx.printer.out(&format!("{t}\n")),
                None => {
                    return Err(CliError::failure(anyhow::anyhow!("no token configured"))
                        .hint("store one with `datumctl auth login --token-stdin`"));
                }
            }
        }
        AuthCommand::Whoami => {
            let target =
                crate::client::target::resolve(&ctx.global).map_err(crate::client::target_error)?;
            let credential = if ctx.global.token.is_some() {
                "bearer token from --token or DATUMCTL_TOKEN"
            } else if target.token.is_some() {
                "bearer token stored in the context"
            } else if target.tls.identity_pem.is_some() {
                "client certificate from the kubeconfig"
            } else {
                "none"
            };
            ctx.printer.out(&format!(
                "Server:      {}\nProject:     {}\nContext:     {}\nCredential:  {credential}\n",
                target.server,
                target.project.as_deref().unwrap_or("<none>"),
                target.context.as_deref().unwrap_or("<none>"),
            ));
        }
    }
    Ok(Outcome::Success)
}
