//! Talking to a project's API: config and contexts, where requests go, the HTTP client with
//! retries and kubectl's error wording, apply's patch computation, and the live OpenAPI.

pub mod api;
pub mod config;
pub mod http;
pub mod kubeconfig;
pub mod openapi;
pub mod patch;
pub mod proxy;
pub mod status;
pub mod target;
pub mod tls;

use crate::cli::GlobalArgs;
use crate::error::{CliError, ErrorKind};
use crate::print::Printer;
use http::ApiClient;
use target::TargetError;

/// Resolves the target and builds the client, or the command's error with hints.
pub fn connect(global: &GlobalArgs, printer: &Printer) -> Result<ApiClient, CliError> {
    let mut target = target::resolve(global).map_err(target_error)?;
    // A stored `datumctl login` token near its expiry is renewed before first use.
    crate::auth::refresh_target(&mut target, global)?;
    let timeout = match &global.request_timeout {
        Some(t) => http::parse_timeout(t)
            .map_err(|e| CliError::usage(format!("invalid --request-timeout {t:?}: {e}")))?,
        None => None,
    };
    warn_if_others_can_read(&target, global, printer);
    let target_for_errors = target.clone();
    ApiClient::new(target, global.verbosity, printer.clone(), timeout)
        .map_err(|e| e.into_cli(&target_for_errors))
}

/// Brings the token of a client that outlives it (a long watch) up to date before it
/// reconnects: the stored one, if another command renewed it meanwhile, renewed here if it is
/// due. A failure is only warned about: a server that no longer takes the old token says so.
pub fn renew_if_due(client: &ApiClient, global: &GlobalArgs) {
    // Renewal drives its own runtime, which cannot start on this (async) thread.
    let current = std::thread::scope(|scope| {
        scope
            .spawn(|| {
                let mut target = target::resolve(global).map_err(target_error)?;
                crate::auth::refresh_target(&mut target, global)?;
                Ok::<_, CliError>(target.token)
            })
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    });
    match current {
        Ok(Some(token)) if client.token().as_ref() != Some(&token) => client.set_token(token),
        Ok(_) => {}
        Err(e) => client
            .printer
            .warn(&format!("could not renew the login token: {}", e.message())),
    }
}

/// A credential stored in a file that group or others may read is one `cat` from leaking:
/// say so on every use, as the file is read (writes by datumctl are always 0600).
fn warn_if_others_can_read(target: &target::Target, global: &GlobalArgs, printer: &Printer) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Only when the token came from a file, not from --token or DATUMCTL_TOKEN.
        if global.token.is_some() {
            return;
        }
        let Some(path) = &target.credential_file else {
            return;
        };
        let Ok(meta) = std::fs::metadata(path) else {
            return;
        };
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            printer.warn(&format!(
                "{} holds a credential and is readable by other users (mode {mode:04o}); run `chmod 600 {}`",
                path.display(),
                path.display()
            ));
        }
    }
    #[cfg(not(unix))]
    let _ = (target, global, printer);
}

/// The command-level error for a target that cannot be resolved.
pub fn target_error(e: TargetError) -> CliError {
    match e {
        TargetError::NoServer => CliError::usage("no server configured")
            .hint("pass --server URL or set DATUMCTL_SERVER")
            .hint("or save one: `datumctl config set-context NAME --server URL --project ID` then `datumctl config use-context NAME`"),
        TargetError::NoProject => CliError::usage("no project given")
            .hint("pass --project ID, set DATUM_PROJECT, or save one in a context with `datumctl config set-context`"),
        TargetError::UnknownContext(name, path) => CliError::usage(format!(
            "context {name:?} does not exist in {}",
            path.display()
        ))
        .hint("list contexts with `datumctl config get-contexts`"),
        other => CliError::new(ErrorKind::Usage, anyhow::Error::new(other)),
    }
}
